import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyRatio, bpToPercent1, fenToYuan, mulDivHalfUp, yuanToFen } from './money.ts';

test('applyRatio rounds half-up to the fen', () => {
  assert.equal(applyRatio(73457, 6500), 47747); // 477.4705 → 477.47
  assert.equal(applyRatio(1, 5000), 1); // 0.5 fen → 1
  assert.equal(applyRatio(1, 4999), 0);
  assert.equal(applyRatio(1790000, 8000), 1432000);
});

test('applyRatio is symmetric for negatives (reversals)', () => {
  assert.equal(applyRatio(-1, 5000), -1);
  assert.equal(applyRatio(-73457, 6500), -47747);
});

test('yuanToFen accepts at most two decimals', () => {
  assert.equal(yuanToFen('12.3'), 1230);
  assert.equal(yuanToFen(12.34), 1234);
  assert.equal(yuanToFen('0.01'), 1);
  assert.equal(yuanToFen('-5'), -500);
  assert.equal(yuanToFen('1.234'), null);
  assert.equal(yuanToFen('abc'), null);
  assert.equal(yuanToFen(1e21), null);
});

test('fenToYuan prints two decimals', () => {
  assert.equal(fenToYuan(123450), '1234.50');
  assert.equal(fenToYuan(-5), '-0.05');
  assert.equal(fenToYuan(0), '0.00');
});

test('mulDivHalfUp: maternity allowance wage ÷ 30 × days', () => {
  assert.equal(mulDivHalfUp(600000, 98, 30), 1960000);
  assert.equal(mulDivHalfUp(100, 1, 3), 33);
  assert.equal(mulDivHalfUp(200, 1, 3), 67);
});

test('basis points as a one-decimal percentage, half-up in integers', () => {
  assert.equal(bpToPercent1(7654), '76.5%');
  assert.equal(bpToPercent1(7655), '76.6%');
  assert.equal(bpToPercent1(10000), '100.0%');
  assert.equal(bpToPercent1(4), '0.0%');
  assert.equal(bpToPercent1(5), '0.1%');
});
