// Banded ratios: a tier list [{upToFen, ratioBp}] cuts an amount line into segments. Used by the
// basic fund (bands on one admission's amount above the deductible) and by 大病 (bands on the
// year's cumulative base, so a visit pays only the part of the line it newly covers).
import type { Fen } from '../shared/money.ts';
import type { Tier } from './policy.ts';

export interface Segment {
  fromFen: Fen;
  toFen: Fen;
  /** the tier's upper bound as written in the policy (null = no bound) */
  tierUpToFen: Fen | null;
  ratioBp: number;
}

/** The parts of [from, to) that fall in each tier, in order; empty when to ≤ from. */
export function segments(fromFen: Fen, toFen: Fen, tiers: readonly Tier[]): Segment[] {
  const out: Segment[] = [];
  let lower = 0;
  for (const t of tiers) {
    const upper = t.upToFen ?? Number.MAX_SAFE_INTEGER;
    const lo = Math.max(fromFen, lower);
    const hi = Math.min(toFen, upper);
    if (hi > lo) out.push({ fromFen: lo, toFen: hi, tierUpToFen: t.upToFen, ratioBp: t.ratioBp });
    lower = upper;
    if (lower >= toFen) break;
  }
  return out;
}

/** Shift every tier's ratio (out-of-area reduction: negative; 大病 tilt: positive), kept in 0–100 %. */
export function shiftTiers(tiers: readonly Tier[], deltaBp: number): Tier[] {
  return tiers.map((t) => ({
    upToFen: t.upToFen,
    ratioBp: Math.min(10000, Math.max(0, t.ratioBp + deltaBp)),
  }));
}
