import assert from 'node:assert/strict';
import { test } from 'node:test';
import { duplicatePairs } from './visit-rules.ts';

const pairs = [{ a: 'A', b: 'B' }];
const l = (sn: string, code: string, date: string, amountFen = 100) => ({ sn, code, date, amountFen });

test('a pair on the same day: the B lines of that day, with the codes', () => {
  assert.deepEqual(duplicatePairs([l('1', 'A', '2026-03-01'), l('2', 'B', '2026-03-01', 250)], pairs), {
    lines: ['2'],
    amountFen: 250,
    codes: ['A', 'B'],
  });
});

test('the pair split over two days of a stay is no duplicate; each day stands alone', () => {
  assert.equal(duplicatePairs([l('1', 'A', '2026-03-01'), l('2', 'B', '2026-03-02')], pairs), null);
  const r = duplicatePairs(
    [
      l('1', 'A', '2026-03-01'),
      l('2', 'B', '2026-03-02'),
      l('3', 'A', '2026-03-03'),
      l('4', 'B', '2026-03-03', 70),
    ],
    pairs,
  );
  assert.deepEqual(r, { lines: ['4'], amountFen: 70, codes: ['A', 'B'] });
});

test('the pair has a direction: B with A, not A with B; alone nothing', () => {
  assert.equal(duplicatePairs([l('1', 'B', '2026-03-01'), l('2', 'B', '2026-03-01')], pairs), null);
  assert.equal(duplicatePairs([l('1', 'A', '2026-03-01')], pairs), null);
  assert.deepEqual(
    duplicatePairs([l('1', 'B', '2026-03-01'), l('2', 'A', '2026-03-01')], [{ a: 'B', b: 'A' }]),
    { lines: ['2'], amountFen: 100, codes: ['A', 'B'] },
  );
});
