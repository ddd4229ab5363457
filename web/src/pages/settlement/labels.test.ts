import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INSUTYPE_OPTIONS, labelOf, MED_TYPE_NAMES, MED_TYPE_OPTIONS, reasonLabels } from './labels.ts';

test('care types and codes read in Chinese; unknown codes show as themselves', () => {
  assert.equal(labelOf(MED_TYPE_NAMES, '21'), '住院');
  assert.equal(labelOf(MED_TYPE_NAMES, '14'), '门慢门特');
  assert.equal(labelOf(MED_TYPE_NAMES, '99'), '99');
  assert.equal(labelOf(MED_TYPE_NAMES, null), '—');
  assert.deepEqual(MED_TYPE_OPTIONS.slice(0, 2), [
    { value: '11', label: '普通门诊（11）' },
    { value: '12', label: '门诊挂号（12）' },
  ]);
});

test('scheme filter: the two settled schemes, employees first', () => {
  assert.deepEqual(INSUTYPE_OPTIONS, [
    { value: '310', label: '职工基本医疗保险（310）' },
    { value: '390', label: '城乡居民基本医疗保险（390）' },
  ]);
});

test('line reasons: the server’s names where given, else the engine’s, else the code', () => {
  assert.deepEqual(reasonLabels(['CLASS_C', 'NEW_REASON']), ['丙类项目全自费', 'NEW_REASON']);
  assert.deepEqual(reasonLabels(['OVER_PRICE_CAP'], ['超出支付标准（服务端）']), ['超出支付标准（服务端）']);
});
