import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CATALOGUE_KIND_LABELS,
  CHARGE_CLASS_NAMES,
  labelOf,
  MED_CHRGITM_TYPE_LABELS,
  restrictionsOf,
  validityText,
} from './labels.ts';

test('catalogue codes have Chinese labels', () => {
  assert.equal(labelOf(CATALOGUE_KIND_LABELS, 'material'), '医用耗材');
  assert.deepEqual(Object.values(CHARGE_CLASS_NAMES), ['甲类', '乙类', '丙类']);
  assert.equal(labelOf(MED_CHRGITM_TYPE_LABELS, '09'), '西药费');
  assert.equal(labelOf(MED_CHRGITM_TYPE_LABELS, '99'), '99');
});

test('restrictions in words', () => {
  const none = { genderLimit: null, minAge: null, maxAge: null, inpatientOnly: false };
  assert.deepEqual(restrictionsOf(none), []);
  assert.deepEqual(restrictionsOf({ ...none, genderLimit: '2', inpatientOnly: true }), ['限女性', '限住院']);
  assert.deepEqual(restrictionsOf({ ...none, minAge: 18 }), ['18 岁及以上']);
  assert.deepEqual(restrictionsOf({ ...none, maxAge: 14 }), ['14 岁及以下']);
  assert.deepEqual(restrictionsOf({ ...none, genderLimit: '1', minAge: 0, maxAge: 6 }), ['限男性', '0–6 岁']);
});

test('validity text', () => {
  assert.equal(validityText('2025-01-01', null), '2025-01-01 起');
  assert.equal(validityText('2025-01-01', '2025-12-31'), '2025-01-01 至 2025-12-31');
});
