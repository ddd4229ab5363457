// The import of one ledger file: parse → validate every row in memory → write the accepted rows in
// ONE transaction (or nothing at all), then record the job's outcome, its error report and a
// batch audit entry in that same transaction. Validation reads the registry before the write
// transaction opens, so on the embedded engine other requests (the progress bar) are served while
// a large file is checked; the writes re-check the natural keys, and imports take one advisory
// lock so two imports never interleave their writes.
import { createHash } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Db } from '../../db/types.ts';
import { HEADER_SCAN_ROWS, locateHeaders } from '../../domain/import/headers.ts';
import { type ImportKind, type ImportMode, KIND_NAMES, MODE_NAMES } from '../../domain/import/kinds.ts';
import type { RowError } from '../../domain/import/rows.ts';
import { AppError, badRequest, conflict } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { type KindRun, prepareKind } from './prepare.ts';
import { readSheet } from './read-file.ts';
import * as repo from './repository.ts';

/** pg_advisory_xact_lock key shared by all imports ('YBIM'). */
const IMPORT_LOCK = 0x5942494d;
const CHUNK = 5000;

export interface ImportRequest {
  kind: ImportKind;
  mode: ImportMode;
  fileName: string;
  bytes: Uint8Array;
  actor: Actor;
  /** the staff's region, for persons without a village */
  staffAdmdvs: string | null;
  /** calendar date of the import (Asia/Shanghai) */
  today: string;
}

export type Phase = 'queued' | 'parsing' | 'validating' | 'writing' | 'done' | 'failed';

export interface Progress {
  phase: Phase;
  /** data rows (known once the file is parsed) */
  total: number;
  /** rows parsed (while parsing), then rows validated */
  processed: number;
}

export interface ImportResult extends repo.JobOutcome {
  jobId: number;
  errors: RowError[];
  /** an unexpected (non-AppError) failure, for the caller's log */
  cause?: unknown;
}

/** Today's date in China (UTC+8, no daylight saving): the bureau's calendar. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export function createJob(db: Db, req: ImportRequest): Promise<number> {
  return repo.insertJob(db, req.actor, {
    kind: req.kind,
    mode: req.mode,
    fileName: req.fileName,
    sha256: sha256(req.bytes),
    bytes: req.bytes.length,
  });
}

/** Create the job and run it to the end (CLI, tests). */
export async function importFile(db: Db, req: ImportRequest, onProgress?: (p: Progress) => void) {
  const jobId = await createJob(db, req);
  return runJob(db, jobId, req, onProgress);
}

export async function runJob(
  db: Db,
  jobId: number,
  req: ImportRequest,
  onProgress: (p: Progress) => void = () => {},
): Promise<ImportResult> {
  const progress: Progress = { phase: 'parsing', total: 0, processed: 0 };
  const tell = () => onProgress({ ...progress });
  const fingerprint = sha256(req.bytes);
  try {
    await repo.markRunning(db, jobId);
    tell();
    const checked = await parseAndValidate(db, jobId, req, progress, tell);
    progress.phase = 'writing';
    tell();
    const outcome = await commit(db, jobId, req, fingerprint, checked);
    // PGlite has no autovacuum: refresh the planner's statistics after a large load
    if (db.engine === 'pglite' && outcome.inserted + outcome.updated >= 10_000) await db.query('ANALYZE');
    progress.phase = 'done';
    tell();
    return { ...outcome, jobId, errors: checked.errors };
  } catch (e) {
    const appError = e instanceof AppError ? e : writeConflict(e);
    const o: repo.JobOutcome = {
      status: 'failed',
      total: progress.total,
      processed: progress.phase === 'parsing' ? 0 : progress.processed,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      written: false,
      errorCode: appError?.code ?? 'INTERNAL',
      message: appError?.message ?? '导入失败：系统内部错误，未写入任何数据，请联系管理员',
      details: appError?.details ?? null,
    };
    await db.tx(async (tx) => {
      await repo.finishJob(tx, jobId, o);
      await audit(tx, req.actor, 'import.refused', 'import_job', jobId, null, {
        file: req.fileName,
        sha256: fingerprint,
        code: o.errorCode,
      });
    });
    progress.phase = 'failed';
    tell();
    return { ...o, jobId, errors: [], ...(appError ? {} : { cause: e }) };
  }
}

interface Checked {
  total: number;
  run: KindRun;
  errors: RowError[];
  rejected: number;
}

/** Parse the file, find its headers, and validate every row in memory (no writes). */
async function parseAndValidate(
  db: Db,
  jobId: number,
  req: ImportRequest,
  progress: Progress,
  tell: () => void,
): Promise<Checked> {
  const sheet = await readSheet(req.bytes, (n) => {
    progress.processed = n;
    tell();
  });
  const headers = locateHeaders(
    req.kind,
    sheet.rows.slice(0, HEADER_SCAN_ROWS).map((r) => r.cells),
  );
  if (headers instanceof AppError) throw headers;
  const rows = sheet.rows.slice(headers.headerIndex + 1);
  if (rows.length === 0) throw badRequest('IMPORT_EMPTY', '文件只有表头，没有数据行');

  Object.assign(progress, { phase: 'validating', total: rows.length, processed: 0 });
  tell();
  const run = await prepareKind(db, { ...req, rows, headers, jobId });
  const errors: RowError[] = [];
  let rejected = 0;
  for (let i = 0; i < rows.length; i++) {
    const errs = run.check(rows[i]);
    if (errs) {
      rejected++;
      for (const e of errs) errors.push(e);
    }
    if ((i + 1) % CHUNK === 0) {
      progress.processed = i + 1;
      tell();
      await yieldToLoop(); // let the server answer progress requests meanwhile
    }
  }
  progress.processed = rows.length;
  return { total: rows.length, run, errors, rejected };
}

/** One transaction: the accepted rows (unless all_or_nothing saw a bad row), the job, its errors, the audit. */
async function commit(
  db: Db,
  jobId: number,
  req: ImportRequest,
  fingerprint: string,
  c: Checked,
): Promise<repo.JobOutcome> {
  const accepted = c.run.accepted().length;
  const write = c.rejected === 0 || req.mode === 'skip_bad_rows';
  const [previous] = await repo.earlierImports(db, fingerprint, jobId);
  return db.tx(async (tx) => {
    let inserted = 0;
    let updated = 0;
    if (write && accepted > 0) {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
      ({ inserted, updated } = await c.run.write(tx));
    }
    const counts = {
      inserted,
      updated,
      unchanged: write ? accepted - inserted - updated : 0,
      rejected: c.rejected,
    };
    let message = summary(req.kind, counts, write);
    if (previous) message += `（此文件曾于作业 #${previous.id} 导入过，已有的数据不会重复写入）`;
    const o: repo.JobOutcome = {
      status: 'done',
      total: c.total,
      processed: c.total,
      ...counts,
      written: write,
      errorCode: null,
      message,
      details: previous ? { previousJobId: previous.id, previousAt: previous.createdAt } : null,
    };
    await repo.finishJob(tx, jobId, o);
    await repo.insertErrors(tx, jobId, c.errors);
    await audit(tx, req.actor, `import.${req.kind}`, 'import_job', jobId, null, {
      file: req.fileName,
      sha256: fingerprint,
      mode: req.mode,
      total: c.total,
      ...counts,
      written: write,
    });
    return o;
  });
}

// A unique violation while writing means someone registered the same person meanwhile.
function writeConflict(e: unknown): AppError | null {
  if ((e as { code?: string })?.code === '23505') {
    return conflict('IMPORT_CONFLICT', '导入期间其他人登记了相同的数据，本次未写入任何数据，请重新导入');
  }
  return null;
}

function summary(
  kind: ImportKind,
  c: { inserted: number; updated: number; unchanged: number; rejected: number },
  written: boolean,
): string {
  const what = KIND_NAMES[kind];
  if (!written) {
    return `${what}：有 ${c.rejected} 行不合格，按“${MODE_NAMES.all_or_nothing}”方式未写入任何数据，请下载错误报告修改后重新导入`;
  }
  const skipped = c.rejected > 0 ? `，${c.rejected} 行有错已跳过（见错误报告）` : '';
  return `${what}：新增 ${c.inserted}，更新 ${c.updated}，未变化 ${c.unchanged}${skipped}`;
}
