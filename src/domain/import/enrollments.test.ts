import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type EnrollmentImportContext, type EnrollmentRef, enrollmentValidator } from './enrollments.ts';
import { CERT_A, headersOf, IDENTITY_TYPES, person, rowsOf, TODAY } from './fixtures.ts';

// The rules themselves are the registry's checkEnrollment (tested beside it); these tests prove a
// ledger row reaches it with the right period, amounts and identity, and that its verdict lands in
// the right column of the report.
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

function ctx(): EnrollmentImportContext {
  return {
    today: TODAY,
    persons: new Map([[CERT_A, A]]),
    identityTypes: IDENTITY_TYPES,
    enrollments: new Map([[A.psnNo, [EXISTING]]]),
    identities: new Map([[A.psnNo, [{ code: 'dibao', validFrom: '2025-07-01', validTo: null }]]]),
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

test('explicit dates win over the year; the registry rule decides what a missing end date means', () => {
  const header = ['身份证号', '姓名', '险种', '年度', '起始日期', '终止日期', '单位名称'];
  const rs = run(
    ctx(),
    header,
    [CERT_A, '张建国', '职工', '2026', '2026-04-01', '', '范县供电公司'],
    [CERT_A, '张建国', '职工', '2026', '2027-01-01', '', '范县供电公司'],
    [CERT_A, '张建国', '生育', '', '2026-04-01', '2026-03-01', '范县供电公司'],
    [CERT_A, '张建国', '生育', '', '2026-04-01', '', '范县供电公司'],
    [CERT_A, '张建国', '城乡居民', '', '2026-04-01', '', ''],
    [CERT_A, '张建国', '城乡居民', '', '2027-04-01', '2028-03-31', ''],
    [CERT_A, '张建国', '职工', '', '2027-01-01', '2027-12-31', ''],
  );
  const outcome = rs.map((r) =>
    r.ok
      ? [r.record.insutype, r.record.beginDate, r.record.endDate]
      : r.errors.map((e) => [e.column, e.reason]),
  );
  assert.deepEqual(outcome, [
    ['310', '2026-04-01', '2026-12-31'],
    [['起始日期', '起始日期不在 2026 年度内']],
    [['终止日期', '参保截止日期 2026-03-01 早于开始日期 2026-04-01']],
    [['终止日期', '职工医保和生育保险须填写参保截止日期']],
    ['390', '2026-04-01', '2026-12-31'],
    [['终止日期', '城乡居民医保按自然年度参保，期间应在同一年内（2027-04-01 至 2028-03-31 跨年）']],
    [['单位名称', '职工医保参保须填写参保单位名称']],
  ]);
});

test('a subsidy needs the identity on the first day of the period', () => {
  const [r] = run(ctx(), HEADER, [CERT_A, '张建国', '生育', '2025', '', '', '100', '低保', '']);
  assert.deepEqual(r.ok ? [] : r.errors.map((e) => [e.column, e.reason]), [
    ['资助身份', '该人员在参保开始日 2025-01-01 不具有有效的低保身份，不能享受资助参保'],
  ]);
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
