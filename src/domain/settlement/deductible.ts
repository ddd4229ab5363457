// 起付线: the in-scope amount first pays the deductible still open. Inpatient: per admission, by
// institution level, reduced for the second and later admissions of the year. Outpatient pooling
// and special diseases: per visit or per year, as the policy says.
import { applyRatio, clamp0, type Fen } from '../shared/money.ts';
import { pct, yuan } from './explain.ts';
import { LEVEL_NAMES, type Level, type Policy } from './policy.ts';
import type { ExplanationStep } from './types.ts';

export interface DeductibleResult {
  /** what the in-scope amount pays towards the deductible in this settlement */
  paidFen: Fen;
  step: ExplanationStep;
}

/** The deductible of the n-th admission of the year (n starts at 1). */
export function inpatientDeductibleFen(policy: Policy, level: Level, admissionNo: number): Fen {
  const full = policy.inpatient.deductibleFen[`${level}`];
  return admissionNo > 1 ? applyRatio(full, policy.inpatient.laterAdmissionFactorBp) : full;
}

export function inpatientDeductible(
  policy: Policy,
  level: Level,
  admissionNo: number,
  inScopeFen: Fen,
): DeductibleResult {
  const full = policy.inpatient.deductibleFen[`${level}`];
  const due = inpatientDeductibleFen(policy, level, admissionNo);
  const paidFen = Math.min(clamp0(inScopeFen), due);
  const how =
    admissionNo > 1
      ? `本年第 ${admissionNo} 次住院，起付线按${LEVEL_NAMES[level]}医院 ${yuan(full)}的 ${pct(policy.inpatient.laterAdmissionFactorBp)} 计 ${yuan(due)}`
      : `本年第 1 次住院，${LEVEL_NAMES[level]}医院起付线 ${yuan(due)}`;
  const short = paidFen < due ? `，政策范围内费用不足起付线，只计 ${yuan(paidFen)}` : '';
  return {
    paidFen,
    step: {
      rule: 'DEDUCTIBLE',
      title: '起付线',
      baseFen: due,
      ratioBp: admissionNo > 1 ? policy.inpatient.laterAdmissionFactorBp : null,
      amountFen: paidFen,
      note: `${how}，由个人负担${short}。`,
    },
  };
}

/**
 * The deductible still open on a stay that earlier mid-stay settlements (中途结算) already
 * part-paid: the admission's deductible is due once over the whole stay.
 */
export function continuedDeductible(
  policy: Policy,
  level: Level,
  admissionNo: number,
  stayPaidFen: Fen,
  inScopeFen: Fen,
): DeductibleResult {
  const due = inpatientDeductibleFen(policy, level, admissionNo);
  const open = clamp0(due - stayPaidFen);
  const paidFen = Math.min(clamp0(inScopeFen), open);
  const note =
    open === 0
      ? `本次住院的起付线 ${yuan(due)}已在中途结算中付满，本次不再扣除。`
      : `本次住院的起付线 ${yuan(due)}，中途结算已付 ${yuan(stayPaidFen)}，尚余 ${yuan(open)}，本次由个人负担 ${yuan(paidFen)}。`;
  return {
    paidFen,
    step: { rule: 'DEDUCTIBLE', title: '起付线', baseFen: open, ratioBp: null, amountFen: paidFen, note },
  };
}

/** A deductible of `deductibleFen` of which `alreadyPaidFen` was paid earlier (0 for per-visit ones). */
export function openDeductible(
  label: string,
  deductibleFen: Fen,
  alreadyPaidFen: Fen,
  inScopeFen: Fen,
): DeductibleResult {
  const open = clamp0(deductibleFen - alreadyPaidFen);
  const paidFen = Math.min(clamp0(inScopeFen), open);
  let note: string;
  if (deductibleFen === 0) note = `${label}不设起付线。`;
  else if (open === 0) note = `${label}起付线 ${yuan(deductibleFen)}本年已付满，本次不再扣除。`;
  else
    note = `${label}起付线 ${yuan(deductibleFen)}${alreadyPaidFen > 0 ? `，本年已付 ${yuan(alreadyPaidFen)}，尚余 ${yuan(open)}` : ''}，本次由个人负担 ${yuan(paidFen)}。`;
  return {
    paidFen,
    step: { rule: 'DEDUCTIBLE', title: '起付线', baseFen: open, ratioBp: null, amountFen: paidFen, note },
  };
}
