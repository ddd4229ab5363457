import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATALOGUE_API_TO_FORM, CATALOGUE_FALLBACK, CATALOGUE_FIELDS } from './catalogue-form.ts';
import { mapApiError } from './field-errors.ts';
import { INSTITUTION_FALLBACK, INSTITUTION_FIELDS } from './institution-form.ts';

const catalogue = {
  fields: CATALOGUE_FIELDS,
  apiToForm: CATALOGUE_API_TO_FORM,
  fallback: (f: string) => CATALOGUE_FALLBACK[f as keyof typeof CATALOGUE_FALLBACK] ?? '格式不正确',
};

test('institution errors as the API sends them land on their fields', () => {
  const m = { fields: INSTITUTION_FIELDS, fallback: (f: string) => INSTITUTION_FALLBACK[f as 'code'] ?? '' };
  assert.deepEqual(
    mapApiError(
      { code: 'INSTITUTION_LEVEL_REQUIRED', message: '医院须填写等级', details: { field: 'level' } },
      m,
    ),
    { fields: { level: '医院须填写等级' }, form: null },
  );
  assert.deepEqual(
    mapApiError(
      {
        code: 'VALIDATION_FAILED',
        message: '请求参数不合法：body.code 机构编码应为 H 或 P 加 11 位数字',
        details: [{ field: 'body.code', message: '机构编码应为 H 或 P 加 11 位数字' }],
      },
      m,
    ),
    { fields: { code: '机构编码应为 H 或 P 加 11 位数字' }, form: null },
  );
  assert.deepEqual(
    mapApiError(
      { code: 'INSTITUTION_DUPLICATE', message: '机构编码 H1 已存在', details: { field: 'code' } },
      m,
    ).fields,
    {
      code: '机构编码 H1 已存在',
    },
  );
  assert.deepEqual(mapApiError({ code: 'FORBIDDEN', message: '无权操作' }, m), {
    fields: {},
    form: '无权操作',
  });
});

test('catalogue: API names (firstShareBp, priceCapFen) map to the percent and 元 fields', () => {
  assert.deepEqual(
    mapApiError(
      {
        code: 'VALIDATION_FAILED',
        message: 'x',
        details: [{ field: 'body.priceCapFen', message: 'Too small: expected number to be >=1' }],
      },
      catalogue,
    ),
    { fields: { priceCap: '限价应为大于 0 的金额（元），最多两位小数' }, form: null },
  );
  assert.deepEqual(
    mapApiError(
      {
        code: 'CATALOGUE_FIRST_SHARE',
        message: '只有乙类项目有先行自付比例',
        details: { field: 'firstShareBp' },
      },
      catalogue,
    ).fields,
    { firstShare: '只有乙类项目有先行自付比例' },
  );
  assert.deepEqual(
    mapApiError(
      { code: 'CATALOGUE_DUPLICATE', message: '版本已存在', details: { field: 'validFrom' } },
      catalogue,
    ).fields,
    { validFrom: '版本已存在' },
  );
});

test('a VALIDATION_FAILED without details still shows its message', () => {
  assert.deepEqual(mapApiError({ code: 'VALIDATION_FAILED', message: '请求参数不合法' }, catalogue), {
    fields: {},
    form: '请求参数不合法',
  });
});
