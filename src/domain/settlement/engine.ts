// The one-stop settlement (一站式结算), in the order of docs/domain benefit-rules.md:
// classify lines → deductible → basic fund (within caps) → 大病 → medical assistance →
// personal account → cash. Pure: plain data in, plain data out; each fund amount is rounded
// half-up where computed and the person's share is the remainder, so the parts always add up.
// The benefit year is the year of visit.endDate: a stay across New Year settles against the
// discharge year's policy and accumulators.
import { badRequest } from '../shared/errors.ts';
import { type Fen, sum } from '../shared/money.ts';
import { assistance } from './assistance.ts';
import { classifyLines } from './classify-lines.ts';
import { criticalIllness } from './critical-illness.ts';
import { identitiesHeld, outOfAreaReduced } from './eligibility.ts';
import { yuan } from './explain.ts';
import { inpatientBenefit } from './inpatient.ts';
import { outpatientBenefit } from './outpatient.ts';
import { personalAccount } from './personal-account.ts';
import type { Benefit, Policy } from './policy.ts';
import type { PooledBenefit } from './pooled.ts';
import { qualifiedDisease, specialDiseaseBenefit } from './special-disease.ts';
import {
  type ExplanationStep,
  INPATIENT_CARE_TYPES,
  type LineResult,
  type SettlementInput,
  type SettlementResult,
  type SettlementTotals,
} from './types.ts';

export { classifyLines } from './classify-lines.ts';

export const benefitYearOf = (endDate: string): number => Number(endDate.slice(0, 4));

function totalsOf(lines: readonly LineResult[]): Omit<SettlementTotals, 'deductibleFen' | 'coPayFen'> {
  return {
    totalFen: sum(lines.map((l) => l.amountFen)),
    fullySelfPaidFen: sum(lines.map((l) => l.fullySelfPaidFen)),
    overCapFen: sum(lines.map((l) => l.overCapFen)),
    firstShareFen: sum(lines.map((l) => l.firstShareFen)),
    inScopeFen: sum(lines.map((l) => l.inScopeFen)),
  };
}

function classificationSteps(t: ReturnType<typeof totalsOf>): ExplanationStep[] {
  const s = (rule: string, title: string, amount: Fen, note: string): ExplanationStep => ({
    rule,
    title,
    baseFen: t.totalFen,
    ratioBp: null,
    amountFen: amount,
    note,
  });
  const out = [s('TOTAL', '医疗费用总额', t.totalFen, `本次医疗费用总额 ${yuan(t.totalFen)}。`)];
  if (t.fullySelfPaidFen > 0)
    out.push(
      s(
        'FULLY_SELF_PAID',
        '全自费',
        t.fullySelfPaidFen,
        `丙类、目录外或不符合限定条件的费用 ${yuan(t.fullySelfPaidFen)}全部自费。`,
      ),
    );
  if (t.overCapFen > 0)
    out.push(
      s(
        'OVER_PRICE_CAP',
        '超限价自费',
        t.overCapFen,
        `单价超过医保支付标准的部分 ${yuan(t.overCapFen)}由个人自付。`,
      ),
    );
  if (t.firstShareFen > 0)
    out.push(
      s(
        'CLASS_B_FIRST_SHARE',
        '乙类先行自付',
        t.firstShareFen,
        `乙类项目先行自付 ${yuan(t.firstShareFen)}。`,
      ),
    );
  out.push(
    s(
      'IN_SCOPE',
      '政策范围内费用',
      t.inScopeFen,
      `其余 ${yuan(t.inScopeFen)}为政策范围内费用，进入报销计算。`,
    ),
  );
  return out;
}

function pooledBenefitOf(
  input: SettlementInput,
  policy: Policy,
  inScopeFen: Fen,
  reduced: boolean,
  warnings: string[],
): PooledBenefit {
  const { visit, person, accumulators: acc } = input;
  if (INPATIENT_CARE_TYPES.includes(visit.careType))
    return inpatientBenefit(policy, visit, acc, inScopeFen, reduced);
  if (visit.careType === '14') {
    const disease = qualifiedDisease(policy, person, visit);
    if (disease) return specialDiseaseBenefit(policy, disease, acc, inScopeFen, reduced);
    warnings.push('参保人在本机构没有与诊断相符、在就诊日有效的门诊慢特病资格，按普通门诊结算。');
    return outpatientBenefit(policy, { ...visit, careType: '11' }, acc, inScopeFen, reduced);
  }
  return outpatientBenefit(policy, visit, acc, inScopeFen, reduced);
}

function checkInput(input: SettlementInput, policy: Policy, year: number): void {
  if (policy.insutype !== input.person.insutype)
    throw badRequest(
      'POLICY_MISMATCH',
      `政策险种 ${policy.insutype} 与参保人险种 ${input.person.insutype} 不符`,
    );
  if (input.accumulators.year !== year)
    throw badRequest(
      'ACCUMULATOR_YEAR_MISMATCH',
      `累计数年度 ${input.accumulators.year} 与待遇年度 ${year} 不符`,
    );
  if (input.visit.endDate < input.visit.beginDate)
    throw badRequest('VISIT_DATES_INVALID', '出院日期不能早于入院日期');
}

export function settle(input: SettlementInput, policy: Policy): SettlementResult {
  const { visit, person, accumulators: before } = input;
  const benefitYear = benefitYearOf(visit.endDate);
  checkInput(input, policy, benefitYear);
  const warnings: string[] = [];
  if (policy.year !== benefitYear)
    warnings.push(`所用政策年度 ${policy.year} 与待遇年度 ${benefitYear} 不同。`);

  const lines = classifyLines(input.lines, visit, person, policy);
  const t = totalsOf(lines);
  const steps = classificationSteps(t);
  const reduced = outOfAreaReduced(person, visit);
  const pooled = pooledBenefitOf(input, policy, t.inScopeFen, reduced, warnings);
  steps.push(...pooled.steps);
  let acc = pooled.accumulate({ ...before, specialDiseasePaidFen: { ...before.specialDiseasePaidFen } });
  const inScopeSelfPay = t.inScopeFen - pooled.fundFen;
  const held = identitiesHeld(person, visit);
  const applies = (list: readonly Benefit[] | undefined) =>
    pooled.benefit !== null && !!list?.includes(pooled.benefit);

  let criticalFen = 0;
  const ci = policy.criticalIllness;
  if (ci && applies(ci.appliesTo)) {
    const r = criticalIllness(
      ci,
      held,
      before.criticalIllnessBaseFen,
      inScopeSelfPay,
      before.criticalIllnessPaidFen,
    );
    criticalFen = r.paidFen;
    steps.push(...r.steps);
    acc = {
      ...acc,
      criticalIllnessBaseFen: acc.criticalIllnessBaseFen + inScopeSelfPay,
      criticalIllnessPaidFen: acc.criticalIllnessPaidFen + criticalFen,
    };
  }

  let assistanceFen = 0;
  let assistanceIdentity: string | null = null;
  const as = policy.assistance;
  if (as && applies(as.appliesTo)) {
    const r = assistance(
      as,
      held,
      inScopeSelfPay - criticalFen,
      before.assistanceDeductiblePaidFen,
      before.assistancePaidFen,
    );
    assistanceFen = r.paidFen;
    assistanceIdentity = r.scheme?.identity ?? null;
    steps.push(...r.steps);
    acc = {
      ...acc,
      assistanceDeductiblePaidFen: acc.assistanceDeductiblePaidFen + r.deductiblePaidFen,
      assistancePaidFen: acc.assistancePaidFen + assistanceFen,
    };
  }

  const funds = {
    basicFundFen: pooled.fundFen,
    criticalIllnessFen: criticalFen,
    largeAmountFen: 0,
    assistanceFen,
    otherFen: 0,
  };
  const fundTotalFen =
    funds.basicFundFen +
    funds.criticalIllnessFen +
    funds.largeAmountFen +
    funds.assistanceFen +
    funds.otherFen;
  const personTotalFen = t.totalFen - fundTotalFen;
  let accountFen = 0;
  if (input.useAccount) {
    if (policy.personalAccount && person.insutype === '310') {
      const r = personalAccount(personTotalFen, person.accountBalanceFen);
      accountFen = r.accountFen;
      steps.push(r.step);
    } else warnings.push('本险种没有个人账户，个人负担全部以现金支付。');
  }
  const cashFen = personTotalFen - accountFen;
  steps.push({
    rule: 'SUMMARY',
    title: '结算结果',
    baseFen: t.totalFen,
    ratioBp: null,
    amountFen: fundTotalFen,
    note: `医疗费用 ${yuan(t.totalFen)}，各项基金共支付 ${yuan(fundTotalFen)}，个人负担 ${yuan(personTotalFen)}${accountFen > 0 ? `（个人账户 ${yuan(accountFen)}，现金 ${yuan(cashFen)}）` : ''}。`,
  });

  return {
    policyVersion: policy.version,
    benefitYear,
    lines,
    totals: { ...t, deductibleFen: pooled.deductibleFen, coPayFen: pooled.coPayFen },
    funds,
    fundTotalFen,
    personTotalFen,
    accountFen,
    cashFen,
    accumulatorsAfter: acc,
    steps,
    assistanceIdentity,
    warnings,
  };
}
