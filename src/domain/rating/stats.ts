// 好差评 statistics from the rating records, grouped by any key (matter, clerk, point, month). Pure.
// 好评率 = 好评 / ratings; 差评回访率 = 差评 called back (or beyond) / 差评 not annulled; 差评整改率 =
// 差评 rectified and reported back / 差评 not annulled. An annulled 差评 (申诉复核 upheld) stays counted
// as rated but leaves the 差评 bases. Rates are basis points, null on an empty base.
import { rateBp } from '../ticket/kpi.ts';
import { gradeOf } from './codes.ts';
import type { RectifyState } from './machine.ts';

export interface RatingRecord {
  overall: number;
  /** the rectification's state for a 差评, null otherwise */
  rectification: RectifyState | null;
}

export interface RatingStats {
  ratings: number;
  good: number;
  neutral: number;
  bad: number;
  annulled: number;
  calledBack: number;
  rectified: number;
  goodRateBp: number | null;
  callbackRateBp: number | null;
  rectifyRateBp: number | null;
}

const CALLED: readonly (RectifyState | null)[] = ['called_back', 'verified', 'rectified', 'reported'];

export function ratingStats(records: readonly RatingRecord[]): RatingStats {
  const grades = records.map((r) => gradeOf(r.overall));
  const bad = records.filter((r) => gradeOf(r.overall) === 'bad');
  const annulled = bad.filter((r) => r.rectification === 'annulled').length;
  const live = bad.length - annulled;
  const calledBack = bad.filter((r) => CALLED.includes(r.rectification)).length;
  const rectified = bad.filter((r) => r.rectification === 'reported').length;
  const good = grades.filter((g) => g === 'good').length;
  return {
    ratings: records.length,
    good,
    neutral: grades.filter((g) => g === 'neutral').length,
    bad: bad.length,
    annulled,
    calledBack,
    rectified,
    goodRateBp: rateBp(good, records.length),
    callbackRateBp: rateBp(calledBack, live),
    rectifyRateBp: rateBp(rectified, live),
  };
}

export function groupStats<R extends RatingRecord>(
  records: readonly R[],
  key: (r: R) => string,
): { key: string; stats: RatingStats }[] {
  const groups = new Map<string, R[]>();
  for (const r of records) {
    const k = key(r);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, rs]) => ({ key: k, stats: ratingStats(rs) }));
}
