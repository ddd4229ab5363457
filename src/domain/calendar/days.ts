// The bureau's work calendar as data: statutory holidays and 调休 working days per year. Seeded from
// the chinese-days library for the years it knows, then owned by the bureau: an admin loads a year
// the library lacks (2027 at the time of writing) and corrects any day, with history.
import { badRequest } from '../shared/errors.ts';
import { workCalendar, type WorkCalendar } from '../shared/working-days.ts';

export const DAY_KINDS = ['holiday', 'workday'] as const;
export type DayKind = (typeof DAY_KINDS)[number];
export const DAY_KIND_NAMES: Record<DayKind, string> = { holiday: '法定节假日（休息）', workday: '调休上班' };

export interface CalendarDay {
  day: string;
  kind: DayKind;
  /** the festival, e.g. 春节 */
  name: string;
}

/** The library's data shape: day → "English,中文,n". */
export interface LibraryData {
  holidays: Readonly<Record<string, string>>;
  workdays: Readonly<Record<string, string>>;
}

const chineseName = (v: string) => v.split(',')[1] ?? v;

/** The years the library knows. */
export const libraryYears = (lib: LibraryData): number[] =>
  [...new Set(Object.keys(lib.holidays).map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);

/** The library's days of some years, as calendar days. */
export function libraryDays(lib: LibraryData, years: readonly number[]): CalendarDay[] {
  const inYears = (d: string) => years.includes(Number(d.slice(0, 4)));
  const out: CalendarDay[] = [
    ...Object.entries(lib.holidays)
      .filter(([d]) => inYears(d))
      .map(([day, v]) => ({ day, kind: 'holiday' as const, name: chineseName(v) })),
    ...Object.entries(lib.workdays)
      .filter(([d]) => inYears(d))
      .map(([day, v]) => ({ day, kind: 'workday' as const, name: chineseName(v) })),
  ];
  return out.sort((a, b) => a.day.localeCompare(b.day));
}

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const isRealDay = (day: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(day) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;

/**
 * Checks a year's days as an admin enters or imports them: real dates of that year, each once, and a
 * 调休 working day on a Saturday or Sunday (a weekday is a working day anyway).
 */
export function checkYearDays(year: number, days: readonly CalendarDay[]): void {
  const seen = new Set<string>();
  for (const d of days) {
    if (!isRealDay(d.day)) throw badRequest('CALENDAR_DAY_INVALID', `日期 ${d.day} 不是有效的日期`);
    if (Number(d.day.slice(0, 4)) !== year) {
      throw badRequest('CALENDAR_DAY_OTHER_YEAR', `日期 ${d.day} 不属于 ${year} 年`);
    }
    if (seen.has(d.day)) throw badRequest('CALENDAR_DAY_DUPLICATE', `日期 ${d.day} 重复出现`);
    seen.add(d.day);
    if (d.kind === 'workday' && weekday(d.day) !== 0 && weekday(d.day) !== 6) {
      throw badRequest('CALENDAR_WORKDAY_NOT_WEEKEND', `${d.day} 是工作日，无需登记为调休上班`);
    }
    if (!d.name.trim()) throw badRequest('CALENDAR_DAY_NAME_REQUIRED', `请填写 ${d.day} 的节日名称`);
  }
  if (!days.some((d) => d.kind === 'holiday')) {
    throw badRequest('CALENDAR_YEAR_EMPTY', `${year} 年没有任何法定节假日，请检查导入的内容`);
  }
}

/** The working-day calendar of the loaded years. */
export const toWorkCalendar = (years: Iterable<number>, days: readonly CalendarDay[]): WorkCalendar =>
  workCalendar(
    years,
    days.filter((d) => d.kind === 'holiday').map((d) => d.day),
    days.filter((d) => d.kind === 'workday').map((d) => d.day),
  );
