import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inpatientDeductible, inpatientDeductibleFen, openDeductible } from './deductible.ts';
import { residentPolicy, yuanFen as Y } from './fixtures.ts';

const policy = residentPolicy();

test('the deductible by level, halved from the second admission', () => {
  assert.deepEqual(
    [1, 2, 3].map((l) => inpatientDeductibleFen(policy, l as 1 | 2 | 3, 1)),
    [Y(200), Y(500), Y(1000)],
  );
  assert.equal(inpatientDeductibleFen(policy, 3, 2), Y(500));
  assert.equal(inpatientDeductibleFen(policy, 3, 5), Y(500));
});

test('an admission cheaper than the deductible pays only what it has', () => {
  const r = inpatientDeductible(policy, 2, 1, Y(320));
  assert.equal(r.paidFen, Y(320));
  assert.match(r.step.note, /不足起付线，只计 320\.00 元/);
});

test('an annual deductible carries over between visits', () => {
  assert.equal(openDeductible('门诊', Y(200), Y(150), Y(100)).paidFen, Y(50));
  assert.equal(openDeductible('门诊', Y(200), Y(200), Y(100)).paidFen, 0);
  assert.equal(openDeductible('门诊', Y(200), Y(300), Y(100)).paidFen, 0);
  assert.match(openDeductible('门诊', 0, 0, Y(100)).step.note, /不设起付线/);
});
