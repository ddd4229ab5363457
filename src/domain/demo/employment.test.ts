import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildEmployers, orgCodeCheck, usccCheck } from './employment.ts';
import { createRandom } from './random.ts';

test('unified social credit code check characters match published codes', () => {
  for (const code of ['914403001922038216', '91110108551385082Q', '911100007109288314']) {
    assert.equal(usccCheck(code.slice(0, 17)), code[17]);
    assert.equal(orgCodeCheck(code.slice(8, 16)), code[16]);
  }
});

test('employers are of the county, with valid and unique codes', () => {
  const employers = buildEmployers(createRandom(1), '410926', '演示县');
  assert.ok(employers.length >= 30);
  for (const e of employers) {
    assert.match(e.code, /^(11|12|91)410926\d{8}[\dX][0-9A-HJ-NPQRTUWXY]$/);
    assert.equal(usccCheck(e.code.slice(0, 17)), e.code[17]);
    assert.ok(e.name.startsWith('演示县'));
  }
  assert.equal(new Set(employers.map((e) => e.code)).size, employers.length);
});
