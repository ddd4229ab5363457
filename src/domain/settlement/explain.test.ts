import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pct, yuan } from './explain.ts';

test('yuan groups thousands and keeps two decimals', () => {
  assert.equal(yuan(1790000), '17,900.00 元');
  assert.equal(yuan(5), '0.05 元');
  assert.equal(yuan(100000000), '1,000,000.00 元');
  assert.equal(yuan(-2102750), '-21,027.50 元');
});

test('pct prints basis points as a percent without trailing zeros', () => {
  assert.equal(pct(8000), '80%');
  assert.equal(pct(6250), '62.5%');
  assert.equal(pct(25), '0.25%');
  assert.equal(pct(0), '0%');
  assert.equal(pct(10000), '100%');
});
