import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AGREEMENT_STATE_LABELS,
  agreementState,
  INSTITUTION_KIND_LABELS,
  INSTITUTION_LEVEL_NAMES,
  labelOf,
  placeNames,
  QUALIFICATIONS,
} from './labels.ts';

test('institution codes have Chinese labels', () => {
  assert.equal(labelOf(INSTITUTION_KIND_LABELS, 'township_health_centre'), '乡镇卫生院');
  assert.equal(labelOf(INSTITUTION_KIND_LABELS, 'village_clinic'), '村卫生室');
  assert.equal(labelOf(INSTITUTION_KIND_LABELS, 'pharmacy'), '定点药店');
  assert.equal(labelOf(INSTITUTION_LEVEL_NAMES, 2), '二级');
  assert.equal(labelOf(INSTITUTION_LEVEL_NAMES, null), '—');
  assert.deepEqual(
    QUALIFICATIONS.map((q) => q.label),
    ['门诊慢特病', '门诊统筹', '跨省直接结算'],
  );
});

test('agreement state is inclusive of both ends', () => {
  assert.equal(agreementState('2025-01-01', '2027-12-31', '2024-12-31'), 'pending');
  assert.equal(agreementState('2025-01-01', '2027-12-31', '2025-01-01'), 'active');
  assert.equal(agreementState('2025-01-01', '2027-12-31', '2027-12-31'), 'active');
  assert.equal(agreementState('2025-01-01', '2026-06-30', '2026-07-01'), 'expired');
  assert.equal(AGREEMENT_STATE_LABELS.expired, '协议已到期');
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
