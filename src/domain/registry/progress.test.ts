import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countyTotals, rankTownships, rateBp } from './progress.ts';

const t = (code: string, target: number, insured: number, subsidised = 0) => ({
  code,
  name: `乡镇${code}`,
  target,
  insured,
  subsidised,
});

test('rate is insured × 10000 / target, rounded half-up', () => {
  assert.equal(rateBp(9876, 10000), 9876);
  assert.equal(rateBp(1, 3), 3333); // 3333.33…
  assert.equal(rateBp(2, 3), 6667); // 6666.67…
  assert.equal(rateBp(1, 8), 1250);
  assert.equal(rateBp(1, 16), 625); // 625 exactly
  assert.equal(rateBp(1, 32000), 0); // 0.3125 → 0
  assert.equal(rateBp(1, 20000), 1); // 0.5 → 1 (half-up)
  assert.equal(rateBp(120, 100), 12000); // more insured than the target is shown as it is
});

test('no target means no rate', () => {
  assert.equal(rateBp(5, 0), null);
});

test('townships rank by rate descending, ties by code, missing rates last', () => {
  const ranked = rankTownships([
    t('410926103', 100, 90),
    t('410926101', 100, 95),
    t('410926104', 0, 40),
    t('410926102', 200, 180), // 90 %, ties with 103; 102 < 103
  ]);
  assert.deepEqual(
    ranked.map((r) => [r.code, r.rateBp, r.rank]),
    [
      ['410926101', 9500, 1],
      ['410926102', 9000, 2],
      ['410926103', 9000, 3],
      ['410926104', null, 4],
    ],
  );
});

test('county totals add townships and rate the sums (not the mean of rates)', () => {
  const c = countyTotals([t('1', 100, 99, 10), t('2', 900, 450, 5)]);
  assert.deepEqual(c, { target: 1000, insured: 549, subsidised: 15, rate: 5490 });
  assert.deepEqual(countyTotals([]), { target: 0, insured: 0, subsidised: 0, rate: null });
});
