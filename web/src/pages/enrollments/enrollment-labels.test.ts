import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ENROLLMENT_STATUS_LABELS,
  GENDER_LABELS,
  INSUTYPE_LABELS,
  insutypeOptions,
  labelOf,
  PERSON_STATUS_LABELS,
} from './enrollment-labels.ts';

test('scheme, status and gender codes have Chinese labels', () => {
  assert.equal(labelOf(INSUTYPE_LABELS, '310'), '职工基本医疗保险');
  assert.equal(labelOf(INSUTYPE_LABELS, '390'), '城乡居民基本医疗保险');
  assert.equal(labelOf(INSUTYPE_LABELS, '510'), '生育保险');
  assert.equal(labelOf(ENROLLMENT_STATUS_LABELS, 'stopped'), '已停保');
  assert.equal(labelOf(PERSON_STATUS_LABELS, 'moved_out'), '迁出');
  assert.equal(labelOf(GENDER_LABELS, '2'), '女');
});

test('unknown codes show as themselves, empty as a dash; options list the three schemes', () => {
  assert.equal(labelOf(INSUTYPE_LABELS, '999'), '999');
  assert.equal(labelOf(INSUTYPE_LABELS, null), '—');
  assert.deepEqual(
    insutypeOptions(true).map((o) => o.label),
    ['390 居民医保', '310 职工医保', '510 生育保险'],
  );
});
