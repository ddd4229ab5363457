import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assistance } from './assistance.ts';
import { residentPolicy, yuanFen as Y } from './fixtures.ts';

const rules = residentPolicy().assistance!;

test('no assistance identity, no assistance', () => {
  const r = assistance(rules, new Set(['tuopin']), Y(1000), 0, 0);
  assert.deepEqual([r.scheme, r.paidFen, r.steps.length], [null, 0, 0]);
});

test('E2: 特困 90 % of 18,822.50 = 16,940.25', () => {
  const r = assistance(rules, new Set(['tekun']), 1_882_250, 0, 0);
  assert.equal(r.paidFen, 1_694_025);
  assert.equal(r.scheme?.identity, 'tekun');
});

test('监测对象: the yearly deductible first, then 60 %', () => {
  const r = assistance(rules, new Set(['jiance']), Y(1500), Y(400), 0);
  // 600 still open → (1,500 − 600) × 60 %
  assert.deepEqual([r.deductiblePaidFen, r.paidFen], [Y(600), Y(540)]);
});

test('the most favourable identity when its cap is nearly used is the other one', () => {
  // shared yearly total 49,990: 低保 (cap 50,000) has 10 left, 特困 (cap 60,000) has 10,010
  const r = assistance(rules, new Set(['dibao', 'tekun']), Y(100), 0, Y(49990));
  assert.equal(r.scheme?.identity, 'tekun');
  assert.equal(r.paidFen, Y(90));
});
