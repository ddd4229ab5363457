import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REASON_NAMES as SERVER_REASON_NAMES } from '../../../../src/domain/his/fields.ts';
import { label, MED_TYPE_NAMES, MED_TYPE_OPTIONS, REASON_NAMES, reasonLabels } from './labels.ts';

test('care types and codes read in Chinese; unknown codes show as themselves', () => {
  assert.equal(label(MED_TYPE_NAMES, '21'), '住院');
  assert.equal(label(MED_TYPE_NAMES, '14'), '门慢门特');
  assert.equal(label(MED_TYPE_NAMES, '99'), '99');
  assert.equal(label(MED_TYPE_NAMES, null), '—');
  assert.deepEqual(MED_TYPE_OPTIONS.slice(0, 2), [
    { value: '11', label: '普通门诊（11）' },
    { value: '12', label: '门诊挂号（12）' },
  ]);
});

test('line reasons: the same names as the server, the server’s own names first', () => {
  assert.deepEqual(REASON_NAMES, SERVER_REASON_NAMES);
  assert.deepEqual(reasonLabels(['CLASS_C', 'NEW_REASON']), ['丙类项目全自费', 'NEW_REASON']);
  assert.deepEqual(reasonLabels(['OVER_PRICE_CAP'], ['超出支付标准（服务端）']), ['超出支付标准（服务端）']);
});
