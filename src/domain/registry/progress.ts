// 参保进度: enrollment rate per township and for the county. The rate is insured ÷ target in basis
// points, rounded half-up (9 876 = 98.76 %); a township without a target (0 or none entered) has
// no rate (null) and ranks after every township that has one. Ranks follow the rate descending;
// equal rates share neither rank nor order by chance: ties are broken by township code, so the
// table reads the same on every screen and report.
import { mulDivHalfUp } from '../shared/money.ts';

export interface TownshipCounts {
  code: string;
  name: string;
  target: number;
  insured: number;
  subsidised: number;
}

export interface TownshipProgress extends TownshipCounts {
  rateBp: number | null;
  rank: number;
}

export interface ProgressTotals {
  target: number;
  insured: number;
  subsidised: number;
  rate: number | null;
}

export function rateBp(insured: number, target: number): number | null {
  if (target <= 0) return null;
  return mulDivHalfUp(insured, 10000, target);
}

/** Rate each township and rank by rate descending (ties and missing rates ordered by code). */
export function rankTownships(rows: readonly TownshipCounts[]): TownshipProgress[] {
  const rated = rows.map((r) => ({ ...r, rateBp: rateBp(r.insured, r.target), rank: 0 }));
  rated.sort((a, b) => {
    if (a.rateBp !== b.rateBp) {
      if (a.rateBp === null) return 1;
      if (b.rateBp === null) return -1;
      return b.rateBp - a.rateBp;
    }
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
  rated.forEach((r, i) => {
    r.rank = i + 1;
  });
  return rated;
}

export function countyTotals(rows: readonly TownshipCounts[]): ProgressTotals {
  const target = rows.reduce((s, r) => s + r.target, 0);
  const insured = rows.reduce((s, r) => s + r.insured, 0);
  const subsidised = rows.reduce((s, r) => s + r.subsidised, 0);
  return { target, insured, subsidised, rate: rateBp(insured, target) };
}
