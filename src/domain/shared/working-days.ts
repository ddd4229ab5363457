// Working-day arithmetic for time limits (办结时限, 签收时限 …). The calendar is data passed in:
// statutory holidays and the 调休 weekend days that are working days, per year, as the bureau loaded
// them. A year that is not loaded is an error telling the admin to load it, never a silent guess
// (a guessed calendar would put due dates inside the 春节 week).
import { badRequest } from './errors.ts';

export interface WorkCalendar {
  /** years whose holidays and make-up working days are loaded */
  years: ReadonlySet<number>;
  /** days off that fall on Monday–Friday (statutory holidays and their bridges), YYYY-MM-DD */
  holidays: ReadonlySet<string>;
  /** Saturdays and Sundays that are working days (调休), YYYY-MM-DD */
  workdays: ReadonlySet<string>;
}

export function workCalendar(
  years: Iterable<number>,
  holidays: Iterable<string>,
  workdays: Iterable<string>,
): WorkCalendar {
  return { years: new Set(years), holidays: new Set(holidays), workdays: new Set(workdays) };
}

const DAY_MS = 86_400_000;
const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`);
const toDay = (t: number) => new Date(t).toISOString().slice(0, 10);

export const addDays = (day: string, n: number): string => toDay(toTime(day) + n * DAY_MS);

function requireYear(cal: WorkCalendar, day: string): void {
  const year = Number(day.slice(0, 4));
  if (!cal.years.has(year)) {
    throw badRequest(
      'CALENDAR_YEAR_MISSING',
      `${year} 年的工作日历尚未导入，无法计算办理时限；请管理员在“工作日历”中导入该年度的节假日与调休安排`,
      { year },
    );
  }
}

/** Whether a day is a working day of the calendar (throws when its year is not loaded). */
export function isWorkingDay(cal: WorkCalendar, day: string): boolean {
  requireYear(cal, day);
  if (cal.workdays.has(day)) return true;
  if (cal.holidays.has(day)) return false;
  const weekday = new Date(toTime(day)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The day on which a limit of `n` working days ends when the clock starts on `start`: the start day
 * itself does not count (a matter accepted on Friday with a 1-day limit is due the next working day).
 * Paused days (补正, suspension) do not count either.
 */
export function addWorkingDays(
  cal: WorkCalendar,
  start: string,
  n: number,
  paused: ReadonlySet<string> = new Set(),
): string {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`working days must be a non-negative integer: ${n}`);
  let day = start;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(cal, day) && !paused.has(day)) left -= 1;
  }
  return day;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(cal: WorkCalendar, from: string, to: string): number {
  let n = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(cal, day)) n += 1;
  return n;
}
