import assert from 'node:assert/strict';
import { test } from 'node:test';
import { identityNames, labelOf, PERSON_STATUS_NAMES } from './labels.ts';
import {
  accumulatorLines,
  chinaToday,
  enrollmentState,
  identityState,
  memberCoverage,
  newestFirst,
  spellsForDisplay,
} from './person-view.ts';
import type { Accumulator, HouseholdMember, IdentitySpell } from './types.ts';

const TODAY = '2026-11-27';

test('the day is China time: 17:00 UTC is already tomorrow', () => {
  assert.equal(chinaToday(new Date('2026-02-28T17:00:00Z')), '2026-03-01');
  assert.equal(chinaToday(new Date('2026-02-28T15:59:59Z')), '2026-02-28');
});

test('identity spells are in force, ended or not yet begun on a day', () => {
  assert.equal(identityState({ validFrom: '2020-01-01', validTo: null }, TODAY).text, '有效');
  assert.equal(identityState({ validFrom: '2020-01-01', validTo: TODAY }, TODAY).text, '有效');
  assert.equal(identityState({ validFrom: '2020-01-01', validTo: '2026-11-26' }, TODAY).text, '已结束');
  assert.equal(identityState({ validFrom: '2026-12-01', validTo: null }, TODAY).text, '未生效');
});

test('spells in force come first, then ended ones newest first', () => {
  const spell = (id: number, validFrom: string, validTo: string | null) =>
    ({ id, validFrom, validTo }) as IdentitySpell;
  const rows = [
    spell(1, '2019-01-01', '2021-12-31'),
    spell(2, '2022-01-01', null),
    spell(3, '2020-05-01', '2020-12-31'),
  ];
  assert.deepEqual(
    spellsForDisplay(rows, TODAY).map((s) => s.id),
    [2, 3, 1],
  );
});

test('enrollment periods: active, stopped (with its date), expired, future', () => {
  const e = { status: 'active' as const, beginDate: '2026-01-01', endDate: '2026-12-31', stoppedOn: null };
  assert.equal(enrollmentState(e, TODAY).text, '参保中');
  assert.equal(
    enrollmentState({ ...e, status: 'stopped', stoppedOn: '2026-09-30' }, TODAY).text,
    '已停保（2026-09-30）',
  );
  assert.equal(
    enrollmentState({ ...e, beginDate: '2025-01-01', endDate: '2025-12-31' }, TODAY).text,
    '已到期',
  );
  assert.equal(
    enrollmentState({ ...e, beginDate: '2027-01-01', endDate: '2027-12-31' }, TODAY).text,
    '未开始',
  );
});

test('accumulator lines keep fen integers and sum the special-disease map', () => {
  const a = {
    insutype: '390',
    year: 2026,
    admissions: 2,
    deductiblePaidFen: 50000,
    basicFundPaidFen: 1234567,
    outpatientPooledPaidFen: 5466,
    criticalIllnessBaseFen: 0,
    criticalIllnessPaidFen: 0,
    assistanceDeductiblePaidFen: 0,
    assistancePaidFen: 0,
    specialDiseasePaidFen: { I10: 1001, E11: 2002 },
    updatedAt: '2026-11-27T03:58:00.000Z',
  } satisfies Accumulator;
  const lines = accumulatorLines(a);
  assert.deepEqual(lines[0], { key: 'admissions', label: '住院次数', fen: null, count: 2 });
  assert.equal(lines.find((l) => l.key === 'basicFundPaidFen')?.fen, 1234567);
  assert.equal(lines.find((l) => l.key === 'specialDisease')?.fen, 3003);
  // an older server without the outpatient deductible simply has no such line
  assert.equal(
    lines.some((l) => l.key === 'outpatientDeductiblePaidFen'),
    false,
  );
});

test('a member is covered this year by an active period in it', () => {
  const m = { psnNo: 'x', name: '张', relation: '户主' } as HouseholdMember;
  assert.deepEqual(memberCoverage({ ...m, insutypesThisYear: ['310', '390'] }, 2026), {
    enrolled: true,
    text: '已参保（职工医保、居民医保）',
  });
  assert.deepEqual(memberCoverage({ ...m, insutypesThisYear: [] }, 2026), {
    enrolled: false,
    text: '未参保',
  });
  // without the per-year list, the latest coverage counts only if it is this year's and active
  const last = { insutype: '390', year: 2025, status: 'active' };
  assert.equal(memberCoverage({ ...m, coverage: last }, 2026).enrolled, false);
  assert.equal(memberCoverage({ ...m, coverage: { ...last, year: 2026 } }, 2026).enrolled, true);
  assert.equal(memberCoverage({ ...m, coverage: null }, 2026).text, '未参保');
});

test('status history newest first; codes and identities in Chinese', () => {
  const rows = [
    { id: 1, status: 'imprisoned', effectiveDate: '2024-03-01', source: '公安', note: null, recordedAt: '' },
    { id: 3, status: 'normal', effectiveDate: '2025-03-01', source: '公安', note: null, recordedAt: '' },
    { id: 2, status: 'normal', effectiveDate: '2025-03-01', source: '公安', note: null, recordedAt: '' },
  ];
  assert.deepEqual(
    newestFirst(rows).map((r) => r.id),
    [3, 2, 1],
  );
  assert.equal(labelOf(PERSON_STATUS_NAMES, 'moved_out'), '迁出');
  assert.equal(labelOf(PERSON_STATUS_NAMES, 'new_code'), 'new_code');
  assert.equal(labelOf(PERSON_STATUS_NAMES, null), '—');
  assert.deepEqual(identityNames(['dibao', 'x'], [{ code: 'dibao', name: '低保' }]), ['低保', 'x']);
});
