import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ENROLLMENT_CODE_FIELDS, enrollmentErrors, stopErrors } from './enrollment-errors.ts';
import { ENROLLMENT_FIELDS } from './enrollment-form.ts';

test('VALIDATION_FAILED details land on the 元 fields, English zod text replaced', () => {
  // as the API answers a PUT with a fractional and a negative fen amount
  const r = enrollmentErrors({
    code: 'VALIDATION_FAILED',
    message: '请求参数不合法：body.personalFen Invalid input…；body.fiscalFen Too small…',
    details: [
      { field: 'body.personalFen', message: 'Invalid input: expected int, received number' },
      { field: 'body.fiscalFen', message: 'Too small: expected number to be >=0' },
    ],
  });
  assert.deepEqual(r, {
    fields: {
      personal: '个人缴费应为不小于 0 的金额（元），最多两位小数',
      fiscal: '财政补助应为不小于 0 的金额（元），最多两位小数',
    },
    form: null,
  });
});

test('a Chinese schema message is kept; a field the form lacks goes above the form', () => {
  const r = enrollmentErrors({
    code: 'VALIDATION_FAILED',
    message: '请求参数不合法：body.psnNo 人员编号应为 16 位数字；body.beginDate 应为有效日期（YYYY-MM-DD）',
    details: [
      { field: 'body.psnNo', message: '人员编号应为 16 位数字' },
      { field: 'body.beginDate', message: '应为有效日期（YYYY-MM-DD）' },
    ],
  });
  assert.deepEqual(r.fields, { beginDate: '应为有效日期（YYYY-MM-DD）' });
  assert.match(r.form ?? '', /人员编号应为 16 位数字/);
});

test('domain codes: overlap and death date on the period, identity on the subsidy', () => {
  const overlap = {
    code: 'ENROLLMENT_OVERLAP',
    message: '与已有的 390 参保期间（2026-01-01 至 2026-12-31）重叠',
    details: {
      field: 'beginDate',
      existingId: 2,
      existing: { beginDate: '2026-01-01', endDate: '2026-12-31' },
    },
  };
  assert.deepEqual(enrollmentErrors(overlap), { fields: { beginDate: overlap.message }, form: null });
  // the same codes without details still find their field
  assert.deepEqual(enrollmentErrors({ ...overlap, details: undefined }).fields, {
    beginDate: overlap.message,
  });
  assert.deepEqual(
    enrollmentErrors({ code: 'ENROLLMENT_AFTER_DEATH', message: '该人员已于 2025-10-01 死亡…' }).fields,
    { beginDate: '该人员已于 2025-10-01 死亡…' },
  );
  assert.deepEqual(
    enrollmentErrors({
      code: 'SUBSIDY_WITHOUT_IDENTITY',
      message: '该人员在参保开始日 2026-01-01 不具有有效的 dibao 身份，不能享受资助参保',
      details: { field: 'assistedIdentity', beginDate: '2026-01-01' },
    }).fields,
    { assistedIdentity: '该人员在参保开始日 2026-01-01 不具有有效的 dibao 身份，不能享受资助参保' },
  );
  assert.deepEqual(
    enrollmentErrors({ code: 'PERIOD_INVALID', message: '资助金额…', details: { field: 'assistedFen' } })
      .fields,
    { assisted: '资助金额…' },
  );
  assert.deepEqual(
    enrollmentErrors({ code: 'RESIDENT_CALENDAR_YEAR', message: 'x', details: { field: 'endDate' } }),
    {
      fields: { endDate: 'x' },
      form: null,
    },
  );
  // every mapped field exists on the form
  for (const f of Object.values(ENROLLMENT_CODE_FIELDS)) assert.ok(ENROLLMENT_FIELDS.includes(f), f);
});

test('errors that belong to no field are shown above the form', () => {
  assert.deepEqual(
    enrollmentErrors({
      code: 'PERSON_DECEASED',
      message: '该人员已标记为死亡，不能登记参保',
      details: { field: 'psnNo' },
    }),
    { fields: {}, form: '该人员已标记为死亡，不能登记参保' },
  );
  assert.deepEqual(enrollmentErrors({ code: 'ENROLLMENT_STOPPED', message: '已停保' }), {
    fields: {},
    form: '已停保',
  });
  assert.deepEqual(enrollmentErrors({ code: 'NETWORK', message: '无法连接服务器' }).form, '无法连接服务器');
});

test('stop errors: PERIOD_INVALID on the date', () => {
  assert.deepEqual(
    stopErrors({
      code: 'PERIOD_INVALID',
      message: '停保日期 2027-01-01 应在参保期间内',
      details: { field: 'stoppedOn' },
    }),
    { fields: { stoppedOn: '停保日期 2027-01-01 应在参保期间内' }, form: null },
  );
  assert.deepEqual(
    stopErrors({
      code: 'VALIDATION_FAILED',
      message: 'x',
      details: [{ field: 'body.reason', message: 'Too small: expected string to have >=1 characters' }],
    }).fields,
    { reason: '请填写停保原因（最多 200 个字）' },
  );
});
