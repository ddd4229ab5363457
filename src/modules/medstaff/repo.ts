// All SQL of the 医保医师 registry and its points, and the look-up the HIS settlement makes.
import type { Queryable, Tx } from '../../db/types.ts';
import type { PointBand, Qualification } from '../../domain/medstaff/points.ts';
import type { StaffRecord } from '../../domain/his/records.ts';
import type { StaffBody, StaffRow } from './contract.ts';

export type { StaffRow };

const SELECT = `
  SELECT m.id::int, m.fixmedins_code AS "fixmedinsCode", i.name AS "institutionName",
         m.staff_code AS "staffCode", m.name, m.kind, m.department, m.status,
         m.suspended_until::text AS "suspendedUntil", m.barred_until::text AS "barredUntil"
    FROM medstaff m LEFT JOIN institution i ON i.code = m.fixmedins_code`;

export async function institutionExists(q: Queryable, code: string): Promise<boolean> {
  return (await q.query(`SELECT 1 FROM institution WHERE code = $1`, [code])).length > 0;
}

/** Insert or update by (institution, code); returns the id and whether it was new. */
export async function upsertStaff(q: Tx, s: StaffBody, at: Date): Promise<{ id: number; created: boolean }> {
  const rows = await q.query<{ id: number; created: boolean }>(
    `INSERT INTO medstaff (fixmedins_code, staff_code, name, kind, department, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6)
     ON CONFLICT (fixmedins_code, staff_code)
       DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, department = EXCLUDED.department,
                     updated_at = EXCLUDED.updated_at
     RETURNING id::int, (xmax = 0) AS created`,
    [s.fixmedinsCode, s.staffCode, s.name, s.kind, s.department, at],
  );
  return rows[0];
}

export async function findStaff(q: Queryable, id: number): Promise<StaffRow | null> {
  return (await q.query<StaffRow>(`${SELECT} WHERE m.id = $1`, [id]))[0] ?? null;
}

export interface StaffFilter {
  institution: string | null;
  status: Qualification | null;
  q: string | null;
}

/** A page of the registry, each member with the points of `year`. */
export async function listStaff(q: Queryable, f: StaffFilter, year: number, limit: number, offset: number) {
  const where = `WHERE ($1::text IS NULL OR m.fixmedins_code = $1) AND ($2::text IS NULL OR m.status = $2)
                   AND ($3::text IS NULL OR m.name LIKE '%' || $3 || '%' OR m.staff_code = $3)`;
  const args = [f.institution, f.status, f.q];
  const items = await q.query<StaffRow>(
    `${SELECT.replace(
      ' FROM medstaff m',
      `, (SELECT coalesce(sum(p.points), 0)::int FROM medstaff_point p
           WHERE p.staff_id = m.id AND p.on_date BETWEEN make_date($6, 1, 1) AND make_date($6, 12, 31)) AS "yearPoints"
    FROM medstaff m`,
    )} ${where} ORDER BY m.fixmedins_code, m.staff_code LIMIT $4 OFFSET $5`,
    [...args, limit, offset, year],
  );
  const total = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM medstaff m ${where}`, args);
  return { items, total: total[0].n };
}

export interface PointRow {
  id: number;
  staffId: number;
  staffName: string;
  staffCode: string;
  caseworkId: number | null;
  band: PointBand;
  points: number;
  on: string;
  reason: string;
}

const POINT_SELECT = `
  SELECT p.id::int, p.staff_id::int AS "staffId", m.name AS "staffName", m.staff_code AS "staffCode",
         p.casework_id::int AS "caseworkId", p.band, p.points, p.on_date::text AS "on", p.reason
    FROM medstaff_point p JOIN medstaff m ON m.id = p.staff_id`;

export async function insertPoint(
  q: Tx,
  p: {
    staffId: number;
    caseworkId: number | null;
    band: PointBand;
    points: number;
    on: string;
    reason: string;
  },
  by: number,
  at: Date,
): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO medstaff_point (staff_id, casework_id, band, points, on_date, reason, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id::int`,
    [p.staffId, p.caseworkId, p.band, p.points, p.on, p.reason, by, at],
  );
  return rows[0].id;
}

export async function pointsOfStaff(q: Queryable, staffId: number): Promise<PointRow[]> {
  return q.query(`${POINT_SELECT} WHERE p.staff_id = $1 ORDER BY p.on_date, p.id`, [staffId]);
}

export async function pointsOfCase(q: Queryable, caseworkId: number): Promise<PointRow[]> {
  return q.query(`${POINT_SELECT} WHERE p.casework_id = $1 ORDER BY p.id`, [caseworkId]);
}

export async function lockStaff(q: Tx, id: number): Promise<void> {
  await q.query(`SELECT id FROM medstaff WHERE id = $1 FOR UPDATE`, [id]);
}

export async function setQualification(
  q: Tx,
  id: number,
  s: { status: Qualification; suspendedUntil: string | null; barredUntil: string | null },
  at: Date,
) {
  await q.query(
    `UPDATE medstaff SET status = $2, suspended_until = $3, barred_until = $4, updated_at = $5 WHERE id = $1`,
    [id, s.status, s.suspendedUntil, s.barredUntil, at],
  );
}

/**
 * The registered staff of `fixmedinsCode` named on a visit (its attending doctor, the billing doctor of
 * its unsettled live fee lines) whose payment qualification is terminated or suspended on `onDate`;
 * nothing for an emergency visit (急诊 is settled regardless).
 */
export async function barredStaffOfVisit(
  q: Queryable,
  fixmedinsCode: string,
  mdtrtId: string,
  onDate: string,
): Promise<{ staffCode: string; name: string; status: Qualification; suspendedUntil: string | null }[]> {
  return q.query(
    `WITH v AS (
       SELECT mdtrt_id, attending FROM visit
        WHERE mdtrt_id = $2 AND NOT emergency AND med_type <> '13'
     ), codes AS (
       SELECT attending ->> 'doctorNo' AS code FROM v
       UNION SELECT f.detail ->> 'doctorCode' FROM fee_line f JOIN v ON v.mdtrt_id = f.mdtrt_id
        WHERE NOT f.cancelled AND f.setl_id IS NULL
     )
     SELECT m.staff_code AS "staffCode", m.name, m.status, m.suspended_until::text AS "suspendedUntil"
       FROM medstaff m JOIN codes c ON c.code = m.staff_code
      WHERE m.fixmedins_code = $1
        AND (m.status = 'terminated' OR (m.status = 'suspended' AND m.suspended_until >= $3::date))
      ORDER BY m.staff_code`,
    [fixmedinsCode, mdtrtId, onDate],
  );
}

/** A registration of this code (at any institution) barred from re-registration through a day on or after `day`. */
export async function barredRegistration(
  q: Queryable,
  staffCode: string,
  day: string,
): Promise<{ fixmedinsCode: string; barredUntil: string } | null> {
  const rows = await q.query<{ fixmedinsCode: string; barredUntil: string }>(
    `SELECT fixmedins_code AS "fixmedinsCode", barred_until::text AS "barredUntil"
       FROM medstaff WHERE staff_code = $1 AND barred_until >= $2::date
      ORDER BY barred_until DESC LIMIT 1`,
    [staffCode, day],
  );
  return rows[0] ?? null;
}

/** A terminated registration whose bar has ended starts again as normal (重新登记). */
export async function reinstateIfBarEnded(q: Tx, id: number, day: string, at: Date): Promise<boolean> {
  const rows = await q.query(
    `UPDATE medstaff SET status = 'normal', suspended_until = NULL, updated_at = $3
      WHERE id = $1 AND status = 'terminated' AND barred_until < $2::date RETURNING id`,
    [id, day, at],
  );
  return rows.length > 0;
}

/** The points given in [from, to] (days) to each institution's staff. */
export async function pointsByInstitution(
  q: Queryable,
  from: string,
  to: string,
): Promise<{ fixmedinsCode: string; points: number }[]> {
  return q.query(
    `SELECT m.fixmedins_code AS "fixmedinsCode", sum(p.points)::int AS points
       FROM medstaff_point p JOIN medstaff m ON m.id = p.staff_id
      WHERE p.on_date BETWEEN $1 AND $2
      GROUP BY m.fixmedins_code`,
    [from, to],
  );
}

/** More staff than this in one 5102 answer is a question to narrow (by kind, name or code). */
export const STAFF_QUERY_LIMIT = 5000;

/** 5102: an institution's registered staff, of one kind or all, by name (in part) or code. */
export async function staffOfInstitution(
  q: Queryable,
  f: { fixmedinsCode: string; kind: string | null; name: string | null; code: string | null },
): Promise<StaffRecord[]> {
  return q.query<StaffRecord>(
    `SELECT staff_code AS "staffCode", name, kind, status, suspended_until::text AS "suspendedUntil",
            created_at AS "registeredAt", updated_at AS "updatedAt"
       FROM medstaff
      WHERE fixmedins_code = $1 AND ($2::text IS NULL OR kind = $2)
        AND ($3::text IS NULL OR strpos(name, $3) > 0) AND ($4::text IS NULL OR staff_code = $4)
      ORDER BY staff_code
      LIMIT ${STAFF_QUERY_LIMIT}`,
    [f.fixmedinsCode, f.kind, f.name, f.code],
  );
}
