import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coverage } from './special-groups.ts';
import { AMOUNT_KEYS, monthStart, type SummaryRow, summarise } from './settlement-summary.ts';

const row = (isToday: boolean, insutype: string, medType: string, s: number, r: number, fen: number) =>
  ({
    isToday,
    insutype,
    medType,
    settlements: s,
    reversals: r,
    ...Object.fromEntries(AMOUNT_KEYS.map((k) => [k, fen])),
  }) as SummaryRow;

test('month start', () => {
  assert.equal(monthStart('2026-03-15'), '2026-03-01');
  assert.equal(monthStart('2026-12-01'), '2026-12-01');
});

test('rows fold into today and month, by scheme (residents first) and care type, counts net', () => {
  const s = summarise(
    [
      row(true, '310', '21', 1, 0, 500),
      row(true, '390', '11', 2, 1, 300),
      row(false, '390', '11', 4, 0, 1000),
      row(false, '999', '99', 1, 0, 7),
    ],
    '2026-03-15',
  );
  assert.deepEqual(
    s.today.byScheme.map((l) => [l.code, l.name, l.count, l.reversals, l.medfeeFen, l.cashFen]),
    [
      ['390', '城乡居民基本医疗保险', 1, 1, 300, 300],
      ['310', '职工基本医疗保险', 1, 0, 500, 500],
    ],
  );
  assert.deepEqual(
    s.month.byCareType.map((l) => [l.code, l.name, l.count, l.fundFen]),
    [
      ['11', '普通门诊', 5, 1300],
      ['21', '普通住院', 1, 500],
      ['99', '99', 1, 7], // an unknown code shows as itself
    ],
  );
  assert.deepEqual([s.month.total.count, s.month.total.reversals, s.month.total.basicFen], [7, 1, 1807]);
  assert.deepEqual(s.month.byScheme.at(-1)?.code, '999');
  const none = summarise([], '2026-03-15');
  assert.deepEqual([none.today.total.count, none.today.total.medfeeFen, none.today.byScheme], [0, 0, []]);
});

test('coverage rates are basis points of the holders; none held → no rate', () => {
  const base = { code: 'dibao', name: '低保', department: '民政', subsidisesEnrollment: true };
  assert.deepEqual(
    coverage([
      { ...base, holders: 3, enrolled: 2, subsidised: 1, unsubsidised: 2 },
      { ...base, holders: 0, enrolled: 0, subsidised: 0, unsubsidised: 0 },
    ]).map((r) => [r.rateBp, r.subsidisedRateBp]),
    [
      [6667, 3333],
      [null, null],
    ],
  );
});
