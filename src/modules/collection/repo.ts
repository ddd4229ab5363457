// All SQL of 集中征缴: windows, snapshots, the ranking read from them, and the unpaid list.
//
// Insured for a coverage year as of a day: every distinct person with an active 390 or 310
// enrollment covering any day of the year whose contribution was collected by the end of that day
// (缴费日期; rows without one count from their creation day), in the village the person is
// registered in now — the same rule as the registry's 参保进度, cut at the day.
import type { Queryable, Tx } from '../../db/types.ts';
import type { CollectionWindow } from '../../domain/collection/season.ts';

const PAID_DAY = `COALESCE(e.paid_on, (e.created_at AT TIME ZONE 'UTC' + interval '8 hours')::date)`;

export function windows(db: Queryable, admdvs: string): Promise<CollectionWindow[]> {
  return db.query<CollectionWindow>(
    `SELECT year, to_char(opens_on, 'YYYY-MM-DD') AS "opensOn", to_char(closes_on, 'YYYY-MM-DD') AS "closesOn"
     FROM collection_window WHERE admdvs = $1 ORDER BY year`,
    [admdvs],
  );
}

export async function windowFor(
  db: Queryable,
  admdvs: string,
  year: number,
): Promise<CollectionWindow | null> {
  return (await windows(db, admdvs)).find((w) => w.year === year) ?? null;
}

export async function setWindow(
  tx: Tx,
  admdvs: string,
  w: CollectionWindow,
  by: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO collection_window (admdvs, year, opens_on, closes_on, set_by, set_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (admdvs, year) DO UPDATE SET opens_on = excluded.opens_on, closes_on = excluded.closes_on,
       set_by = excluded.set_by, set_at = excluded.set_at`,
    [admdvs, w.year, w.opensOn, w.closesOn, by, at],
  );
}

export async function regions(db: Queryable): Promise<string[]> {
  return (await db.query<{ admdvs: string }>('SELECT DISTINCT admdvs FROM township ORDER BY admdvs')).map(
    (r) => r.admdvs,
  );
}

export async function lastSnapshotDay(db: Queryable, admdvs: string, year: number): Promise<string | null> {
  const rows = await db.query<{ day: string | null }>(
    `SELECT to_char(max(s.day), 'YYYY-MM-DD') AS day FROM collection_snapshot s
     JOIN village v ON v.code = s.village_code WHERE s.year = $1 AND v.admdvs = $2`,
    [year, admdvs],
  );
  return rows[0]?.day ?? null;
}

/** (Re)takes the snapshots of the days from…to for one region and coverage year, in one statement. */
export async function takeSnapshots(
  tx: Tx,
  admdvs: string,
  year: number,
  from: string,
  to: string,
  at: Date,
): Promise<number> {
  await tx.query(
    `DELETE FROM collection_snapshot s USING village v
     WHERE v.code = s.village_code AND v.admdvs = $1 AND s.year = $2 AND s.day BETWEEN $3::date AND $4::date`,
    [admdvs, year, from, to],
  );
  const rows = await tx.query<{ n: number }>(
    `WITH covered AS (
       SELECT e.psn_no, min(${PAID_DAY}) AS paid_day, bool_or(e.assisted_fen > 0) AS subsidised
         FROM enrollment e
        WHERE e.admdvs = $1 AND e.status = 'active' AND e.insutype IN ('390', '310')
          AND e.begin_date <= make_date($2::int, 12, 31) AND e.end_date >= make_date($2::int, 1, 1)
        GROUP BY e.psn_no),
     paid AS (
       SELECT p.village_code, GREATEST(c.paid_day, $3::date) AS day,
              count(*) AS n, count(*) FILTER (WHERE c.subsidised) AS s
         FROM covered c JOIN person p ON p.psn_no = c.psn_no
        WHERE c.paid_day <= $4::date AND p.village_code IS NOT NULL
        GROUP BY 1, 2),
     residents AS (
       SELECT village_code, count(*) AS n FROM person
        WHERE admdvs = $1 AND status = 'normal' AND birth_date <= make_date($2::int, 12, 31)
          AND village_code IS NOT NULL
        GROUP BY village_code),
     days AS (SELECT generate_series($3::date, $4::date, interval '1 day')::date AS day),
     ins AS (
       INSERT INTO collection_snapshot (day, year, village_code, residents, insured, subsidised, taken_at)
       SELECT d.day, $2::int, v.code, COALESCE(r.n, 0),
              COALESCE(sum(pd.n), 0), COALESCE(sum(pd.s), 0), $5::timestamptz
         FROM days d CROSS JOIN village v
         LEFT JOIN residents r ON r.village_code = v.code
         LEFT JOIN paid pd ON pd.village_code = v.code AND pd.day <= d.day
        WHERE v.admdvs = $1
        GROUP BY d.day, v.code, r.n
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [admdvs, year, from, to, at],
  );
  return rows[0].n;
}

export interface TownshipDay {
  day: string;
  code: string;
  name: string;
  target: number;
  insured: number;
  subsidised: number;
}

/** Township sums of the snapshots of the days from…to, with each township's 应参保人数. */
export function townshipDays(
  db: Queryable,
  admdvs: string,
  year: number,
  from: string,
  to: string,
): Promise<TownshipDay[]> {
  return db.query<TownshipDay>(
    `SELECT to_char(s.day, 'YYYY-MM-DD') AS day, t.code, t.name, COALESCE(g.target, 0)::int AS target,
            sum(s.insured)::int AS insured, sum(s.subsidised)::int AS subsidised
       FROM collection_snapshot s
       JOIN village v ON v.code = s.village_code
       JOIN township t ON t.code = v.township_code
       LEFT JOIN enrollment_target g ON g.township_code = t.code AND g.year = s.year
      WHERE t.admdvs = $1 AND s.year = $2 AND s.day BETWEEN $3::date AND $4::date
      GROUP BY s.day, t.code, t.name, g.target
      ORDER BY s.day, t.code`,
    [admdvs, year, from, to],
  );
}

export interface VillageRow {
  code: string;
  name: string;
  townshipCode: string;
  residents: number;
  insured: number;
  subsidised: number;
  /** living residents with no coverage in the year now (the unpaid list's length, not cut at the day) */
  unpaidNow: number;
}

/** A living resident of `village` ($1-style SQL) with no active 390/310 period in `year` (催缴名单). */
const unpaidWhere = (village: string, year: string) => `p.village_code = ${village} AND p.status = 'normal'
    AND p.birth_date <= make_date(${year}, 12, 31)
    AND NOT EXISTS (
      SELECT 1 FROM enrollment e WHERE e.psn_no = p.psn_no AND e.status = 'active' AND e.insutype IN ('390', '310')
         AND e.begin_date <= make_date(${year}, 12, 31) AND e.end_date >= make_date(${year}, 1, 1))`;

export function villages(
  db: Queryable,
  admdvs: string,
  year: number,
  day: string,
  townshipCode: string | null,
) {
  return db.query<VillageRow>(
    `SELECT v.code, v.name, v.township_code AS "townshipCode", s.residents, s.insured, s.subsidised,
            (SELECT count(*)::int FROM person p WHERE ${unpaidWhere('v.code', '$2::int')}) AS "unpaidNow"
       FROM collection_snapshot s JOIN village v ON v.code = s.village_code
      WHERE v.admdvs = $1 AND s.year = $2 AND s.day = $3::date AND ($4::text IS NULL OR v.township_code = $4)
      ORDER BY v.code`,
    [admdvs, year, day, townshipCode],
  );
}

export interface UnpaidPerson {
  psnNo: string;
  name: string;
  certno: string;
  phone: string | null;
  householdNo: string | null;
  birthDate: string;
  /** insured the year before (a renewal is due), as against never insured */
  insuredYearBefore: boolean;
}

/** Living residents of a village with no active enrollment covering the year (催缴名单). */
export async function unpaid(
  db: Queryable,
  villageCode: string,
  year: number,
  limit: number,
  offset: number,
): Promise<{ items: UnpaidPerson[]; total: number }> {
  const where = unpaidWhere('$1', '$2::int');
  const [items, total] = await Promise.all([
    db.query<UnpaidPerson>(
      `SELECT p.psn_no AS "psnNo", p.name, p.certno, p.phone, p.household_no AS "householdNo",
              to_char(p.birth_date, 'YYYY-MM-DD') AS "birthDate",
              EXISTS (SELECT 1 FROM enrollment e WHERE e.psn_no = p.psn_no AND e.status = 'active'
                        AND e.begin_date <= make_date($2::int - 1, 12, 31) AND e.end_date >= make_date($2::int - 1, 1, 1))
                AS "insuredYearBefore"
         FROM person p WHERE ${where}
        ORDER BY p.household_no, p.psn_no LIMIT $3 OFFSET $4`,
      [villageCode, year, limit, offset],
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM person p WHERE ${where}`, [villageCode, year]),
  ]);
  return { items, total: total[0].n };
}

export async function villageName(
  db: Queryable,
  code: string,
): Promise<{ name: string; admdvs: string } | null> {
  const rows = await db.query<{ name: string; admdvs: string }>(
    'SELECT name, admdvs FROM village WHERE code = $1',
    [code],
  );
  return rows[0] ?? null;
}
