import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segments, shiftTiers } from './tiers.ts';

const ci = [
  { upToFen: 5_000_000, ratioBp: 6000 },
  { upToFen: 10_000_000, ratioBp: 7000 },
  { upToFen: null, ratioBp: 8000 },
];

test('a range inside one tier is one segment', () => {
  assert.deepEqual(segments(1_500_000, 1_793_000, ci), [
    { fromFen: 1_500_000, toFen: 1_793_000, tierUpToFen: 5_000_000, ratioBp: 6000 },
  ]);
});

test('a range across every tier is cut at the boundaries', () => {
  const s = segments(1_500_000, 15_000_000, ci);
  assert.deepEqual(
    s.map((x) => [x.fromFen, x.toFen, x.ratioBp]),
    [
      [1_500_000, 5_000_000, 6000],
      [5_000_000, 10_000_000, 7000],
      [10_000_000, 15_000_000, 8000],
    ],
  );
});

test('ending exactly on a boundary does not open the next tier', () => {
  assert.deepEqual(
    segments(0, 5_000_000, ci).map((x) => x.ratioBp),
    [6000],
  );
  assert.deepEqual(
    segments(5_000_000, 5_000_001, ci).map((x) => [x.fromFen, x.toFen, x.ratioBp]),
    [[5_000_000, 5_000_001, 7000]],
  );
});

test('an empty or reversed range has no segments', () => {
  assert.deepEqual(segments(100, 100, ci), []);
  assert.deepEqual(segments(200, 100, ci), []);
});

test('shifting ratios stays within 0–100 %', () => {
  assert.deepEqual(
    shiftTiers([{ upToFen: null, ratioBp: 9800 }], 500).map((t) => t.ratioBp),
    [10000],
  );
  assert.deepEqual(
    shiftTiers([{ upToFen: null, ratioBp: 1000 }], -1500).map((t) => t.ratioBp),
    [0],
  );
});
