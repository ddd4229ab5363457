// 特殊群体参保: for each identity type, the persons holding a spell of it in the coverage year, how
// many of them are insured for the year (the registry's one rule: an active 390/310 period touching
// the year), how many are subsidised under the identity (资助参保, attributed to the identity the
// subsidy was granted for) and how many holders have no subsidy at all (the gap of a group the state
// must subsidise, 应保尽保). Rates are basis points of holders, rounded half-up; no holders → no rate.
import { rateBp } from '../registry/progress.ts';

export interface GroupCounts {
  code: string;
  name: string;
  department: string;
  subsidisesEnrollment: boolean;
  holders: number;
  enrolled: number;
  subsidised: number;
  /** holders insured without any subsidy, or not insured at all */
  unsubsidised: number;
}

/** The figures of the dashboard a leader can open as a list of persons (one definition each). */
export const FIGURES = [
  'insured',
  'subsidised',
  'holders',
  'enrolled',
  'groupSubsidised',
  'unsubsidised',
] as const;
export type Figure = (typeof FIGURES)[number];
export const FIGURE_NAMES: Record<Figure, string> = {
  insured: '已参保人员',
  subsidised: '资助参保人员',
  holders: '持有身份人员',
  enrolled: '持有身份且已参保人员',
  groupSubsidised: '按该身份资助参保人员',
  unsubsidised: '持有身份但未资助参保人员',
};

export interface GroupCoverage extends GroupCounts {
  /** enrolled ÷ holders */
  rateBp: number | null;
  /** subsidised ÷ holders */
  subsidisedRateBp: number | null;
}

export function coverage(rows: readonly GroupCounts[]): GroupCoverage[] {
  return rows.map((r) => ({
    ...r,
    rateBp: rateBp(r.enrolled, r.holders),
    subsidisedRateBp: rateBp(r.subsidised, r.holders),
  }));
}
