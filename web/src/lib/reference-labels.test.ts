import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AGREEMENT_STATE_LABELS,
  agreementState,
  CATALOGUE_KIND_LABELS,
  CHARGE_CLASS_NAMES,
  chinaToday,
  INSTITUTION_KIND_LABELS,
  INSTITUTION_LEVEL_NAMES,
  labelOf,
  placeNames,
  MED_CHRGITM_TYPE_LABELS,
  QUALIFICATIONS,
  restrictionsOf,
  validityText,
} from './reference-labels.ts';

test('institution and catalogue codes have Chinese labels', () => {
  assert.equal(labelOf(INSTITUTION_KIND_LABELS, 'township_health_centre'), '乡镇卫生院');
  assert.equal(labelOf(INSTITUTION_KIND_LABELS, 'village_clinic'), '村卫生室');
  assert.equal(labelOf(INSTITUTION_KIND_LABELS, 'pharmacy'), '定点药店');
  assert.equal(labelOf(INSTITUTION_LEVEL_NAMES, 2), '二级');
  assert.equal(labelOf(INSTITUTION_LEVEL_NAMES, null), '—');
  assert.equal(labelOf(CATALOGUE_KIND_LABELS, 'material'), '医用耗材');
  assert.deepEqual(Object.values(CHARGE_CLASS_NAMES), ['甲类', '乙类', '丙类']);
  assert.equal(labelOf(MED_CHRGITM_TYPE_LABELS, '09'), '西药费');
  assert.equal(labelOf(MED_CHRGITM_TYPE_LABELS, '99'), '99');
  assert.deepEqual(
    QUALIFICATIONS.map((q) => q.label),
    ['门诊慢特病', '门诊统筹', '跨省直接结算'],
  );
});

test('restrictions in words', () => {
  const none = { genderLimit: null, minAge: null, maxAge: null, inpatientOnly: false };
  assert.deepEqual(restrictionsOf(none), []);
  assert.deepEqual(restrictionsOf({ ...none, genderLimit: '2', inpatientOnly: true }), ['限女性', '限住院']);
  assert.deepEqual(restrictionsOf({ ...none, minAge: 18 }), ['18 岁及以上']);
  assert.deepEqual(restrictionsOf({ ...none, maxAge: 14 }), ['14 岁及以下']);
  assert.deepEqual(restrictionsOf({ ...none, genderLimit: '1', minAge: 0, maxAge: 6 }), ['限男性', '0–6 岁']);
});

test('agreement state is inclusive of both ends; validity text', () => {
  assert.equal(agreementState('2025-01-01', '2027-12-31', '2024-12-31'), 'pending');
  assert.equal(agreementState('2025-01-01', '2027-12-31', '2025-01-01'), 'active');
  assert.equal(agreementState('2025-01-01', '2027-12-31', '2027-12-31'), 'active');
  assert.equal(agreementState('2025-01-01', '2026-06-30', '2026-07-01'), 'expired');
  assert.equal(AGREEMENT_STATE_LABELS.expired, '协议已到期');
  assert.equal(validityText('2025-01-01', null), '2025-01-01 起');
  assert.equal(validityText('2025-01-01', '2025-12-31'), '2025-01-01 至 2025-12-31');
  // 17:00 UTC on 12-31 is already 01-01 in China
  assert.equal(chinaToday(new Date('2026-12-31T17:00:00Z')), '2027-01-01');
});

test('village codes resolve to township and village names', () => {
  const names = placeNames({
    region: { admdvs: '410926', name: '演示县' },
    townships: [
      { code: '410926101', name: '城关镇', villages: [{ code: '410926101001', name: '人民路社区' }] },
    ],
  });
  assert.equal(names.get('410926101001'), '城关镇 人民路社区');
  assert.equal(names.get('410926999001'), undefined);
  assert.equal(placeNames(null).size, 0);
});
