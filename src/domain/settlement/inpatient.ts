// Inpatient benefit: the admission's deductible, then the basic fund by institution level (or
// the level's tiers), within the basic fund's annual cap. Counts the admission.
import { pooledFund } from './basic-fund.ts';
import { continuedDeductible, inpatientDeductible } from './deductible.ts';
import { LEVEL_NAMES, type Policy } from './policy.ts';
import { type PooledBenefit, reducedTiers } from './pooled.ts';
import type { Accumulators, Visit } from './types.ts';

export function inpatientBenefit(
  policy: Policy,
  visit: Visit,
  acc: Accumulators,
  inScopeFen: number,
  reduced: boolean,
): PooledBenefit {
  const level = visit.institutionLevel;
  const stay = visit.stayBefore ?? null;
  // a stay already part-settled (中途结算) was counted as an admission by its first settlement
  const admissionNo = stay ? Math.max(1, acc.admissions) : acc.admissions + 1;
  const ded = stay
    ? continuedDeductible(policy, level, admissionNo, stay.deductiblePaidFen, inScopeFen)
    : inpatientDeductible(policy, level, admissionNo, inScopeFen);
  const written = policy.inpatient.tiers?.[`${level}`] ?? [
    { upToFen: null, ratioBp: policy.inpatient.ratioBp[`${level}`] },
  ];
  const { tiers, steps: reductionSteps } = reducedTiers(policy, written, reduced);
  const fund = pooledFund({
    baseFen: inScopeFen - ded.paidFen,
    startFen: stay?.pooledBaseFen ?? 0,
    tiers,
    ratioLabel: `${LEVEL_NAMES[level]}医院报销比例`,
    caps: [
      {
        label: '基本医疗保险统筹基金年度最高支付限额',
        capFen: policy.basicFundAnnualCapFen,
        paidBeforeFen: acc.basicFundPaidFen,
      },
    ],
  });
  return {
    benefit: 'inpatient',
    deductibleFen: ded.paidFen,
    fundFen: fund.paidFen,
    coPayFen: fund.coPayFen,
    steps: [ded.step, ...reductionSteps, ...fund.steps],
    accumulate: (a) => ({
      ...a,
      admissions: stay ? a.admissions : a.admissions + 1,
      deductiblePaidFen: a.deductiblePaidFen + ded.paidFen,
      basicFundPaidFen: a.basicFundPaidFen + fund.paidFen,
    }),
  };
}
