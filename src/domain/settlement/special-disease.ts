// 门诊慢特病 (med_type 14): paid only when the person holds a qualification for the disease at
// this institution on the visit date. The disease is the qualified one the visit's diagnoses
// name (by ICD prefix); with no diagnosis sent, the first qualified disease. Annual deductible
// per disease; the fund pays within the disease's annual limit AND the basic fund's annual cap.
import { pooledFund } from './basic-fund.ts';
import { openDeductible } from './deductible.ts';
import { validQualifications } from './eligibility.ts';
import type { Policy, SpecialDisease } from './policy.ts';
import { type PooledBenefit, reducedTiers } from './pooled.ts';
import type { Accumulators, PersonContext, Visit } from './types.ts';

/** The policy disease this visit is settled under, or null when the person is not qualified. */
export function qualifiedDisease(policy: Policy, person: PersonContext, visit: Visit): SpecialDisease | null {
  const codes = new Set(validQualifications(person, visit).map((q) => q.diseaseCode));
  const qualified = policy.specialDiseases.filter((d) => codes.has(d.code));
  if (qualified.length === 0) return null;
  if (visit.diagnoses.length === 0) return qualified[0]!;
  return (
    qualified.find((d) => visit.diagnoses.some((dx) => d.icdPrefixes.some((p) => dx.startsWith(p)))) ?? null
  );
}

export function specialDiseaseBenefit(
  policy: Policy,
  disease: SpecialDisease,
  acc: Accumulators,
  inScopeFen: number,
  reduced: boolean,
): PooledBenefit {
  const dedBefore = acc.specialDiseaseDeductiblePaidFen?.[disease.code] ?? 0;
  const paidBefore = acc.specialDiseasePaidFen[disease.code] ?? 0;
  const ded = openDeductible(`门诊慢特病“${disease.name}”`, disease.deductibleFen, dedBefore, inScopeFen);
  const { tiers, steps: reductionSteps } = reducedTiers(
    policy,
    [{ upToFen: null, ratioBp: disease.ratioBp }],
    reduced,
  );
  const fund = pooledFund({
    baseFen: inScopeFen - ded.paidFen,
    tiers,
    ratioLabel: `门诊慢特病“${disease.name}”报销比例`,
    caps: [
      {
        label: `门诊慢特病“${disease.name}”年度限额`,
        capFen: disease.annualLimitFen,
        paidBeforeFen: paidBefore,
      },
      {
        label: '基本医疗保险统筹基金年度最高支付限额',
        capFen: policy.basicFundAnnualCapFen,
        paidBeforeFen: acc.basicFundPaidFen,
      },
    ],
  });
  return {
    benefit: 'special_disease',
    deductibleFen: ded.paidFen,
    fundFen: fund.paidFen,
    coPayFen: fund.coPayFen,
    steps: [ded.step, ...reductionSteps, ...fund.steps],
    accumulate: (a) => ({
      ...a,
      basicFundPaidFen: a.basicFundPaidFen + fund.paidFen,
      specialDiseasePaidFen: { ...a.specialDiseasePaidFen, [disease.code]: paidBefore + fund.paidFen },
      specialDiseaseDeductiblePaidFen: {
        ...(a.specialDiseaseDeductiblePaidFen ?? {}),
        [disease.code]: dedBefore + ded.paidFen,
      },
    }),
  };
}
