import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapApiError } from '../../lib/field-errors.ts';
import { INSTITUTION_FALLBACK, INSTITUTION_FIELDS } from './institution-form.ts';

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
