// What the three pooled benefits (inpatient, special disease, general outpatient) return to the
// engine, and the out-of-area reduction they share.
import type { Fen } from '../shared/money.ts';
import { pct } from './explain.ts';
import type { Benefit, Policy, Tier } from './policy.ts';
import { shiftTiers } from './tiers.ts';
import type { Accumulators, ExplanationStep } from './types.ts';

export interface PooledBenefit {
  benefit: Benefit | null;
  deductibleFen: Fen;
  fundFen: Fen;
  coPayFen: Fen;
  steps: ExplanationStep[];
  /** the accumulators after this benefit (the input is not changed) */
  accumulate: (acc: Accumulators) => Accumulators;
}

export const noPooledBenefit = (steps: ExplanationStep[]): PooledBenefit => ({
  benefit: null,
  deductibleFen: 0,
  fundFen: 0,
  coPayFen: 0,
  steps,
  accumulate: (a) => a,
});

/** Ratios as applied: lowered by the out-of-area reduction when it applies, with its step. */
export function reducedTiers(
  policy: Policy,
  tiers: readonly Tier[],
  reduced: boolean,
): { tiers: Tier[]; steps: ExplanationStep[] } {
  if (!reduced || policy.outOfAreaReductionBp === 0) return { tiers: [...tiers], steps: [] };
  const shifted = shiftTiers(tiers, -policy.outOfAreaReductionBp);
  const pairs = tiers.map((t, i) => `${pct(t.ratioBp)} 降为 ${pct(shifted[i]!.ratioBp)}`).join('，');
  return {
    tiers: shifted,
    steps: [
      {
        rule: 'OUT_OF_AREA_REDUCTION',
        title: '异地就医未备案',
        baseFen: 0,
        ratioBp: policy.outOfAreaReductionBp,
        amountFen: 0,
        note: `参保地以外就医且未办理异地就医备案（非急诊），报销比例降低 ${pct(policy.outOfAreaReductionBp)}：${pairs}。`,
      },
    ],
  };
}
