// Reads the registry facts validation needs (one query per table, for all rows of a file at once)
// and keeps import jobs and their error reports.
import type { Db, Queryable, Tx } from '../../db/types.ts';
import type { EnrollmentRef } from '../../domain/import/enrollments.ts';
import type { SpellRef } from '../../domain/import/identities.ts';
import type { ImportKind, ImportMode } from '../../domain/import/kinds.ts';
import type { PersonRef, RowError } from '../../domain/import/rows.ts';
import { statusKey } from '../../domain/import/status.ts';
import type { IdentityTypeRef } from '../../domain/import/vocab.ts';
import type { Actor } from '../audit/index.ts';
import type { JobRow, JobStatus } from './contract.ts';

export async function personsByCertno(db: Queryable, certnos: string[]): Promise<Map<string, PersonRef>> {
  const rows = await db.query<PersonRef>(
    `SELECT psn_no AS "psnNo", certno, name, admdvs, birth_date::text AS "birthDate", status,
            status_date::text AS "statusDate", death_date::text AS "deathDate", village_code AS "villageCode",
            household_no AS "householdNo", phone
       FROM person WHERE certno = ANY ($1::text[])`,
    [certnos],
  );
  return new Map(rows.map((r) => [r.certno, r]));
}

export async function villages(db: Queryable): Promise<Map<string, { admdvs: string }>> {
  const rows = await db.query<{ code: string; admdvs: string }>('SELECT code, admdvs FROM village');
  return new Map(rows.map((r) => [r.code, { admdvs: r.admdvs }]));
}

export async function households(
  db: Queryable,
  nos: string[],
): Promise<Map<string, { villageCode: string; admdvs: string; hasHead: boolean }>> {
  const rows = await db.query<{ no: string; villageCode: string; admdvs: string; hasHead: boolean }>(
    `SELECT h.household_no AS no, h.village_code AS "villageCode", h.admdvs,
            EXISTS (SELECT 1 FROM household_member m
                     WHERE m.household_no = h.household_no AND m.to_date IS NULL AND m.relation = '户主') AS "hasHead"
       FROM household h WHERE h.household_no = ANY ($1::text[])`,
    [nos],
  );
  return new Map(rows.map(({ no, ...h }) => [no, h]));
}

/**
 * The deployment's region for persons without a village: the staff's own, or the only one with places
 * (townships) — the province's other regions are reference data.
 */
export async function defaultAdmdvs(db: Queryable, staffAdmdvs: string | null): Promise<string | null> {
  if (staffAdmdvs) return staffAdmdvs;
  const rows = await db.query<{ admdvs: string }>('SELECT DISTINCT admdvs FROM township LIMIT 2');
  return rows.length === 1 ? rows[0].admdvs : null;
}

export async function identityTypes(db: Queryable): Promise<Map<string, IdentityTypeRef>> {
  const rows = await db.query<IdentityTypeRef>(
    `SELECT code, name, department, subsidises_enrollment AS "subsidisesEnrollment" FROM identity_type`,
  );
  return new Map(rows.map((r) => [r.code, r]));
}

function groupBy<T extends { psnNo: string }>(rows: T[]): Map<string, Omit<T, 'psnNo'>[]> {
  const m = new Map<string, Omit<T, 'psnNo'>[]>();
  for (const { psnNo, ...r } of rows) {
    const list = m.get(psnNo);
    if (list) list.push(r);
    else m.set(psnNo, [r]);
  }
  return m;
}

export async function spellsOf(db: Queryable, psnNos: string[]): Promise<Map<string, SpellRef[]>> {
  const rows = await db.query<SpellRef & { psnNo: string }>(
    `SELECT psn_no AS "psnNo", id, identity_code AS "identityCode", source_dept AS "sourceDept",
            valid_from::text AS "validFrom", valid_to::text AS "validTo"
       FROM person_identity WHERE psn_no = ANY ($1::text[])`,
    [psnNos],
  );
  return groupBy(rows) as Map<string, SpellRef[]>;
}

export async function enrollmentsOf(db: Queryable, psnNos: string[]): Promise<Map<string, EnrollmentRef[]>> {
  const rows = await db.query<EnrollmentRef & { psnNo: string }>(
    `SELECT psn_no AS "psnNo", id, insutype, begin_date::text AS "beginDate", end_date::text AS "endDate", status,
            personal_fen AS "personalFen", fiscal_fen AS "fiscalFen", assisted_fen AS "assistedFen",
            assisted_identity AS "assistedIdentity", employer_name AS "employerName"
       FROM enrollment WHERE psn_no = ANY ($1::text[])`,
    [psnNos],
  );
  return groupBy(rows) as Map<string, EnrollmentRef[]>;
}

export async function statusChangesOf(db: Queryable, psnNos: string[]): Promise<Set<string>> {
  const rows = await db.query<{ psnNo: string; status: string; date: string }>(
    `SELECT psn_no AS "psnNo", status, effective_date::text AS date
       FROM person_status_change WHERE psn_no = ANY ($1::text[])`,
    [psnNos],
  );
  return new Set(rows.map((r) => statusKey(r.psnNo, r.status, r.date)));
}

// ---- jobs ----

export type { JobRow, JobStatus };

const JOB_COLUMNS = `id, kind, mode, file_name AS "fileName", file_sha256 AS "fileSha256", file_bytes AS "fileBytes",
  status, total, processed, inserted, updated, unchanged, rejected, written, error_code AS "errorCode", message,
  details, actor_name AS "actorName",
  COALESCE((SELECT a.display_name FROM staff_account a WHERE a.id = import_job.actor_id), actor_name) AS "actorDisplayName",
  created_at AS "createdAt", finished_at AS "finishedAt"`;

export async function insertJob(
  db: Db,
  actor: Actor,
  job: { kind: ImportKind; mode: ImportMode; fileName: string; sha256: string; bytes: number },
): Promise<number> {
  const [r] = await db.query<{ id: number }>(
    `INSERT INTO import_job (kind, mode, file_name, file_sha256, file_bytes, actor_id, actor_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [job.kind, job.mode, job.fileName, job.sha256, job.bytes, actor.id, actor.name],
  );
  return r.id;
}

export async function getJob(db: Queryable, id: number): Promise<JobRow | null> {
  const rows = await db.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM import_job WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function listJobs(db: Queryable, limit: number, offset: number) {
  const [{ total }] = await db.query<{ total: number }>('SELECT count(*)::int AS total FROM import_job');
  const items = await db.query<JobRow>(
    `SELECT ${JOB_COLUMNS} FROM import_job ORDER BY id DESC LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
  return { total, items };
}

/** Earlier finished jobs of the same file (the fingerprint), newest first. */
export async function earlierImports(db: Queryable, sha256: string, beforeId: number) {
  return db.query<{ id: number; createdAt: string }>(
    `SELECT id, created_at AS "createdAt" FROM import_job
      WHERE file_sha256 = $1 AND id < $2 AND status = 'done' AND written ORDER BY id DESC LIMIT 1`,
    [sha256, beforeId],
  );
}

export async function markRunning(db: Db, id: number): Promise<void> {
  await db.query(`UPDATE import_job SET status = 'running' WHERE id = $1`, [id]);
}

export interface JobOutcome {
  status: 'done' | 'failed';
  total: number;
  processed: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  written: boolean;
  errorCode: string | null;
  message: string;
  details: unknown;
}

export async function finishJob(db: Tx, id: number, o: JobOutcome): Promise<void> {
  await db.query(
    `UPDATE import_job SET status = $2, total = $3, processed = $4, inserted = $5, updated = $6,
            unchanged = $7, rejected = $8, written = $9, error_code = $10, message = $11, details = $12,
            finished_at = now()
      WHERE id = $1`,
    [
      id,
      o.status,
      o.total,
      o.processed,
      o.inserted,
      o.updated,
      o.unchanged,
      o.rejected,
      o.written,
      o.errorCode,
      o.message,
      o.details === undefined || o.details === null ? null : JSON.stringify(o.details),
    ],
  );
}

/**
 * Jobs still queued or running in the table have no process working on them (the queue lives in
 * the server's memory): mark them failed. Their rows were never written — the write, the job's
 * 'done' and its audit entry commit in one transaction — so the file can simply be imported again.
 */
export async function failInterruptedJobs(
  db: Tx,
  finishedAt: Date,
): Promise<{ id: number; fileName: string; status: JobStatus }[]> {
  return db.query(
    `UPDATE import_job j
        SET status = 'failed', written = false, inserted = 0, updated = 0, unchanged = 0,
            error_code = 'IMPORT_INTERRUPTED',
            message = '导入因服务停止或重启而中断，请重新导入该文件（已写入的行再次导入时计为未变化）',
            finished_at = $1
       FROM (SELECT id, status FROM import_job WHERE status IN ('queued', 'running') FOR UPDATE) old
      WHERE j.id = old.id
      RETURNING j.id, j.file_name AS "fileName", old.status`,
    [finishedAt.toISOString()],
  );
}

/** Appends to a job's error report; `firstSeq` numbers the first of these errors. */
export async function insertErrors(
  db: Db,
  jobId: number,
  errors: readonly RowError[],
  firstSeq = 1,
): Promise<void> {
  if (errors.length === 0) return;
  await db.query(
    `INSERT INTO import_row_error (job_id, seq, row_no, column_name, value, reason, certno, name)
     SELECT $1, e.seq, e.row_no, e.col, e.val, e.reason, e.certno, e.name
       FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
            AS e(seq, row_no, col, val, reason, certno, name)`,
    [
      jobId,
      errors.map((_, i) => firstSeq + i),
      errors.map((e) => e.rowNo),
      errors.map((e) => e.column),
      errors.map((e) => e.value),
      errors.map((e) => e.reason),
      errors.map((e) => e.certno),
      errors.map((e) => e.name),
    ],
  );
}

/** A refused file has no error report (the rows checked before the refusal are dropped). */
export async function deleteErrors(db: Tx, jobId: number): Promise<void> {
  await db.query('DELETE FROM import_row_error WHERE job_id = $1', [jobId]);
}

export async function jobErrors(db: Queryable, jobId: number): Promise<RowError[]> {
  return db.query<RowError>(
    `SELECT row_no AS "rowNo", column_name AS column, value, reason, certno, name
       FROM import_row_error WHERE job_id = $1 ORDER BY seq`,
    [jobId],
  );
}

/** One page of a job's error report for the screen (the download has them all). */
export async function jobErrorPage(db: Queryable, jobId: number, limit: number, offset: number) {
  const [{ total }] = await db.query<{ total: number }>(
    'SELECT count(*)::int AS total FROM import_row_error WHERE job_id = $1',
    [jobId],
  );
  const items = await db.query<RowError & { seq: number }>(
    `SELECT seq, row_no AS "rowNo", column_name AS column, value, reason, certno, name
       FROM import_row_error WHERE job_id = $1 ORDER BY seq LIMIT $2 OFFSET $3`,
    [jobId, limit, offset],
  );
  return { total, items };
}
