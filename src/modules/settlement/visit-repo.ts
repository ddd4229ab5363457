// Visits (就诊): explicit SQL for the rows the HIS transactions open, change and lock.
import type { Queryable, Tx } from '../../db/types.ts';
import type { CareType, Insutype } from '../../domain/settlement/types.ts';
import type { Actor } from '../audit/index.ts';
import { auditParams, auditPart } from '../audit/index.ts';
import type { StaySoFar } from '../../domain/settlement/types.ts';
import { policyInForceJson } from '../policy/index.ts';
import type { PolicyInForce } from './engine-input.ts';
import { type OpenLine, openLinesJson } from './context-repo.ts';
import { stayJson } from './settlement-repo.ts';

export type VisitStatus = 'registered' | 'admitted' | 'discharged' | 'settled' | 'cancelled';

export interface VisitRow {
  mdtrtId: string;
  psnNo: string;
  admdvs: string;
  fixmedinsCode: string;
  insutype: Insutype;
  medType: CareType;
  inpatient: boolean;
  hisVisitNo: string;
  beginTime: string;
  endTime: string | null;
  beginDate: string;
  endDate: string | null;
  status: VisitStatus;
  diagnoses: { code: string; name: string | null }[];
  outOfArea: boolean;
  emergency: boolean;
}

const columns = (t: string) => `${t}.mdtrt_id AS "mdtrtId", ${t}.psn_no AS "psnNo", ${t}.admdvs,
  ${t}.fixmedins_code AS "fixmedinsCode", ${t}.insutype, ${t}.med_type AS "medType", ${t}.inpatient,
  ${t}.ipt_otp_no AS "hisVisitNo", ${t}.begin_time AS "beginTime", ${t}.end_time AS "endTime",
  ${t}.begin_date::text AS "beginDate", ${t}.end_date::text AS "endDate", ${t}.status, ${t}.diagnoses,
  ${t}.out_of_area AS "outOfArea", ${t}.emergency`;

export interface VisitWithPerson extends VisitRow {
  person: { name: string; gender: '1' | '2'; birthDate: string; deathDate: string | null };
  /** the amount bounds with the visit's live total as it stands (his_limits; null: no row) */
  limits: { lineMaxFen: string; visitMaxFen: string } | null;
  visitTotal: string;
  /** the policy in force in the visit's pooling region on its first day */
  policy: PolicyInForce | null;
}

/**
 * The visit, locked, with what an upload checks and classifies its lines against — the person's
 * facts, the amount bounds with the visit's live total, the policy — in one round trip.
 */
export async function lockVisitWithPerson(q: Tx, mdtrtId: string): Promise<VisitWithPerson | null> {
  const rows = await q.query<VisitWithPerson>(
    `SELECT ${columns('v')},
            json_build_object('name', p.name, 'gender', p.gender, 'birthDate', p.birth_date, 'deathDate', p.death_date) AS person,
            (SELECT json_build_object('lineMaxFen', l.line_max_fen::text, 'visitMaxFen', l.visit_max_fen::text) FROM his_limits l) AS limits,
            (SELECT coalesce(sum(det_item_fee_sumamt), 0)::text FROM fee_line f WHERE f.mdtrt_id = v.mdtrt_id AND NOT f.cancelled) AS "visitTotal",
            (${policyInForceJson('v.admdvs', 'v.insutype', 'v.begin_date')}) AS policy
       FROM visit v JOIN person p ON p.psn_no = v.psn_no WHERE v.mdtrt_id = $1 FOR UPDATE OF v`,
    [mdtrtId],
  );
  return rows[0] ?? null;
}

/**
 * A settlement's first statement: lock the visit, read its open lines (of the batch, when not
 * null), and make sure the person's accumulator row of the visit's benefit year (the year of its
 * end date) exists, so the next statement can lock it.
 */
export async function lockVisitForSettlement(
  q: Tx,
  mdtrtId: string,
  fixmedinsCode: string,
  batchNo: string | null,
): Promise<(VisitRow & { lines: OpenLine[]; stay: StaySoFar | null }) | null> {
  const rows = await q.query<VisitRow & { lines: OpenLine[]; stay: StaySoFar | null }>(
    `WITH v AS (SELECT * FROM visit WHERE mdtrt_id = $1 FOR UPDATE),
          a AS (INSERT INTO accumulator (psn_no, insutype, year)
                SELECT psn_no, insutype, extract(year FROM coalesce(end_date, begin_date))::int FROM v
                 WHERE fixmedins_code = $2
                ON CONFLICT DO NOTHING)
     SELECT ${columns('v')}, (${openLinesJson('$1', '$3')}) AS lines,
            CASE WHEN v.inpatient THEN (${stayJson('$1')}) END AS stay FROM v`,
    [mdtrtId, fixmedinsCode, batchNo],
  );
  return rows[0] ?? null;
}

/** Read a visit, locking it for the rest of the transaction when asked. */
export function findVisit(q: Queryable, mdtrtId: string, lock?: false): Promise<VisitRow | null>;
export function findVisit(q: Tx, mdtrtId: string, lock: boolean): Promise<VisitRow | null>;
export async function findVisit(q: Queryable, mdtrtId: string, lock = false): Promise<VisitRow | null> {
  const rows = await q.query<VisitRow>(
    `SELECT ${columns('visit')} FROM visit WHERE mdtrt_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [mdtrtId],
  );
  return rows[0] ?? null;
}

export interface NewVisit {
  psnNo: string;
  admdvs: string;
  fixmedinsCode: string;
  insutype: Insutype;
  medType: CareType;
  inpatient: boolean;
  hisVisitNo: string;
  beginTime: string;
  beginDate: string;
  diagnoses: unknown[];
  mainDiagnosis: string | null;
  outOfArea: boolean;
  emergency: boolean;
  attending: unknown;
  now: string;
}

/**
 * mdtrt_id: 'MD' + the institution's region + a 14-digit serial. The audit entry is written in
 * the same statement. Returns '' when the HIS's visit number is already live (nothing written).
 */
export async function insertVisit(
  tx: Tx,
  v: NewVisit,
  actor: Actor,
  action: string,
  after: object,
): Promise<string> {
  const rows = await tx.query<{ mdtrtId: string }>(
    `WITH v AS (
       INSERT INTO visit (mdtrt_id, psn_no, admdvs, fixmedins_code, insutype, med_type, inpatient, ipt_otp_no,
         begin_time, begin_date, status, diagnoses, main_diag_code, out_of_area, emergency, attending, created_at, updated_at)
       VALUES ('MD' || substr($3, 2, 6) || lpad(nextval('visit_serial')::text, 14, '0'), $1, $2, $3, $4, $5, $6, $7,
         $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)
       ON CONFLICT DO NOTHING
       RETURNING mdtrt_id),
     a AS (${auditPart(17, 'v.mdtrt_id', 'v')})
     SELECT mdtrt_id AS "mdtrtId" FROM v`,
    [
      v.psnNo,
      v.admdvs,
      v.fixmedinsCode,
      v.insutype,
      v.medType,
      v.inpatient,
      v.hisVisitNo,
      v.beginTime,
      v.beginDate,
      v.inpatient ? 'admitted' : 'registered',
      JSON.stringify(v.diagnoses),
      v.mainDiagnosis,
      v.outOfArea,
      v.emergency,
      JSON.stringify(v.attending),
      v.now,
      ...auditParams(actor, action, 'visit', after, v.now),
    ],
  );
  return rows[0]?.mdtrtId ?? '';
}

export interface VisitChange {
  status?: VisitStatus;
  medType?: CareType;
  endTime?: string | null;
  endDate?: string | null;
  diagnoses?: unknown[];
  mainDiagnosis?: string | null;
  emergency?: boolean;
  dischargeWay?: string | null;
  deathDate?: string | null;
}

const CHANGE_COLUMNS: Record<keyof VisitChange, string> = {
  status: 'status',
  medType: 'med_type',
  endTime: 'end_time',
  endDate: 'end_date',
  diagnoses: 'diagnoses',
  mainDiagnosis: 'main_diag_code',
  emergency: 'emergency',
  dischargeWay: 'dscg_way',
  deathDate: 'die_date',
};

export async function updateVisit(tx: Tx, mdtrtId: string, change: VisitChange, now: string): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [mdtrtId, now];
  for (const [key, value] of Object.entries(change) as [keyof VisitChange, unknown][]) {
    if (value === undefined) continue;
    params.push(key === 'diagnoses' ? JSON.stringify(value) : value);
    sets.push(`${CHANGE_COLUMNS[key]} = $${params.length}`);
  }
  await tx.query(`UPDATE visit SET ${sets.join(', ')}, updated_at = $2 WHERE mdtrt_id = $1`, params);
}

/** 2403: the doctor, department and bed fields sent replace theirs; the others stay. */
export async function mergeAttending(
  tx: Tx,
  mdtrtId: string,
  attending: Record<string, string | null>,
  now: string,
): Promise<void> {
  await tx.query(
    `UPDATE visit SET attending = coalesce(attending, '{}'::jsonb) || jsonb_strip_nulls($2::jsonb), updated_at = $3
      WHERE mdtrt_id = $1`,
    [mdtrtId, JSON.stringify(attending), now],
  );
}

/** Live fee lines not yet settled: a visit with any cannot be cancelled. */
export async function countOpenLines(q: Queryable, mdtrtId: string): Promise<number> {
  const rows = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM fee_line WHERE mdtrt_id = $1 AND NOT cancelled AND setl_id IS NULL',
    [mdtrtId],
  );
  return rows[0].n;
}

/** The institution a visit was opened at, as the engine needs it (manual and cross-region channels). */
export async function institutionOfVisit(
  q: Queryable,
  mdtrtId: string,
): Promise<{
  code: string;
  name: string;
  admdvs: string;
  level: number | null;
  kind: string;
  inpatient: boolean;
} | null> {
  const rows = await q.query<{
    code: string;
    name: string;
    admdvs: string;
    level: number | null;
    kind: string;
    inpatient: boolean;
  }>(
    `SELECT i.code, i.name, i.admdvs, i.level, i.kind, v.inpatient
       FROM visit v JOIN institution i ON i.code = v.fixmedins_code WHERE v.mdtrt_id = $1`,
    [mdtrtId],
  );
  return rows[0] ?? null;
}
