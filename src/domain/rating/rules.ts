// A rating as the citizen gives it: the overall level, each indicator of its channel, and for a 差评 at
// least one reason tag. Pure.
import { addWorkingDays, type WorkCalendar } from '../shared/working-days.ts';
import { COUNTER_INDICATORS, gradeOf, type Indicator, ONLINE_INDICATORS, type ReasonTag } from './codes.ts';
import { ratingError } from './errors.ts';

export interface RatingInput {
  overall: number;
  indicators: Partial<Record<Indicator, number>>;
  tags: readonly ReasonTag[];
  comment: string;
}

const isLevel = (n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 5;

/** The rating with its channel's indicators (missing ones take the overall level); throws when invalid. */
export function checkRating(channel: 'counter' | 'online', r: RatingInput): RatingInput {
  if (!isLevel(r.overall)) throw ratingError('RATING_LEVEL_INVALID');
  const names = channel === 'counter' ? COUNTER_INDICATORS : ONLINE_INDICATORS;
  const indicators: Partial<Record<Indicator, number>> = {};
  for (const [k, v] of Object.entries(r.indicators)) {
    if (!(names as readonly string[]).includes(k))
      throw ratingError('RATING_INDICATOR_UNKNOWN', undefined, { indicator: k });
    if (!isLevel(v)) throw ratingError('RATING_LEVEL_INVALID', undefined, { indicator: k });
  }
  for (const n of names) indicators[n] = r.indicators[n] ?? r.overall;
  const bad = gradeOf(r.overall) === 'bad';
  if (bad && r.tags.length === 0) throw ratingError('RATING_TAGS_REQUIRED');
  return { overall: r.overall, indicators, tags: bad ? [...new Set(r.tags)] : [], comment: r.comment.trim() };
}

/** When a 差评's rectification is due: `days` working days after the rating day. */
export const rectificationDue = (ratedOn: string, days: number, cal: WorkCalendar): string =>
  addWorkingDays(cal, ratedOn, days);
