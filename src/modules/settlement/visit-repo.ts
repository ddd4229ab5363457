// Visits (就诊): explicit SQL for the rows the HIS transactions open, change and lock.
import type { Queryable } from '../../db/types.ts';
import type { CareType, Insutype } from '../../domain/settlement/types.ts';

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

const COLUMNS = `mdtrt_id AS "mdtrtId", psn_no AS "psnNo", admdvs, fixmedins_code AS "fixmedinsCode",
  insutype, med_type AS "medType", inpatient, ipt_otp_no AS "hisVisitNo", begin_time AS "beginTime",
  end_time AS "endTime", begin_date::text AS "beginDate", end_date::text AS "endDate", status, diagnoses,
  out_of_area AS "outOfArea", emergency`;

/** Read a visit, locking it for the rest of the transaction when asked. */
export async function findVisit(q: Queryable, mdtrtId: string, lock: boolean): Promise<VisitRow | null> {
  const rows = await q.query<VisitRow>(
    `SELECT ${COLUMNS} FROM visit WHERE mdtrt_id = $1${lock ? ' FOR UPDATE' : ''}`,
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

/** mdtrt_id: 'MD' + the institution's region + a 14-digit serial. */
export async function insertVisit(tx: Queryable, v: NewVisit): Promise<string> {
  const rows = await tx.query<{ mdtrtId: string }>(
    `INSERT INTO visit (mdtrt_id, psn_no, admdvs, fixmedins_code, insutype, med_type, inpatient, ipt_otp_no,
       begin_time, begin_date, status, diagnoses, main_diag_code, out_of_area, emergency, attending, created_at, updated_at)
     VALUES ('MD' || substr($3, 2, 6) || lpad(nextval('visit_serial')::text, 14, '0'), $1, $2, $3, $4, $5, $6, $7,
       $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)
     ON CONFLICT DO NOTHING
     RETURNING mdtrt_id AS "mdtrtId"`,
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

export async function updateVisit(tx: Queryable, mdtrtId: string, change: VisitChange, now: string): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [mdtrtId, now];
  for (const [key, value] of Object.entries(change) as [keyof VisitChange, unknown][]) {
    if (value === undefined) continue;
    params.push(key === 'diagnoses' ? JSON.stringify(value) : value);
    sets.push(`${CHANGE_COLUMNS[key]} = $${params.length}`);
  }
  await tx.query(`UPDATE visit SET ${sets.join(', ')}, updated_at = $2 WHERE mdtrt_id = $1`, params);
}

/** Live fee lines not yet settled: a visit with any cannot be cancelled. */
export async function countOpenLines(q: Queryable, mdtrtId: string): Promise<number> {
  const rows = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM fee_line WHERE mdtrt_id = $1 AND NOT cancelled AND setl_id IS NULL',
    [mdtrtId],
  );
  return rows[0].n;
}
