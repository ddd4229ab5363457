// Reversing a settlement (2208/2305) gives back what it took from the person's yearly
// accumulators. The settlement stored its accumulators before and after; the reversal subtracts
// that difference from the current figures, so settlements made since keep their effect.
import type { Fen } from '../shared/money.ts';
import type { Accumulators } from './types.ts';

const NUMERIC_FIELDS = [
  'admissions',
  'deductiblePaidFen',
  'basicFundPaidFen',
  'outpatientPooledPaidFen',
  'criticalIllnessBaseFen',
  'criticalIllnessPaidFen',
  'assistanceDeductiblePaidFen',
  'assistancePaidFen',
] as const;

function withoutPerCode(
  current: Record<string, Fen> = {},
  before: Record<string, Fen> = {},
  after: Record<string, Fen> = {},
): Record<string, Fen> {
  const out = { ...current };
  for (const c of new Set([...Object.keys(after), ...Object.keys(before)])) {
    out[c] = (current[c] ?? 0) - ((after[c] ?? 0) - (before[c] ?? 0));
  }
  return out;
}

/** current − (after − before), field by field. */
export function withoutSettlement(
  current: Accumulators,
  before: Accumulators,
  after: Accumulators,
): Accumulators {
  const out: Accumulators = { ...current };
  for (const f of NUMERIC_FIELDS) out[f] = current[f] - (after[f] - before[f]);
  out.outpatientDeductiblePaidFen =
    (current.outpatientDeductiblePaidFen ?? 0) -
    ((after.outpatientDeductiblePaidFen ?? 0) - (before.outpatientDeductiblePaidFen ?? 0));
  out.specialDiseasePaidFen = withoutPerCode(
    current.specialDiseasePaidFen,
    before.specialDiseasePaidFen,
    after.specialDiseasePaidFen,
  );
  out.specialDiseaseDeductiblePaidFen = withoutPerCode(
    current.specialDiseaseDeductiblePaidFen,
    before.specialDiseaseDeductiblePaidFen,
    after.specialDiseaseDeductiblePaidFen,
  );
  return out;
}
