// The dashboard's shapes (as /api/dashboard answers them) and the pure steps between them and the
// screen: the URL filters, the bar chart's model (ranked, the last two in red: the bureau calls in
// the last two townships), and the settlement table rows. The figures' types are the server's
// (dashboard/contract.ts).
import type {
  EnrollmentProgress,
  GroupCoverage,
  PeriodSummary,
  SettlementSummary,
  SpecialGroups,
  SummaryLine,
  TownshipProgress,
} from '../../../../src/modules/dashboard/contract.ts';
import { bpToPercentValue } from '../../lib/format.ts';

export type {
  EnrollmentProgress,
  GroupCoverage,
  PeriodSummary,
  SettlementSummary,
  SpecialGroups,
  SummaryLine,
  TownshipProgress,
};

export type Breakdown = 'scheme' | 'care';

export interface DashboardFilters {
  year: number | null;
  date: string | null;
  by: Breakdown;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** ?year=2026&date=2026-03-15&by=care → filters; anything malformed falls back to the server's today. */
export function parseFilters(params: URLSearchParams): DashboardFilters {
  const y = Number(params.get('year'));
  const d = params.get('date');
  return {
    year: Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : null,
    date: d && DATE.test(d) ? d : null,
    by: params.get('by') === 'care' ? 'care' : 'scheme',
  };
}

/** Filters → URL parameters, leaving out the defaults so a clean URL means "today". */
export function filtersToParams(f: DashboardFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.year !== null) out.year = String(f.year);
  if (f.date !== null) out.date = f.date;
  if (f.by !== 'scheme') out.by = f.by;
  return out;
}

/** The years a leader may pick: the last four up to the server's current one, newest first. */
/** This year and three before; next year too once its collection window has opened (集中征缴). */
export function yearOptions(
  current: number,
  selected: number | null,
  collected: readonly number[] = [],
): number[] {
  const years = [current, current - 1, current - 2, current - 3];
  for (const y of collected) if (y > current && !years.includes(y)) years.push(y);
  if (selected !== null && !years.includes(selected)) years.push(selected);
  return years.sort((a, b) => b - a);
}

export const RED = '#cf1322';
export const BLUE = '#1677ff';
export const GREY = '#bfbfbf';

export interface ChartModel {
  names: string[];
  /** percent with two decimals (display only; the API's figures are basis points) */
  values: (number | null)[];
  colors: string[];
  /** codes of the two lowest-ranked townships that have a rate */
  lastTwo: string[];
}

/** Lowest-rated two among the townships with a rate (those without a target rank after them). */
export function lastTwoCodes(townships: readonly TownshipProgress[]): string[] {
  return townships
    .filter((t) => t.rateBp !== null)
    .slice(-2)
    .map((t) => t.code);
}

/** The bar chart's model in rank order (rank 1 first); the last two red, no-target grey. */
export function chartModel(townships: readonly TownshipProgress[]): ChartModel {
  const ranked = [...townships].sort((a, b) => a.rank - b.rank);
  const lastTwo = lastTwoCodes(ranked);
  return {
    names: ranked.map((t) => t.name),
    values: ranked.map((t) => (t.rateBp === null ? null : bpToPercentValue(t.rateBp))),
    colors: ranked.map((t) => (t.rateBp === null ? GREY : lastTwo.includes(t.code) ? RED : BLUE)),
    lastTwo,
  };
}

/** Where the rate axis starts: a little below the lowest rate (rates cluster near 100 %), never below 0. */
export function axisMin(values: readonly (number | null)[]): number {
  const rated = values.filter((v): v is number => v !== null);
  if (rated.length === 0) return 0;
  return Math.max(0, Math.floor(Math.min(...rated)) - 3);
}

/** The settlement table: the chosen breakdown's lines, then the total. */
export function settlementRows(p: PeriodSummary, by: Breakdown): SummaryLine[] {
  return [...(by === 'scheme' ? p.byScheme : p.byCareType), p.total];
}

/** Special groups are meant to be fully insured (应保尽保): a subsidised type below 100 % is flagged. */
export function groupShortfall(g: GroupCoverage): boolean {
  return g.subsidisesEnrollment && g.rateBp !== null && g.rateBp < 10000;
}
