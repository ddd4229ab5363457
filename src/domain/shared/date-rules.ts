// One strict rule for a calendar date typed as YYYY-MM-DD: the shape AND the calendar
// (2023-02-30 and 2025-02-29 are refused). Every date the API accepts goes through it, so an
// impossible date is a coded 400 at the edge and never reaches the database as a 500.

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether y-m-d exists in the Gregorian calendar (years 0001–9999). */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(2000, m - 1, d));
  dt.setUTCFullYear(y);
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
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
