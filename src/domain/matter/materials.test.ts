import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAppError } from '../shared/errors.ts';
import { checkMaterials } from './materials.ts';

const LIST = [
  { name: '身份证件', replaceable: false, deferrable: false },
  { name: '出生医学证明', replaceable: true, deferrable: true },
  { name: '户口簿', replaceable: true, deferrable: false },
];

test('everything handed in: nothing missing', () => {
  const r = checkMaterials(LIST, ['身份证件', '出生医学证明', '户口簿'], []);
  assert.deepEqual([r.missing, r.deferred], [[], []]);
});
test('one notice lists every missing material', () => {
  assert.deepEqual(checkMaterials(LIST, ['身份证件'], []).missing, ['出生医学证明', '户口簿']);
});
test('a deferrable material may be deferred (容缺), another may not', () => {
  const r = checkMaterials(LIST, ['身份证件', '户口簿'], ['出生医学证明']);
  assert.deepEqual([r.missing, r.deferred], [[], ['出生医学证明']]);
  assert.throws(
    () => checkMaterials(LIST, ['身份证件'], ['户口簿']),
    (e) => isAppError(e) && e.code === 'MATTER_NOT_DEFERRABLE',
  );
});
test('a material not on the list is refused', () => {
  assert.throws(
    () => checkMaterials(LIST, ['结婚证'], []),
    (e) => isAppError(e) && e.code === 'MATTER_MATERIAL_UNKNOWN',
  );
});
