// Persons: explicit SQL for the registry's person rows, their list search and their histories.
// Dates are selected as ::text so they are 'YYYY-MM-DD' strings whatever type parsers the connection has.
import type { Queryable, Tx } from '../../db/types.ts';

export interface PersonRow {
  psnNo: string;
  admdvs: string;
  certno: string;
  name: string;
  gender: '1' | '2';
  birthDate: string;
  phone: string | null;
  villageCode: string | null;
  villageName: string | null;
  townshipCode: string | null;
  townshipName: string | null;
  householdNo: string | null;
  status: string;
  statusDate: string | null;
  deathDate: string | null;
}

const PERSON_COLUMNS = `p.psn_no AS "psnNo", p.admdvs, p.certno, p.name, p.gender, p.birth_date::text AS "birthDate",
  p.phone, p.village_code AS "villageCode", v.name AS "villageName", v.township_code AS "townshipCode",
  t.name AS "townshipName", p.household_no AS "householdNo", p.status, p.status_date::text AS "statusDate",
  p.death_date::text AS "deathDate"`;
const PERSON_FROM = `person p LEFT JOIN village v ON v.code = p.village_code LEFT JOIN township t ON t.code = v.township_code`;

export function findPerson(q: Queryable, psnNo: string, forUpdate?: false): Promise<PersonRow | null>;
export function findPerson(q: Tx, psnNo: string, forUpdate: boolean): Promise<PersonRow | null>;
export async function findPerson(q: Queryable, psnNo: string, forUpdate = false): Promise<PersonRow | null> {
  if (forUpdate) await q.query('SELECT 1 FROM person WHERE psn_no = $1 FOR UPDATE', [psnNo]);
  const [row] = await q.query<PersonRow>(`SELECT ${PERSON_COLUMNS} FROM ${PERSON_FROM} WHERE p.psn_no = $1`, [
    psnNo,
  ]);
  return row ?? null;
}

export async function findPersonByCertno(q: Queryable, certno: string): Promise<{ psnNo: string } | null> {
  const [row] = await q.query<{ psnNo: string }>('SELECT psn_no AS "psnNo" FROM person WHERE certno = $1', [
    certno,
  ]);
  return row ?? null;
}

export interface PersonFilter {
  psnNo?: string;
  certno?: string;
  name?: string;
  villageCode?: string;
  townshipCode?: string;
  identity?: string;
  status?: string;
  /** 未参保: only persons with no resident or employee coverage in this year */
  uncoveredYear?: number;
}

export interface PersonListRow extends PersonRow {
  identities: string[];
  enrolled390: boolean;
  /** covered (an active 390 or 310 period overlapping the year) in the year of today, and in the next */
  coveredThisYear: boolean;
  coveredNextYear: boolean;
}

/**
 * Covered in a year: an active resident (390) or employee (310) period overlapping any day of it —
 * the rule of 参保进度, the collection snapshots and the unpaid list. `year` is an SQL int expression.
 */
export const coveredInYear = (psnNo: string, year: string) =>
  `EXISTS (SELECT 1 FROM enrollment ce WHERE ce.psn_no = ${psnNo} AND ce.status = 'active'
      AND ce.insutype IN ('390', '310')
      AND ce.begin_date <= make_date(${year}, 12, 31) AND ce.end_date >= make_date(${year}, 1, 1))`;

export async function listPersons(
  q: Queryable,
  f: PersonFilter,
  today: string,
  limit: number,
  offset: number,
): Promise<{ items: PersonListRow[]; total: number }> {
  const params: unknown[] = [today];
  // $1 (today) is referenced in every query so both engines can type it
  const where: string[] = ['$1::date IS NOT NULL'];
  const add = (cond: (n: string) => string, v: unknown) => {
    params.push(v);
    where.push(cond(`$${params.length}`));
  };
  if (f.psnNo) add((n) => `p.psn_no = ${n}`, f.psnNo);
  if (f.certno) add((n) => `p.certno = ${n}`, f.certno.trim().toUpperCase());
  if (f.name) add((n) => `p.name LIKE ${n}`, `%${f.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (f.villageCode) add((n) => `p.village_code = ${n}`, f.villageCode);
  if (f.townshipCode) add((n) => `v.township_code = ${n}`, f.townshipCode);
  if (f.status) add((n) => `p.status = ${n}`, f.status);
  if (f.uncoveredYear) add((n) => `NOT ${coveredInYear('p.psn_no', `${n}::int`)}`, f.uncoveredYear);
  if (f.identity) {
    add(
      (n) => `EXISTS (SELECT 1 FROM person_identity i WHERE i.psn_no = p.psn_no AND i.identity_code = ${n}
                 AND i.valid_from <= $1::date AND (i.valid_to IS NULL OR i.valid_to >= $1::date))`,
      f.identity,
    );
  }
  const whereSql = `WHERE ${where.join(' AND ')}`;
  const [{ total }] = await q.query<{ total: number }>(
    `SELECT count(*)::bigint AS total FROM ${PERSON_FROM} ${whereSql}`,
    params,
  );
  const items = await q.query<PersonListRow>(
    `SELECT ${PERSON_COLUMNS},
       ARRAY(SELECT DISTINCT i.identity_code FROM person_identity i
              WHERE i.psn_no = p.psn_no AND i.valid_from <= $1::date AND (i.valid_to IS NULL OR i.valid_to >= $1::date)
              ORDER BY 1) AS identities,
       EXISTS (SELECT 1 FROM enrollment e WHERE e.psn_no = p.psn_no AND e.insutype = '390' AND e.status = 'active'
                  AND e.begin_date <= $1::date AND e.end_date >= $1::date) AS "enrolled390",
       ${coveredInYear('p.psn_no', 'extract(year FROM $1::date)::int')} AS "coveredThisYear",
       ${coveredInYear('p.psn_no', 'extract(year FROM $1::date)::int + 1')} AS "coveredNextYear"
     FROM ${PERSON_FROM} ${whereSql}
     ORDER BY p.psn_no LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return { items, total };
}

export interface NewPerson {
  admdvs: string;
  certno: string;
  name: string;
  gender: string;
  birthDate: string;
  phone: string | null;
  villageCode: string;
  householdNo: string | null;
}

/** psn_no = admdvs + the 10-digit zero-padded next value of person_serial. */
export async function insertPerson(q: Tx, p: NewPerson): Promise<string> {
  const [row] = await q.query<{ psn_no: string }>(
    `INSERT INTO person (psn_no, admdvs, certno, name, gender, birth_date, phone, village_code, household_no)
     VALUES ($1::text || lpad(nextval('person_serial')::text, 10, '0'), $1, $2, $3, $4, $5, $6, $7, $8)
     RETURNING psn_no`,
    [p.admdvs, p.certno, p.name, p.gender, p.birthDate, p.phone, p.villageCode, p.householdNo],
  );
  return row.psn_no;
}

export async function updatePersonFields(
  q: Tx,
  psnNo: string,
  f: { phone?: string | null; villageCode?: string; name?: string; householdNo?: string | null },
): Promise<void> {
  await q.query(
    `UPDATE person SET
       phone = CASE WHEN $2 THEN $3 ELSE phone END,
       village_code = COALESCE($4, village_code),
       name = COALESCE($5, name),
       household_no = CASE WHEN $6 THEN $7 ELSE household_no END,
       updated_at = now()
     WHERE psn_no = $1`,
    [
      psnNo,
      f.phone !== undefined,
      f.phone ?? null,
      f.villageCode ?? null,
      f.name ?? null,
      f.householdNo !== undefined,
      f.householdNo ?? null,
    ],
  );
}

export interface StatusChangeRow {
  id: number;
  status: string;
  effectiveDate: string;
  source: string;
  note: string | null;
  recordedAt: string;
}

export function statusHistory(q: Queryable, psnNo: string): Promise<StatusChangeRow[]> {
  return q.query<StatusChangeRow>(
    `SELECT id, status, effective_date::text AS "effectiveDate", source, note, to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "recordedAt"
       FROM person_status_change WHERE psn_no = $1 ORDER BY effective_date, id`,
    [psnNo],
  );
}
