import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapApiError } from '../../lib/field-errors.ts';
import { CATALOGUE_API_TO_FORM, CATALOGUE_FALLBACK, CATALOGUE_FIELDS } from './catalogue-form.ts';

const catalogue = {
  fields: CATALOGUE_FIELDS,
  apiToForm: CATALOGUE_API_TO_FORM,
  fallback: (f: string) => CATALOGUE_FALLBACK[f as keyof typeof CATALOGUE_FALLBACK] ?? '格式不正确',
};

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
