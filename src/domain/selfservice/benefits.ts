// 本年待遇 as the person reads it: per scheme, what the fund has paid, the deductible used and how much
// of the basic fund's annual cap is left (never below zero: a 大病 or assistance payment may exceed it).
import type { Accumulators } from '../settlement/types.ts';

export interface YearBenefits {
  insutype: string;
  settlements: number;
  totalFen: number;
  fundPaidFen: number;
  deductibleUsedFen: number;
  basicCapFen: number | null;
  basicCapRemainingFen: number | null;
}

/** A settlement of the year as listed: reversed ones and their reversal rows count for nothing. */
export interface SettledRow {
  insutype: string;
  status: 'settled' | 'reversed' | 'reversal';
  fundPaySumamt: number;
}

export function yearBenefits(
  y: { insutype: string; accumulators: Accumulators; totalFen: number; settlements: number },
  rows: readonly SettledRow[],
  basicCapFen: number | null,
): YearBenefits {
  const a = y.accumulators;
  const fundPaidFen = rows
    .filter((r) => r.insutype === y.insutype && r.status === 'settled')
    .reduce((s, r) => s + r.fundPaySumamt, 0);
  return {
    insutype: y.insutype,
    settlements: y.settlements,
    totalFen: y.totalFen,
    fundPaidFen,
    deductibleUsedFen: a.deductiblePaidFen,
    basicCapFen,
    basicCapRemainingFen: basicCapFen === null ? null : Math.max(0, basicCapFen - a.basicFundPaidFen),
  };
}
