// All SQL of household and household_member (and the person's household and village they move).
import type { Queryable, Tx } from '../../db/types.ts';
import type { HouseholdMemberRow } from './household-view.ts';

export interface Membership {
  id: number;
  householdNo: string;
  relation: string;
  fromDate: string;
  toDate: string | null;
}

/** The person's open membership, locked. */
export async function lockCurrentMembership(tx: Tx, psnNo: string): Promise<Membership | null> {
  const [m] = await tx.query<Membership>(
    `SELECT id, household_no AS "householdNo", relation, from_date::text AS "fromDate", to_date::text AS "toDate"
       FROM household_member WHERE psn_no = $1 AND to_date IS NULL FOR UPDATE`,
    [psnNo],
  );
  return m ?? null;
}

export async function lockHousehold(tx: Tx, householdNo: string): Promise<{ villageCode: string } | null> {
  const [h] = await tx.query<{ villageCode: string }>(
    'SELECT village_code AS "villageCode" FROM household WHERE household_no = $1 FOR UPDATE',
    [householdNo],
  );
  return h ?? null;
}

/** The person's household and village, locked. */
export async function lockPersonPlace(
  tx: Tx,
  psnNo: string,
): Promise<{ householdNo: string | null; villageCode: string | null } | null> {
  const [p] = await tx.query<{ householdNo: string | null; villageCode: string | null }>(
    'SELECT household_no AS "householdNo", village_code AS "villageCode" FROM person WHERE psn_no = $1 FOR UPDATE',
    [psnNo],
  );
  return p ?? null;
}

export async function hasHead(tx: Tx, householdNo: string): Promise<boolean> {
  const [head] = await tx.query(
    `SELECT 1 FROM household_member WHERE household_no = $1 AND to_date IS NULL AND relation = '户主'`,
    [householdNo],
  );
  return head !== undefined;
}

/** Current members of the household other than the person. */
export async function otherMembers(tx: Tx, householdNo: string, psnNo: string): Promise<number> {
  const [others] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM household_member WHERE household_no = $1 AND to_date IS NULL AND psn_no <> $2`,
    [householdNo, psnNo],
  );
  return others.n;
}

export async function closeMembership(tx: Tx, id: number, toDate: string): Promise<void> {
  await tx.query('UPDATE household_member SET to_date = $2 WHERE id = $1', [id, toDate]);
}

export async function insertMembership(
  tx: Tx,
  householdNo: string,
  psnNo: string,
  relation: string,
  fromDate: string,
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO household_member (household_no, psn_no, relation, from_date) VALUES ($1, $2, $3, $4) RETURNING id`,
    [householdNo, psnNo, relation, fromDate],
  );
  return row.id;
}

/** The person follows the household: its number and village. */
export async function placePerson(
  tx: Tx,
  psnNo: string,
  householdNo: string,
  villageCode: string,
): Promise<void> {
  await tx.query(
    'UPDATE person SET household_no = $2, village_code = $3, updated_at = now() WHERE psn_no = $1',
    [psnNo, householdNo, villageCode],
  );
}

export async function householdExists(q: Queryable, householdNo: string): Promise<boolean> {
  const [dup] = await q.query('SELECT 1 FROM household WHERE household_no = $1', [householdNo]);
  return dup !== undefined;
}

/** A new household; without a number it gets <village>-<serial>. Returns its number. */
export async function insertHousehold(
  tx: Tx,
  h: { householdNo: string | null; admdvs: string; villageCode: string; address: string | null },
): Promise<string> {
  const [row] = await tx.query<{ householdNo: string }>(
    `INSERT INTO household (household_no, admdvs, village_code, address)
     VALUES (COALESCE($1, $3::text || '-' || lpad(nextval('household_serial')::text, 6, '0')), $2, $3, $4)
     RETURNING household_no AS "householdNo"`,
    [h.householdNo, h.admdvs, h.villageCode, h.address],
  );
  return row.householdNo;
}

export async function listHouseholds(
  q: Queryable,
  f: { villageCode?: string },
  limit: number,
  offset: number,
) {
  const where = f.villageCode ? 'WHERE h.village_code = $1' : '';
  const params = f.villageCode ? [f.villageCode] : [];
  const [{ total }] = await q.query<{ total: number }>(
    `SELECT count(*)::bigint AS total FROM household h ${where}`,
    params,
  );
  const items = await q.query(
    `SELECT h.household_no AS "householdNo", h.village_code AS "villageCode", v.name AS "villageName", h.address,
            hd.psn_no AS "headPsnNo", hp.name AS "headName",
            (SELECT count(*)::int FROM household_member m WHERE m.household_no = h.household_no AND m.to_date IS NULL)
              AS "memberCount"
       FROM household h JOIN village v ON v.code = h.village_code
       LEFT JOIN household_member hd ON hd.household_no = h.household_no AND hd.to_date IS NULL AND hd.relation = '户主'
       LEFT JOIN person hp ON hp.psn_no = hd.psn_no
      ${where} ORDER BY h.household_no LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return { items, total };
}

/** The household with its village's name (一户一档's head). */
export async function householdRow(q: Queryable, householdNo: string) {
  const [household] = await q.query<{
    householdNo: string;
    villageCode: string;
    villageName: string;
    address: string | null;
  }>(
    `SELECT h.household_no AS "householdNo", h.village_code AS "villageCode", v.name AS "villageName", h.address
       FROM household h JOIN village v ON v.code = h.village_code WHERE h.household_no = $1`,
    [householdNo],
  );
  return household ?? null;
}

/** Every membership of the household (current first, the head first) with the member's coverage:
 * the enrollment covering today, else the latest one, and the schemes of this and next year. */
export function householdMembers(q: Queryable, householdNo: string, today: string) {
  return q.query<HouseholdMemberRow>(
    `SELECT m.id, m.psn_no AS "psnNo", p.name, m.relation, m.from_date::text AS "from", m.to_date::text AS "to", p.certno,
            p.status,
            ARRAY(SELECT DISTINCT e.insutype FROM enrollment e
                   WHERE e.psn_no = m.psn_no AND e.status = 'active'
                     AND e.begin_date <= make_date(extract(year FROM $2::date)::int, 12, 31)
                     AND e.end_date >= make_date(extract(year FROM $2::date)::int, 1, 1)
                   ORDER BY 1) AS "insutypesThisYear",
            ARRAY(SELECT DISTINCT e.insutype FROM enrollment e
                   WHERE e.psn_no = m.psn_no AND e.status = 'active'
                     AND e.begin_date <= make_date(extract(year FROM $2::date)::int + 1, 12, 31)
                     AND e.end_date >= make_date(extract(year FROM $2::date)::int + 1, 1, 1)
                   ORDER BY 1) AS "insutypesNextYear",
            (SELECT json_build_object('insutype', e.insutype, 'year', extract(year FROM e.begin_date)::int, 'status', e.status)
               FROM enrollment e WHERE e.psn_no = m.psn_no
              ORDER BY (e.status = 'active' AND e.begin_date <= $2::date AND e.end_date >= $2::date) DESC,
                       e.begin_date DESC, e.id DESC
              LIMIT 1) AS coverage
       FROM household_member m JOIN person p ON p.psn_no = m.psn_no
      WHERE m.household_no = $1
      ORDER BY m.to_date IS NOT NULL, m.relation <> '户主', m.from_date, m.id`,
    [householdNo, today],
  );
}
