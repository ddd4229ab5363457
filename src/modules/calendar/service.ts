// Load, check, write, record: the work calendar's use cases. Every change of a day keeps its history
// (calendar_day_change) and an audit entry, in the caller's transaction.
import library from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { Db, Queryable, Tx } from '../../db/types.ts';
import {
  type CalendarDay,
  checkYearDays,
  libraryDays,
  libraryYears,
  toWorkCalendar,
} from '../../domain/calendar/days.ts';
import { badRequest, conflict } from '../../domain/shared/errors.ts';
import type { WorkCalendar } from '../../domain/shared/working-days.ts';
import { type Actor, audit } from '../audit/index.ts';
import type { ChangeDayBody } from './contract.ts';
import * as repo from './repo.ts';

const LIBRARY = library as { holidays: Record<string, string>; workdays: Record<string, string> };

/** Load every year the library knows and the bureau has not loaded yet (first start, upgrades). */
export async function ensureLibraryYears(db: Db, actor: Actor, now: Date): Promise<number[]> {
  return db.tx(async (tx) => {
    const have = new Set((await repo.years(tx)).map((y) => y.year));
    const added: number[] = [];
    for (const year of libraryYears(LIBRARY)) {
      if (have.has(year)) continue;
      await repo.replaceYear(tx, year, 'library', libraryDays(LIBRARY, [year]), actor.name, now);
      added.push(year);
    }
    if (added.length)
      await audit(tx, actor, 'calendar.library_load', 'calendar_year', null, null, { years: added });
    return added;
  });
}

/** The working-day calendar of the loaded years among fromYear…toYear (missing years stay missing). */
export async function workCalendarFor(
  db: Queryable,
  fromYear: number,
  toYear: number,
): Promise<WorkCalendar> {
  const [years, days] = await Promise.all([
    repo.loadedYears(db, fromYear, toYear),
    repo.days(db, fromYear, toYear),
  ]);
  return toWorkCalendar(years, days);
}

/** An admin loads (or reloads) a whole year: the old and new days are kept in the history. */
export async function importYear(
  tx: Tx,
  year: number,
  days: readonly CalendarDay[],
  reason: string | null,
  actor: Actor,
  now: Date,
): Promise<void> {
  checkYearDays(year, days);
  const before = new Map((await repo.days(tx, year, year)).map((d) => [d.day, d]));
  const after = new Map(days.map((d) => [d.day, d]));
  await repo.replaceYear(tx, year, 'bureau', days, actor.name, now);
  for (const day of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(day);
    const a = after.get(day);
    if (b?.kind === a?.kind && b?.name === a?.name) continue;
    await repo.insertChange(tx, {
      day,
      oldKind: b?.kind ?? null,
      newKind: a?.kind ?? null,
      name: a?.name ?? b?.name ?? null,
      reason: reason ?? '导入年度工作日历',
      changedBy: actor.name,
      changedAt: now,
    });
  }
  await audit(
    tx,
    actor,
    'calendar.import_year',
    'calendar_year',
    year,
    { days: before.size },
    { days: after.size },
  );
}

/** An admin changes one day of a loaded year. */
export async function changeDay(tx: Tx, day: string, c: ChangeDayBody, actor: Actor, now: Date) {
  const year = Number(day.slice(0, 4));
  if (!(await repo.yearExists(tx, year))) {
    throw badRequest('CALENDAR_YEAR_MISSING', `${year} 年的工作日历尚未导入，请先导入该年度`, { year });
  }
  const old = await repo.dayOf(tx, day);
  if (c.kind === null && !old)
    throw conflict('CALENDAR_DAY_UNCHANGED', `${day} 没有节假日或调休安排，无需清除`, { day });
  if (c.kind !== null) {
    const others = (await repo.days(tx, year, year)).filter((d) => d.day !== day);
    checkYearDays(year, [...others, { day, kind: c.kind, name: c.name || old?.name || '' }]);
  }
  const name = c.kind === null ? null : c.name || old?.name || '';
  await repo.setDay(
    tx,
    year,
    c.kind === null ? { day, kind: null } : { day, kind: c.kind, name: name ?? '' },
  );
  await repo.insertChange(tx, {
    day,
    oldKind: old?.kind ?? null,
    newKind: c.kind,
    name,
    reason: c.reason,
    changedBy: actor.name,
    changedAt: now,
  });
  await audit(
    tx,
    actor,
    'calendar.change_day',
    'calendar_day',
    day,
    old,
    c.kind === null ? null : { kind: c.kind, name },
  );
}

export const listYears = repo.years;
export const yearDays = (db: Queryable, year: number) => repo.days(db, year, year);
export const yearChanges = repo.changes;
