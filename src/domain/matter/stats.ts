// Matter statistics per matter type, per service point or per month: accepted, completed, on time,
// overdue, average working days to completion, and 容缺 promises kept. Pure over one row per matter;
// the caller passes today and the working-day count (null when the calendar lacks a year: such a
// matter is left out of the average, never guessed). Rates are basis points, null on an empty base.
import { rateBp } from '../ticket/kpi.ts';

export interface MatterStatInput {
  state: string;
  acceptedOn: string | null;
  completedOn: string | null;
  dueOn: string | null;
  promiseDue: string | null;
  /** the day the deferred (容缺) material was handed in */
  suppliedOn: string | null;
}

export interface MatterStats {
  applied: number;
  accepted: number;
  completed: number;
  /** completed on or before the due day */
  onTime: number;
  /** completed after the due day, or still open past it */
  overdue: number;
  open: number;
  /** refused or withdrawn */
  ended: number;
  onTimeRateBp: number | null;
  /** mean working days from acceptance to completion, in tenths of a day (rounded half up) */
  avgWorkingDaysTenths: number | null;
  /** accepted with a 容缺 promise */
  deferred: number;
  /** the promised material came on or before the promised day */
  deferredKept: number;
  /** promises whose day has passed or whose material came: the base of the kept rate */
  deferredDue: number;
  deferredKeptRateBp: number | null;
}

const OPEN_STATES = new Set(['notified', 'deferred', 'accepted', 'correcting']);

export function matterStats(
  rows: readonly MatterStatInput[],
  today: string,
  workingDays: (from: string, to: string) => number | null,
): MatterStats {
  let accepted = 0;
  let completed = 0;
  let onTime = 0;
  let overdue = 0;
  let open = 0;
  let ended = 0;
  let daysSum = 0;
  let daysCount = 0;
  let deferred = 0;
  let deferredKept = 0;
  let deferredDue = 0;
  for (const r of rows) {
    if (r.acceptedOn) accepted += 1;
    if (r.state === 'completed' && r.completedOn) {
      completed += 1;
      if (r.dueOn === null || r.completedOn <= r.dueOn) onTime += 1;
      else overdue += 1;
      if (r.acceptedOn) {
        const d = workingDays(r.acceptedOn, r.completedOn);
        if (d !== null) {
          daysSum += d;
          daysCount += 1;
        }
      }
    } else if (OPEN_STATES.has(r.state)) {
      open += 1;
      if (r.dueOn !== null && r.dueOn < today) overdue += 1;
    } else {
      ended += 1;
    }
    if (r.promiseDue) {
      deferred += 1;
      const kept = r.suppliedOn !== null && r.suppliedOn <= r.promiseDue;
      if (kept) deferredKept += 1;
      if (r.suppliedOn !== null || r.promiseDue < today) deferredDue += 1;
    }
  }
  return {
    applied: rows.length,
    accepted,
    completed,
    onTime,
    overdue,
    open,
    ended,
    onTimeRateBp: rateBp(onTime, completed),
    avgWorkingDaysTenths: daysCount ? Math.floor((daysSum * 20 + daysCount) / (2 * daysCount)) : null,
    deferred,
    deferredKept,
    deferredDue,
    deferredKeptRateBp: rateBp(deferredKept, deferredDue),
  };
}

/** Tenths of a day as text with one decimal (53 → "5.3"), "—" when there is no average. */
export const tenthsText = (tenths: number | null): string =>
  tenths === null ? '—' : `${Math.trunc(tenths / 10)}.${tenths % 10}`;

/** Statistics per key (matter type, point, month), keys in order. */
export function matterStatsBy<R extends MatterStatInput>(
  rows: readonly R[],
  key: (r: R) => string,
  today: string,
  workingDays: (from: string, to: string) => number | null,
): { key: string; stats: MatterStats }[] {
  const groups = new Map<string, R[]>();
  for (const r of rows) {
    const k = key(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, rs]) => ({ key: k, stats: matterStats(rs, today, workingDays) }));
}

/** The service point a matter was accepted at: the village, the township of the village, or the county. */
export function pointOf(
  level: string,
  villageCode: string | null,
  townshipOf: (village: string) => string | null,
) {
  if (level === 'village' && villageCode) return `village:${villageCode}`;
  if (level === 'township' && villageCode) return `township:${townshipOf(villageCode) ?? villageCode}`;
  return 'county';
}
