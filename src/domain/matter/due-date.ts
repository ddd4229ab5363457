// The matter clock (办结时限). A limit of N working days counts from the working day after
// acceptance (the acceptance day itself does not count); days on which the matter waits for the
// applicant (补正, 容缺 material outstanding) do not count: a pause stops the clock on its first day
// and restarts it on its last, so the days after `from` up to and including `to` are not counted.
// An open pause (the applicant has not answered yet) has no due date; an immediate matter is due
// the day it is accepted, or the day the applicant answers its last pause. One extension of a reason-
// given length may be added, up to the matter's special-case maximum. Calendar years the bureau has
// not loaded raise CALENDAR_YEAR_MISSING (working-days.ts), never a guessed date.
import { addDays, addWorkingDays, type WorkCalendar } from '../shared/working-days.ts';
import type { TimeLimit } from './catalogue.ts';
import { matterError } from './errors.ts';

export interface Pause {
  /** the day the clock stopped (a return for correction, a 容缺 acceptance) */
  from: string;
  /** the day the applicant answered, or null while still waiting */
  to: string | null;
}

/** The days a list of pauses takes off the clock. */
export function pausedDays(pauses: readonly Pause[]): Set<string> {
  const out = new Set<string>();
  for (const p of pauses) {
    if (p.to === null) continue;
    for (let d = addDays(p.from, 1); d <= p.to; d = addDays(d, 1)) out.add(d);
  }
  return out;
}

/** The day a matter accepted on `accepted` must be completed by; null while a pause is open. */
export function dueDate(
  accepted: string,
  limit: TimeLimit,
  calendar: WorkCalendar,
  pauses: readonly Pause[] = [],
  extensionDays = 0,
): string | null {
  if (pauses.some((p) => p.to === null)) return null;
  // an immediate matter is done the day its clock runs: acceptance, or the last answer to a pause
  if (limit.kind === 'immediate')
    return pauses.reduce((d, p) => (p.to !== null && p.to > d ? p.to : d), accepted);
  return addWorkingDays(calendar, accepted, limit.days + extensionDays, pausedDays(pauses));
}

/** Checks a reviewer's extension (延期): once only, on a time-limited matter, within the maximum. */
export function checkExtension(limit: TimeLimit, alreadyExtended: boolean, days: number): void {
  if (limit.kind === 'immediate') throw matterError('MATTER_EXTENSION_NOT_LIMITED');
  if (alreadyExtended) throw matterError('MATTER_EXTENDED_ONCE');
  const max = limit.maxDays ?? limit.days * 2;
  if (!Number.isInteger(days) || days < 1 || limit.days + days > max) {
    throw matterError(
      'MATTER_EXTENSION_TOO_LONG',
      `延长天数应为 1 至 ${max - limit.days} 个工作日（该事项最长 ${max} 个工作日）`,
      { field: 'extensionDays', max: max - limit.days },
    );
  }
}
