// Enrollments (参保登记): explicit SQL for one person's periods, the list search and writes.
import type { Queryable, Tx } from '../../db/types.ts';
import type { ContributionStandard } from '../../domain/settlement/policy.ts';

export interface EnrollmentRow {
  id: number;
  psnNo: string;
  admdvs: string;
  insutype: string;
  beginDate: string;
  endDate: string;
  status: 'active' | 'stopped';
  personalFen: number;
  fiscalFen: number;
  assistedFen: number;
  assistedPayer: string | null;
  assistedIdentity: string | null;
  employerCode: string | null;
  employerName: string | null;
  stoppedOn: string | null;
  stopReason: string | null;
  /** why the amounts are off the contribution standard (or zero), when the clerk said so */
  contributionReason: string | null;
}

const COLUMNS = `e.id, e.psn_no AS "psnNo", e.admdvs, e.insutype, e.begin_date::text AS "beginDate", e.end_date::text AS "endDate",
  e.status, e.personal_fen AS "personalFen", e.fiscal_fen AS "fiscalFen", e.assisted_fen AS "assistedFen",
  e.assisted_payer AS "assistedPayer", e.assisted_identity AS "assistedIdentity", e.employer_code AS "employerCode",
  e.employer_name AS "employerName", e.stopped_on::text AS "stoppedOn", e.stop_reason AS "stopReason",
  e.contribution_reason AS "contributionReason"`;

export function findEnrollment(q: Queryable, id: number, forUpdate?: false): Promise<EnrollmentRow | null>;
export function findEnrollment(q: Tx, id: number, forUpdate: boolean): Promise<EnrollmentRow | null>;
export async function findEnrollment(
  q: Queryable,
  id: number,
  forUpdate = false,
): Promise<EnrollmentRow | null> {
  const [row] = await q.query<EnrollmentRow>(
    `SELECT ${COLUMNS} FROM enrollment e WHERE e.id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row ?? null;
}

export function personEnrollments(q: Queryable, psnNo: string): Promise<EnrollmentRow[]> {
  return q.query<EnrollmentRow>(
    `SELECT ${COLUMNS} FROM enrollment e WHERE e.psn_no = $1 ORDER BY e.begin_date DESC, e.insutype, e.id`,
    [psnNo],
  );
}

/** What checkEnrollment needs about the person besides the person row. */
export async function enrollmentContextOf(q: Queryable, psnNo: string) {
  const existing = await personEnrollments(q, psnNo);
  const identities = await q.query<{ code: string; validFrom: string; validTo: string | null }>(
    `SELECT identity_code AS code, valid_from::text AS "validFrom", valid_to::text AS "validTo"
       FROM person_identity WHERE psn_no = $1`,
    [psnNo],
  );
  const subsidising = await q.query<{ code: string }>(
    'SELECT code FROM identity_type WHERE subsidises_enrollment ORDER BY code',
  );
  return { existing, identities, subsidisingIdentityCodes: subsidising.map((s) => s.code) };
}

export interface EnrollmentFilter {
  psnNo?: string;
  insutype?: string;
  year?: number;
  /** agents: only persons of this village */
  villageCode?: string;
}

export async function listEnrollments(
  q: Queryable,
  f: EnrollmentFilter,
  limit: number,
  offset: number,
): Promise<{ items: (EnrollmentRow & { psnName: string })[]; total: number }> {
  const params: unknown[] = [];
  const where: string[] = ['true'];
  const add = (cond: (n: string) => string, v: unknown) => {
    params.push(v);
    where.push(cond(`$${params.length}`));
  };
  if (f.psnNo) add((n) => `e.psn_no = ${n}`, f.psnNo);
  if (f.insutype) add((n) => `e.insutype = ${n}`, f.insutype);
  if (f.year) {
    add(
      (n) => `e.begin_date <= make_date(${n}::int, 12, 31) AND e.end_date >= make_date(${n}::int, 1, 1)`,
      f.year,
    );
  }
  if (f.villageCode) add((n) => `p.village_code = ${n}`, f.villageCode);
  const from = `enrollment e JOIN person p ON p.psn_no = e.psn_no WHERE ${where.join(' AND ')}`;
  const [{ total }] = await q.query<{ total: number }>(
    `SELECT count(*)::bigint AS total FROM ${from}`,
    params,
  );
  const items = await q.query<EnrollmentRow & { psnName: string }>(
    `SELECT ${COLUMNS}, p.name AS "psnName" FROM ${from}
     ORDER BY e.begin_date DESC, e.psn_no, e.id LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return { items, total };
}

export interface EnrollmentValues {
  insutype: string;
  beginDate: string;
  endDate: string;
  personalFen: number;
  fiscalFen: number;
  assistedFen: number;
  assistedPayer: string | null;
  assistedIdentity: string | null;
  employerCode: string | null;
  employerName: string | null;
  contributionReason: string | null;
}

export async function insertEnrollment(
  q: Tx,
  psnNo: string,
  admdvs: string,
  v: EnrollmentValues,
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO enrollment (psn_no, admdvs, insutype, begin_date, end_date, personal_fen, fiscal_fen, assisted_fen,
                             assisted_payer, assisted_identity, employer_code, employer_name, contribution_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [psnNo, admdvs, ...periodValues(v)],
  );
  return row.id;
}

/** the period and contribution columns, in the order both statements list them */
const periodValues = (v: EnrollmentValues) => [
  v.insutype,
  v.beginDate,
  v.endDate,
  v.personalFen,
  v.fiscalFen,
  v.assistedFen,
  v.assistedPayer,
  v.assistedIdentity,
  v.employerCode,
  v.employerName,
  v.contributionReason,
];

export async function updateEnrollment(q: Tx, id: number, v: EnrollmentValues): Promise<void> {
  await q.query(
    `UPDATE enrollment SET insutype = $2, begin_date = $3, end_date = $4, personal_fen = $5, fiscal_fen = $6,
            assisted_fen = $7, assisted_payer = $8, assisted_identity = $9, employer_code = $10, employer_name = $11,
            contribution_reason = $12
      WHERE id = $1`,
    [id, ...periodValues(v)],
  );
}

export async function stopEnrollment(q: Tx, id: number, stoppedOn: string, reason: string): Promise<void> {
  await q.query(`UPDATE enrollment SET status = 'stopped', stopped_on = $2, stop_reason = $3 WHERE id = $1`, [
    id,
    stoppedOn,
    reason,
  ]);
}

/** The contribution standard (the `contribution` section) of the newest 390 policy in force on a day. */
export async function contributionStandardOn(
  q: Queryable,
  admdvs: string,
  onDate: string,
): Promise<ContributionStandard | null> {
  const [row] = await q.query<{ c: ContributionStandard | null }>(
    `SELECT document -> 'contribution' AS c FROM policy_version
      WHERE admdvs = $1 AND insutype = '390' AND effective_from <= $2::date
        AND (effective_to IS NULL OR effective_to >= $2::date)
      ORDER BY id DESC LIMIT 1`,
    [admdvs, onDate],
  );
  return row?.c ?? null;
}
