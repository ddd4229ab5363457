// One strict rule for a calendar date typed as YYYY-MM-DD: the shape AND the calendar
// (2023-02-30 and 2025-02-29 are refused). Every date the API accepts goes through it, so an
// impossible date is a coded 400 at the edge and never reaches the database as a 500.

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether y is a leap year of the proleptic Gregorian calendar. */
export const isLeapYear = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/** The number of days of month m (1–12) of year y. */
export const daysInMonth = (y: number, m: number) => (m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1]!);

/** Whether y-m-d exists in the Gregorian calendar (years from 0001). */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

/** A YYYY-MM-DD string naming a day that exists. */
export function isCalendarDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = SHAPE.exec(s);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The Chinese message for a date field that is not a real day. */
export function dateProblem(s: unknown): string | null {
  if (typeof s !== 'string' || !SHAPE.test(s)) return '日期格式应为 YYYY-MM-DD';
  return isCalendarDate(s) ? null : `${s} 不是有效日期（该月没有这一天）`;
}
