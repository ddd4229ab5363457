// 普通门诊统筹: only at the levels the policy lists (often level-1 only); a per-visit or annual
// deductible, one ratio, and its own annual cap (it does not count against the basic fund's
// inpatient cap).
import { pooledFund } from './basic-fund.ts';
import { openDeductible } from './deductible.ts';
import { LEVEL_NAMES, type Policy } from './policy.ts';
import { noPooledBenefit, type PooledBenefit, reducedTiers } from './pooled.ts';
import type { Accumulators, Visit } from './types.ts';

export function outpatientBenefit(
  policy: Policy,
  visit: Visit,
  acc: Accumulators,
  inScopeFen: number,
  reduced: boolean,
): PooledBenefit {
  const rules = policy.outpatient;
  if (rules === null || !rules.careTypes.includes(visit.careType)) {
    return noPooledBenefit([
      {
        rule: 'NO_POOLED_BENEFIT',
        title: '不属于统筹支付范围',
        baseFen: inScopeFen,
        ratioBp: null,
        amountFen: 0,
        note: `医疗类别 ${visit.careType} 不在本政策的门诊统筹范围内，统筹基金不支付。`,
      },
    ]);
  }
  if (!rules.levels.includes(visit.institutionLevel)) {
    return noPooledBenefit([
      {
        rule: 'OUTPATIENT_NOT_QUALIFYING',
        title: '普通门诊统筹',
        baseFen: inScopeFen,
        ratioBp: null,
        amountFen: 0,
        note: `普通门诊统筹只在${rules.levels.map((l) => LEVEL_NAMES[l]).join('、')}医疗机构支付，本次在${LEVEL_NAMES[visit.institutionLevel]}医院就诊，统筹基金不支付。`,
      },
    ]);
  }
  const yearly = rules.deductibleBasis === 'year';
  const dedBefore = yearly ? (acc.outpatientDeductiblePaidFen ?? 0) : 0;
  const ded = openDeductible(
    yearly ? '普通门诊统筹（按年）' : '普通门诊统筹（每次）',
    rules.deductibleFen,
    dedBefore,
    inScopeFen,
  );
  const { tiers, steps: reductionSteps } = reducedTiers(
    policy,
    [{ upToFen: null, ratioBp: rules.ratioBp }],
    reduced,
  );
  const fund = pooledFund({
    baseFen: inScopeFen - ded.paidFen,
    tiers,
    ratioLabel: '普通门诊统筹报销比例',
    caps: [
      {
        label: '普通门诊统筹年度限额',
        capFen: rules.annualCapFen,
        paidBeforeFen: acc.outpatientPooledPaidFen,
      },
    ],
  });
  return {
    benefit: 'outpatient',
    deductibleFen: ded.paidFen,
    fundFen: fund.paidFen,
    coPayFen: fund.coPayFen,
    steps: [ded.step, ...reductionSteps, ...fund.steps],
    accumulate: (a) => ({
      ...a,
      outpatientPooledPaidFen: a.outpatientPooledPaidFen + fund.paidFen,
      outpatientDeductiblePaidFen: (a.outpatientDeductiblePaidFen ?? 0) + (yearly ? ded.paidFen : 0),
    }),
  };
}
