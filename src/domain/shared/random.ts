// (moved from domain/demo: record sampling in supervision draws with the same seeded generator)
// The demo county's one source of randomness: mulberry32, a tiny 32-bit generator that is fast,
// passes the usual statistical smoke tests and, above all, gives the same sequence for the same
// seed on every machine. `fork(label)` derives an independent stream per part of the county, so
// adding persons does not reshuffle the catalogue or the institutions.

export interface Random {
  /** uniform in [0, 1) */
  next(): number;
  /** integer in [lo, hi], both inclusive */
  int(lo: number, hi: number): number;
  /** true with probability p */
  chance(p: number): boolean;
  pick<T>(xs: readonly T[]): T;
  /** index chosen with probability proportional to its weight */
  weightedIndex(weights: readonly number[]): number;
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  shuffle<T>(xs: T[]): T[];
  /** an independent generator derived from this seed and a label */
  fork(label: string): Random;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the label, mixed with the seed: a stable 32-bit seed for a forked stream. */
function mixSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed)) throw new TypeError(`seed must be an integer: ${seed}`);
  const next = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const weightedIndex = (weights: readonly number[]) => {
    let total = 0;
    for (const w of weights) total += w;
    let r = next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    // rounding at the very top end: the last item with a positive weight
    for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
    throw new RangeError('weightedIndex needs at least one positive weight');
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (xs) => {
      if (xs.length === 0) throw new RangeError('pick from an empty list');
      return xs[int(0, xs.length - 1)];
    },
    weightedIndex,
    weighted: (items) => items[weightedIndex(items.map((i) => i[1]))][0],
    shuffle: (xs) => {
      for (let i = xs.length - 1; i > 0; i--) {
        const j = int(0, i);
        [xs[i], xs[j]] = [xs[j], xs[i]];
      }
      return xs;
    },
    fork: (label) => createRandom(mixSeed(seed, label)),
  };
}

/**
 * k distinct items drawn with probability proportional to weight (Efraimidis–Spirakis: the k
 * largest keys u^(1/w)), in the order drawn; items of weight 0 are never drawn. With k = all,
 * a weighted random ordering.
 */
export function sampleWeighted<T>(r: Random, items: readonly T[], weight: (t: T) => number, k: number): T[] {
  const keyed: { i: number; key: number }[] = [];
  items.forEach((t, i) => {
    const w = weight(t);
    if (w > 0) keyed.push({ i, key: Math.log(r.next() || Number.MIN_VALUE) / w });
  });
  keyed.sort((a, b) => b.key - a.key || a.i - b.i);
  return keyed.slice(0, k).map((x) => items[x.i]);
}
