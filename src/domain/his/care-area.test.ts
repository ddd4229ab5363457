import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCareArea } from './care-area.ts';

test('the place of care is the institution’s county, its prefecture or its province', () => {
  assert.equal(checkCareArea('410105', '410105'), null);
  assert.equal(checkCareArea('410100', '410105'), null);
  assert.equal(checkCareArea('410000', '410105'), null);
  assert.equal(checkCareArea('410000', '419001'), null);
  assert.equal(checkCareArea(null, '410105'), null);
  assert.equal(checkCareArea('', '410105'), null);
  assert.equal(checkCareArea('41', '410105'), null, 'malformed: left to the envelope check');
});

test('another place is refused: a Zhengzhou hospital may not declare care in the demo county', () => {
  assert.equal(checkCareArea('410926', '410105')?.code, 'HIS_CARE_AREA_MISMATCH');
  assert.equal(checkCareArea('410900', '410105')?.code, 'HIS_CARE_AREA_MISMATCH');
  assert.equal(checkCareArea('320000', '410105')?.code, 'HIS_CARE_AREA_MISMATCH');
  assert.match(checkCareArea('410926', '410105')?.message ?? '', /410926 与机构所在区划 410105 不符/);
});
