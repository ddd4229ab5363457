// Step 1 of a settlement: split every fee line into fully self-paid, over-cap, class B first
// share and in scope. Restrictions are checked against the visit (age on the visit's first day),
// so a line's outcome does not depend on which day of a stay it was billed.
import { ageOn } from '../registry/id-number.ts';
import { applyRatio, clamp0, type Fen, mulDivHalfUp } from '../shared/money.ts';
import type { Policy } from './policy.ts';
import {
  type FeeLine,
  INPATIENT_CARE_TYPES,
  type LineReason,
  type LineResult,
  type PersonContext,
  type Visit,
} from './types.ts';

/** cnt has at most 4 decimals: scale it to an integer number of 1/10000 units. */
export function quantityTenThousandths(quantity: number): number {
  return Math.round(quantity * 10000);
}

/** The payment standard of the line: round(cap × qty) half-up; never negative. */
export function cappedAmount(capFen: Fen, quantity: number): Fen {
  const q = quantityTenThousandths(quantity);
  return q <= 0 ? 0 : mulDivHalfUp(capFen, q, 10000);
}

/** Restrictions the line breaks on this visit for this person (empty when none). */
function brokenRestrictions(line: FeeLine, visit: Visit, person: PersonContext): LineReason[] {
  const item = line.item!;
  const out: LineReason[] = [];
  if (item.genderLimit !== null && item.genderLimit !== person.gender) out.push('GENDER_RESTRICTED');
  if (item.minAge !== null || item.maxAge !== null) {
    const age = ageOn(person.birthDate, visit.beginDate);
    if ((item.minAge !== null && age < item.minAge) || (item.maxAge !== null && age > item.maxAge))
      out.push('AGE_RESTRICTED');
  }
  if (item.inpatientOnly && !INPATIENT_CARE_TYPES.includes(visit.careType)) out.push('INPATIENT_ONLY');
  return out;
}

export function classifyLine(line: FeeLine, visit: Visit, person: PersonContext, policy: Policy): LineResult {
  const item = line.item;
  const base = {
    lineNo: line.lineNo,
    itemCode: line.itemCode,
    amountFen: line.amountFen,
    chargeClass: item?.chargeClass ?? null,
    priceCapFen: item?.priceCapFen ?? null,
  };
  const selfPaid = (reasons: LineReason[]): LineResult => ({
    ...base,
    firstShareBp: 0,
    fullySelfPaidFen: line.amountFen,
    overCapFen: 0,
    firstShareFen: 0,
    inScopeFen: 0,
    reasons,
  });
  if (item === null) return selfPaid(['NOT_IN_CATALOGUE']);
  if (item.chargeClass === '03') return selfPaid(['CLASS_C']);
  const broken = brokenRestrictions(line, visit, person);
  if (broken.length > 0) return selfPaid(broken);

  const reasons: LineReason[] = [];
  let overCapFen = 0;
  if (item.priceCapFen !== null && line.unitPriceFen > item.priceCapFen) {
    overCapFen = Math.min(
      line.amountFen,
      clamp0(line.amountFen - cappedAmount(item.priceCapFen, line.quantity)),
    );
    if (overCapFen > 0) reasons.push('OVER_PRICE_CAP');
  }
  const remaining = line.amountFen - overCapFen;
  const firstShareBp = item.chargeClass === '02' ? (item.firstShareBp ?? policy.classBFirstShareBp) : 0;
  const firstShareFen = firstShareBp > 0 ? applyRatio(remaining, firstShareBp) : 0;
  if (firstShareFen > 0) reasons.push('CLASS_B_FIRST_SHARE');
  return {
    ...base,
    firstShareBp,
    fullySelfPaidFen: 0,
    overCapFen,
    firstShareFen,
    inScopeFen: remaining - firstShareFen,
    reasons,
  };
}

export function classifyLines(
  lines: readonly FeeLine[],
  visit: Visit,
  person: PersonContext,
  policy: Policy,
): LineResult[] {
  return lines.map((l) => classifyLine(l, visit, person, policy));
}
