import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conflict } from '../shared/errors.ts';
import {
  type EnrollmentImportContext,
  type EnrollmentRef,
  type EnrollmentRule,
  enrollmentValidator,
} from './enrollments.ts';
import { CERT_A, headersOf, IDENTITY_TYPES, person, rowsOf, TODAY } from './fixtures.ts';

const HEADER = [
  '身份证号',
  '姓名',
  '险种',
  '年度',
  '个人缴费（元）',
  '财政补助（元）',
  '资助金额（元）',
  '资助身份',
  '单位名称',
];
const A = person(CERT_A, '张建国');

// A stand-in for the registry's checkEnrollment: overlap only, reporting the field it blames.
const overlapOnly: EnrollmentRule = (c, ctx, excludeId) =>
  ctx.existing.some(
    (e) =>
      e.id !== excludeId && e.insutype === c.insutype && e.beginDate <= c.endDate && c.beginDate <= e.endDate,
  )
    ? conflict('ENROLLMENT_OVERLAP', '参保期间重叠', { field: 'beginDate' })
    : null;

const EXISTING: EnrollmentRef = {
  id: 5,
  insutype: '390',
  beginDate: '2025-01-01',
  endDate: '2025-12-31',
  status: 'active',
  personalFen: 38000,
  fiscalFen: 67000,
  assistedFen: 0,
  assistedIdentity: null,
  employerName: null,
};

function ctx(rule: EnrollmentRule = overlapOnly): EnrollmentImportContext {
  return {
    today: TODAY,
    persons: new Map([[CERT_A, A]]),
    identityTypes: IDENTITY_TYPES,
    enrollments: new Map([[A.psnNo, [EXISTING]]]),
    identities: new Map(),
    rule,
  };
}

const run = (c: EnrollmentImportContext, header: string[], ...rows: (string | number | null)[][]) => {
  const v = enrollmentValidator(c, headersOf('enrollments', header));
  return rowsOf(...rows).map(v);
};

test('a resident year becomes Jan 1 – Dec 31 with amounts in fen and the subsidy payer from the identity', () => {
  const [r] = run(ctx(), HEADER, [CERT_A, '张建国', '城乡居民', '2026', '0', '670', '380.00', '低保', '']);
  assert.ok(r.ok);
  assert.deepEqual(
    {
      action: r.record.action,
      insutype: r.record.insutype,
      beginDate: r.record.beginDate,
      endDate: r.record.endDate,
      personalFen: r.record.personalFen,
      fiscalFen: r.record.fiscalFen,
      assistedFen: r.record.assistedFen,
      assistedIdentity: r.record.assistedIdentity,
      assistedPayer: r.record.assistedPayer,
    },
    {
      action: 'insert',
      insutype: '390',
      beginDate: '2026-01-01',
      endDate: '2026-12-31',
      personalFen: 0,
      fiscalFen: 67000,
      assistedFen: 38000,
      assistedIdentity: 'dibao',
      assistedPayer: '民政',
    },
  );
});

test('the same key is unchanged when equal and an update when an amount differs', () => {
  const [same] = run(ctx(), HEADER, [CERT_A, '张建国', '390', '2025', '380', '670', '', '', '']);
  assert.ok(same.ok);
  assert.equal(same.record.action, 'unchanged');
  const [fixed] = run(ctx(), HEADER, [CERT_A, '张建国', '390', '2025', '400', '670', '', '', '']);
  assert.ok(fixed.ok);
  assert.equal(fixed.record.action, 'update');
  assert.equal(fixed.record.existingId, 5);
  assert.equal(fixed.record.before?.personalFen, 38000);
});

test('explicit dates win over the year; a date outside the year is refused', () => {
  const header = ['身份证号', '姓名', '险种', '年度', '起始日期', '终止日期'];
  const [ok, outside, reversed] = run(
    ctx(),
    header,
    [CERT_A, '张建国', '职工', '2026', '2026-04-01', ''],
    [CERT_A, '张建国', '职工', '2026', '2027-01-01', ''],
    [CERT_A, '张建国', '生育', '', '2026-04-01', '2026-03-01'],
  );
  assert.ok(ok.ok);
  assert.deepEqual(
    [ok.record.insutype, ok.record.beginDate, ok.record.endDate],
    ['310', '2026-04-01', '2026-12-31'],
  );
  assert.equal(outside.ok ? '' : outside.errors[0].reason, '起始日期不在 2026 年度内');
  assert.equal(reversed.ok ? '' : reversed.errors[0].reason, '终止日期早于起始日期');
});

test("the registry rule's verdict is reported in the column it names; file rows count as existing", () => {
  const rs = run(
    ctx(),
    HEADER,
    [CERT_A, '张建国', '390', '2026', '380', '670', '', '', ''],
    [CERT_A, '张建国', '390', '2026', '380', '670', '', '', ''],
  );
  assert.ok(rs[0].ok);
  assert.deepEqual(rs[1].ok ? [] : rs[1].errors.map((e) => [e.rowNo, e.column, e.reason]), [
    [3, '年度', '与第 2 行的参保期间重叠'],
  ]);
});

test('amounts with three decimals, negative amounts and unknown schemes are refused', () => {
  const [r] = run(ctx(), HEADER, [CERT_A, '张建国', '商业保险', '2026', '380.123', '-1', '', '小康', '']);
  assert.deepEqual(r.ok ? [] : r.errors.map((e) => [e.column, e.reason]), [
    ['险种', '险种应为 390（城乡居民）、310（职工）或 510（生育）'],
    ['个人缴费（元）', '个人缴费不是有效金额（单位元，最多两位小数）'],
    ['财政补助（元）', '财政补助不能为负数'],
    ['资助身份', '资助身份「小康」无法识别'],
  ]);
});
