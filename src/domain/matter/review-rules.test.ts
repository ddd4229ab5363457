import assert from 'node:assert/strict';
import { test } from 'node:test';
import { correctionNeedsReview, coverageStart, stopNeedsReview } from './review-rules.ts';

const E = { personalFen: 40000, fiscalFen: 70000, assistedFen: 0, beginDate: '2026-01-01' };
const TODAY = '2026-12-03';

test('a current-year correction raising an amount needs no second post', () => {
  assert.equal(correctionNeedsReview(E, { ...E, personalFen: 41000 }, TODAY), false);
});
test('any amount reduction needs the second post', () => {
  assert.equal(correctionNeedsReview(E, { ...E, personalFen: 0 }, TODAY), true);
  assert.equal(correctionNeedsReview(E, { ...E, fiscalFen: 69999 }, TODAY), true);
});
test('a past-year correction needs the second post, even raising an amount', () => {
  const past = { ...E, beginDate: '2025-01-01' };
  assert.equal(correctionNeedsReview(past, { ...past, personalFen: 50000 }, TODAY), true);
});
test('stopping a past year needs the second post, the current year not', () => {
  assert.equal(stopNeedsReview('2025-01-01', TODAY), true);
  assert.equal(stopNeedsReview('2026-01-01', TODAY), false);
});
test('a newborn is covered from the birth date, others from the day of registration', () => {
  assert.equal(coverageStart('2026-11-20', TODAY), '2026-11-20');
  assert.equal(coverageStart('1990-05-01', TODAY), TODAY);
});
