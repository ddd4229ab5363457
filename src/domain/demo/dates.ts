// Calendar arithmetic on 'YYYY-MM-DD' strings (UTC, no time zone can shift a date).
import type { Random } from './random.ts';

const DAY = 86_400_000;
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

export const addDays = (d: string, n: number): string => iso(ms(d) + n * DAY);
export const daysBetween = (from: string, to: string): number => Math.round((ms(to) - ms(from)) / DAY);
export const yearOf = (d: string): number => Number(d.slice(0, 4));
export const maxDate = (a: string, b: string): string => (a > b ? a : b);
export const minDate = (a: string, b: string): string => (a < b ? a : b);

/** A uniformly random date in [from, to], both inclusive. */
export function randomDate(r: Random, from: string, to: string): string {
  if (to < from) throw new RangeError(`empty date range ${from}..${to}`);
  return addDays(from, r.int(0, daysBetween(from, to)));
}

/** A birth date giving exactly `age` whole years on `today`. */
export function birthDateForAge(r: Random, age: number, today: string): string {
  const y = yearOf(today) - age;
  // the latest birth date for this age is today's month-day `age` years back (29 Feb → 28 Feb)
  let latest = `${y}${today.slice(4)}`;
  if (Number.isNaN(ms(latest)) || iso(ms(latest)) !== latest) latest = `${y}-02-28`;
  return addDays(latest, -r.int(0, 364));
}

/** The last day of a month given as 'YYYY-MM'. */
export const monthEnd = (ym: string): string => addDays(`${addMonthsYm(ym, 1)}-01`, -1);

function addMonthsYm(ym: string, n: number): string {
  const total = Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1 + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** A real calendar date written 'YYYY-MM-DD' (2026-02-30 is not). */
export function isDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(ms(s)) && iso(ms(s)) === s;
}
