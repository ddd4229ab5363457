// All SQL of the work calendar's tables.
import type { Queryable, Tx } from '../../db/types.ts';
import type { CalendarDay, DayKind } from '../../domain/calendar/days.ts';

export interface YearRow {
  year: number;
  source: 'library' | 'bureau';
  loadedBy: string;
  loadedAt: string;
  holidays: number;
  workdays: number;
}

export interface DayChange {
  day: string;
  oldKind: DayKind | null;
  newKind: DayKind | null;
  name: string | null;
  reason: string | null;
  changedBy: string;
  changedAt: string;
}

// Timestamps come back as ISO strings on `pg` and may come back as Date on PGlite: one form here.
const iso = (v: unknown): string => new Date(v as string).toISOString();

export async function years(db: Queryable): Promise<YearRow[]> {
  const rows = await db.query<YearRow>(
    `SELECT y.year, y.source, y.loaded_by AS "loadedBy", y.loaded_at AS "loadedAt",
            count(d.day) FILTER (WHERE d.kind = 'holiday')::int AS holidays,
            count(d.day) FILTER (WHERE d.kind = 'workday')::int AS workdays
     FROM calendar_year y LEFT JOIN calendar_day d ON d.year = y.year
     GROUP BY y.year ORDER BY y.year`,
  );
  return rows.map((r) => ({ ...r, loadedAt: iso(r.loadedAt) }));
}

export function days(db: Queryable, fromYear: number, toYear: number): Promise<CalendarDay[]> {
  return db.query<CalendarDay>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, kind, name FROM calendar_day
     WHERE year BETWEEN $1 AND $2 ORDER BY day`,
    [fromYear, toYear],
  );
}

export async function loadedYears(db: Queryable, fromYear: number, toYear: number): Promise<number[]> {
  const rows = await db.query<{ year: number }>(
    'SELECT year FROM calendar_year WHERE year BETWEEN $1 AND $2 ORDER BY year',
    [fromYear, toYear],
  );
  return rows.map((r) => r.year);
}

export async function dayOf(db: Tx, day: string): Promise<CalendarDay | null> {
  const rows = await db.query<CalendarDay>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, kind, name FROM calendar_day WHERE day = $1::date FOR UPDATE`,
    [day],
  );
  return rows[0] ?? null;
}

export async function yearExists(db: Tx, year: number): Promise<boolean> {
  return (await db.query('SELECT 1 FROM calendar_year WHERE year = $1 FOR UPDATE', [year])).length > 0;
}

/** Replaces a year's days (and marks who loaded it). */
export async function replaceYear(
  tx: Tx,
  year: number,
  source: 'library' | 'bureau',
  list: readonly CalendarDay[],
  by: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO calendar_year (year, source, loaded_by, loaded_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (year) DO UPDATE SET source = excluded.source, loaded_by = excluded.loaded_by,
       loaded_at = excluded.loaded_at`,
    [year, source, by, at],
  );
  await tx.query('DELETE FROM calendar_day WHERE year = $1', [year]);
  await tx.query(
    `INSERT INTO calendar_day (day, year, kind, name)
     SELECT d::date, $1, k, n FROM unnest($2::text[], $3::text[], $4::text[]) AS t(d, k, n)`,
    [year, list.map((d) => d.day), list.map((d) => d.kind), list.map((d) => d.name)],
  );
}

export async function setDay(tx: Tx, year: number, day: CalendarDay | { day: string; kind: null }) {
  if (day.kind === null) {
    await tx.query('DELETE FROM calendar_day WHERE day = $1::date', [day.day]);
    return;
  }
  await tx.query(
    `INSERT INTO calendar_day (day, year, kind, name) VALUES ($1::date, $2, $3, $4)
     ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name`,
    [day.day, year, day.kind, day.name],
  );
}

export async function insertChange(tx: Tx, c: Omit<DayChange, 'changedAt'> & { changedAt: Date }) {
  await tx.query(
    `INSERT INTO calendar_day_change (day, old_kind, new_kind, name, reason, changed_by, changed_at)
     VALUES ($1::date, $2, $3, $4, $5, $6, $7)`,
    [c.day, c.oldKind, c.newKind, c.name, c.reason, c.changedBy, c.changedAt],
  );
}

export async function changes(db: Queryable, year: number): Promise<DayChange[]> {
  const rows = await db.query<DayChange>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, old_kind AS "oldKind", new_kind AS "newKind", name, reason,
            changed_by AS "changedBy", changed_at AS "changedAt"
     FROM calendar_day_change WHERE day >= make_date($1, 1, 1) AND day < make_date($1 + 1, 1, 1)
     ORDER BY id`,
    [year],
  );
  return rows.map((r) => ({ ...r, changedAt: iso(r.changedAt) }));
}
