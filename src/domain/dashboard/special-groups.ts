// 特殊群体参保: for each identity type, the persons holding a valid spell today, how many of them
// are insured for the year (the registry progress rule: an active 390/310 period touching the
// year) and how many with a subsidised (资助参保) enrollment. Rates are basis points of holders,
// rounded half-up; no holders → no rate.
import { rateBp } from '../registry/progress.ts';

export interface GroupCounts {
  code: string;
  name: string;
  department: string;
  subsidisesEnrollment: boolean;
  holders: number;
  enrolled: number;
  subsidised: number;
}

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
