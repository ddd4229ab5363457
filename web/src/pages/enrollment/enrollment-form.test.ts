import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  amountError,
  fromEnrollment,
  newEnrollmentValues,
  periodYear,
  newEnrollmentBlocked,
  suggestedYear,
  toEnrollmentBody,
  totalFen,
  validateEnrollment,
  validateStop,
  yearPeriod,
} from './enrollment-form.ts';

const resident = {
  insutype: '390' as const,
  beginDate: '2026-01-01',
  endDate: '2026-12-31',
  personal: '400',
  fiscal: '700.00',
  assisted: '0',
};

test('a valid resident entry has no errors and becomes a body in fen', () => {
  assert.deepEqual(validateEnrollment(resident), {});
  assert.deepEqual(toEnrollmentBody('4109260000000001', { ...resident, personal: '1,234.5' }), {
    psnNo: '4109260000000001',
    insutype: '390',
    beginDate: '2026-01-01',
    endDate: '2026-12-31',
    personalFen: 123450,
    fiscalFen: 70000,
    assistedFen: 0,
    assistedIdentity: null,
    assistedPayer: null,
    employerCode: null,
    employerName: null,
    contributionReason: null,
  });
});

test('amounts: required, at most two decimals, not negative', () => {
  assert.equal(amountError('', '个人缴费'), '请填写个人缴费（元）');
  assert.equal(amountError('400.125', '个人缴费'), '个人缴费最多保留两位小数（精确到分）');
  assert.equal(amountError('-1', '个人缴费'), '个人缴费应为不小于 0 的金额（元）');
  assert.equal(amountError('abc', '个人缴费'), '个人缴费应为不小于 0 的金额（元）');
  assert.equal(amountError('0.1', '个人缴费'), null);
  const e = validateEnrollment({ ...resident, personal: '400.125', fiscal: '' });
  assert.deepEqual(e, { personal: '个人缴费最多保留两位小数（精确到分）', fiscal: '请填写财政补助（元）' });
});

test('period rules carry the API messages', () => {
  assert.deepEqual(validateEnrollment({ ...resident, beginDate: '' }), { beginDate: '请填写参保开始日期' });
  assert.deepEqual(validateEnrollment({ ...resident, beginDate: '2026-02-30' }), {
    beginDate: '参保开始日期 2026-02-30 不是有效日期',
  });
  assert.deepEqual(validateEnrollment({ ...resident, endDate: '2025-12-31' }), {
    endDate: '参保截止日期 2025-12-31 早于开始日期 2026-01-01',
  });
  assert.deepEqual(validateEnrollment({ ...resident, beginDate: '2026-07-01', endDate: '2027-06-30' }), {
    endDate: '城乡居民医保按自然年度参保，期间应在同一年内（2026-07-01 至 2027-06-30 跨年）',
  });
  // a resident period may leave the end open (the API fills 12-31), an employee one may not
  assert.deepEqual(validateEnrollment({ ...resident, endDate: '' }), {});
  assert.deepEqual(validateEnrollment({ ...resident, insutype: '510', endDate: null }), {
    endDate: '职工医保和生育保险须填写参保截止日期',
  });
});

test('employee scheme needs an employer; a subsidy needs an identity', () => {
  const employee = { ...resident, insutype: '310' as const, endDate: '2027-06-30' };
  assert.deepEqual(validateEnrollment(employee), { employerName: '职工医保参保须填写参保单位名称' });
  assert.deepEqual(validateEnrollment({ ...employee, employerName: '演示县人民医院' }), {});
  assert.equal(
    toEnrollmentBody('1', { ...employee, employerName: '演示县人民医院' }).employerName,
    '演示县人民医院',
  );
  // switched to the resident scheme: the employer typed before is not sent
  assert.equal(toEnrollmentBody('1', { ...resident, employerName: '演示县人民医院' }).employerName, null);
  assert.deepEqual(validateEnrollment({ ...resident, assisted: '200' }), {
    assistedIdentity: '有资助参保金额时须填写资助身份',
  });
  assert.deepEqual(validateEnrollment({ ...resident, assisted: '200', assistedIdentity: 'dibao' }), {});
  assert.deepEqual(validateEnrollment({}).insutype, '请选择险种');
});

test('year picker period, total, and round trip of an existing row', () => {
  assert.deepEqual(yearPeriod(2026), { beginDate: '2026-01-01', endDate: '2026-12-31' });
  assert.equal(periodYear('2026-01-01', '2026-12-31'), 2026);
  assert.equal(periodYear('2026-03-05', '2026-12-31'), null);
  assert.equal(totalFen({ ...resident, assisted: '0.01' }), 110001);
  assert.equal(totalFen({ ...resident, assisted: '0.001' }), null);
  const row = {
    id: 7,
    psnNo: '4109260000000001',
    admdvs: '410926',
    insutype: '390',
    beginDate: '2026-01-01',
    endDate: '2026-12-31',
    status: 'active' as const,
    personalFen: 20000,
    fiscalFen: 70000,
    assistedFen: 20000,
    assistedPayer: '民政',
    assistedIdentity: 'dibao',
    employerCode: null,
    employerName: null,
    stoppedOn: null,
    stopReason: null,
    contributionReason: null,
  };
  const values = fromEnrollment(row);
  assert.equal(values.personal, '200.00');
  const body = toEnrollmentBody(row.psnNo, values);
  assert.deepEqual(
    [body.personalFen, body.fiscalFen, body.assistedFen, body.assistedIdentity, body.assistedPayer],
    [20000, 70000, 20000, 'dibao', '民政'],
  );
  assert.deepEqual(validateEnrollment(newEnrollmentValues(2027)), {
    personal: '请填写个人缴费（元）',
    fiscal: '请填写财政补助（元）',
  });
});

test('stop: date within the period and a reason', () => {
  const period = { beginDate: '2026-01-01', endDate: '2026-12-31' };
  assert.deepEqual(validateStop({ stoppedOn: '2026-05-01', reason: '转入职工医保' }, period), {});
  assert.deepEqual(validateStop({ stoppedOn: '2027-01-01', reason: ' ' }, period), {
    stoppedOn: '停保日期 2027-01-01 应在参保期间（2026-01-01 至 2026-12-31）内',
    reason: '请填写停保原因',
  });
});

test('a new entry is for this year, or next year when this year is already recorded', () => {
  const r = (insutype: string, beginDate: string, status: 'active' | 'stopped' = 'active') => ({
    insutype,
    beginDate,
    status,
  });
  assert.equal(suggestedYear([], 2026), 2026);
  assert.equal(suggestedYear([r('390', '2025-01-01')], 2026), 2026);
  assert.equal(suggestedYear([r('390', '2026-01-01')], 2026), 2027);
  assert.equal(suggestedYear([r('390', '2026-01-01', 'stopped')], 2026), 2026);
  assert.equal(suggestedYear([r('310', '2026-01-01')], 2026), 2026);
  // next year already paid in the collection season: the one after
  assert.equal(suggestedYear([r('390', '2027-01-01'), r('390', '2026-01-01')], 2026), 2028);
  assert.equal(suggestedYear([r('390', '2027-01-01')], 2026), 2026);
});

test('a deceased person cannot be newly enrolled, and the reason names the day', () => {
  assert.equal(newEnrollmentBlocked({ status: 'normal', deathDate: null }), null);
  assert.equal(
    newEnrollmentBlocked({ status: 'deceased', deathDate: '2026-05-02' }),
    '该人员已于 2026-05-02 死亡，不能新增参保登记',
  );
  assert.equal(
    newEnrollmentBlocked({ status: 'deceased', deathDate: null }),
    '该人员已死亡，不能新增参保登记',
  );
});
