// The import of one ledger file, in two steps, with this guarantee:
//
// 1. Check: the file is streamed, every row validated and the changes staged on disk
//    (validate.ts). Nothing is written to the registry in this step: a refused file (too large,
//    too many rows, unreadable, wrong headers) or an all_or_nothing file with any bad row writes
//    nothing but the job's record and its error report.
// 2. Write: on PostgreSQL the staged changes are written in ONE transaction with the job's outcome
//    and the batch audit entry (all or nothing; other connections keep serving settlements).
//    PGlite is a single connection on which a long transaction would stop every other request,
//    so there each chunk of changes is its own short transaction and the server answers other
//    requests between chunks. If a chunk fails there (someone registered the same person
//    meanwhile, or the process stopped), the chunks before it stay written and the job says how
//    many rows were written (IMPORT_PARTIAL); importing the same file again completes it, since
//    rows already in the registry are recognised as unchanged and not written twice.
//
// Validation reads the registry outside the write; the writes re-check the natural keys, and
// imports take one advisory lock so two imports never interleave their writes.
import { chinaDay } from '../../domain/shared/calendar.ts';
import { setImmediate as yieldToLoop, setTimeout as sleep } from 'node:timers/promises';
import type { Db, Tx } from '../../db/types.ts';
import { type ImportKind, type ImportMode, KIND_NAMES, MODE_NAMES } from '../../domain/import/kinds.ts';
import type { RowError } from '../../domain/import/rows.ts';
import { AppError } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';
import { type ImportLimits, limitsFromEnv } from './limits.ts';
import type { Accepted } from './prepare.ts';
import * as repo from './repository.ts';
import { createStage, type Stage } from './stage.ts';
import type { Traffic } from './traffic.ts';
import { type ImportSource, sha256Of, sizeOf } from './upload.ts';
import { type Checked, validateFile } from './validate.ts';
import { failure, PartialWrite, writeConflict } from './failure.ts';
import type { Phase } from './contract.ts';

const WRITTEN_TABLES: Record<ImportKind, string[]> = {
  persons: ['person', 'household', 'household_member'],
  identities: ['person_identity'],
  enrollments: ['enrollment'],
  status: ['person_status_change', 'person', 'person_identity', 'enrollment'],
};

/** pg_advisory_xact_lock key shared by all imports ('YBIM'). */
const IMPORT_LOCK = 0x5942494d;

export interface ImportRequest {
  kind: ImportKind;
  mode: ImportMode;
  fileName: string;
  /** the file: its bytes, or a file on disk (uploads, the CLI) */
  source: ImportSource;
  actor: Actor;
  /** the staff's region, for persons without a village */
  staffAdmdvs: string | null;
  /** calendar date of the import (Asia/Shanghai) */
  today: string;
}

export type { Phase };

export interface Progress {
  phase: Phase;
  /** data rows: 0 while the file is being read and checked, then known (rows to write) */
  total: number;
  /** rows checked so far (validating), then rows written (writing) */
  processed: number;
}

export interface ImportResult extends repo.JobOutcome {
  jobId: number;
  /** the first row errors (the job's report has all of them) */
  errors: RowError[];
  errorCount: number;
  /** an unexpected (non-AppError) failure, for the caller's log */
  cause?: unknown;
}

/** Today's date in China: the bureau's calendar (one home: domain/shared/calendar.ts). */
export const chinaDate = chinaDay;

export function createJob(db: Db, req: ImportRequest): Promise<number> {
  return repo.insertJob(db, req.actor, {
    kind: req.kind,
    mode: req.mode,
    fileName: req.fileName,
    sha256: sha256Of(req.source),
    bytes: sizeOf(req.source),
  });
}

export interface RunOptions {
  onProgress?: (p: Progress) => void;
  limits?: ImportLimits;
  /** the server's requests, which the import gives way to between chunks (traffic.ts) */
  traffic?: Traffic;
}

/** Create the job and run it to the end (CLI, tests). */
export async function importFile(
  db: Db,
  req: ImportRequest,
  onProgress?: (p: Progress) => void,
  opts: Omit<RunOptions, 'onProgress'> = {},
) {
  const jobId = await createJob(db, req);
  return runJob(db, jobId, req, { ...opts, onProgress });
}

/** longest an import waits for the server to be quiet before its next chunk */
const MAX_GIVE_WAY_MS = 100;

/** Between two chunks: let other requests run (on PGlite their queries queue behind ours). */
function pauseFor(db: Db, traffic: Traffic | undefined): () => Promise<void> {
  return async () => {
    if (db.engine === 'pglite') await sleep(1);
    else await yieldToLoop();
    await traffic?.quiet(MAX_GIVE_WAY_MS);
  };
}

export async function runJob(
  db: Db,
  jobId: number,
  req: ImportRequest,
  opts: RunOptions = {},
): Promise<ImportResult> {
  const { onProgress = () => {}, limits = limitsFromEnv() } = opts;
  const pause = pauseFor(db, opts.traffic);
  const progress: Progress = { phase: 'parsing', total: 0, processed: 0 };
  const tell = () => onProgress({ ...progress });
  const fingerprint = sha256Of(req.source);
  const stage = await createStage<Accepted>();
  let checked: Checked | undefined;
  try {
    await repo.markRunning(db, jobId);
    tell();
    checked = await validateFile(
      db,
      jobId,
      req,
      limits,
      stage,
      (n) => {
        Object.assign(progress, { phase: 'validating', processed: n });
        tell();
      },
      pause,
    );
    Object.assign(progress, { phase: 'writing', total: checked.total, processed: 0 });
    tell();
    const outcome = await commit(db, jobId, req, fingerprint, checked, stage, pause, (n) => {
      progress.processed = n;
      tell();
    });
    // PGlite has no autovacuum: refresh the planner's statistics after a large load (a table at a
    // time, giving way between them)
    if (db.engine === 'pglite' && outcome.inserted + outcome.updated >= 10_000) {
      for (const table of WRITTEN_TABLES[req.kind]) {
        await db.query(`ANALYZE ${table}`);
        await pause();
      }
    }
    progress.phase = 'done';
    tell();
    return { ...outcome, jobId, errors: checked.errors, errorCount: checked.errorCount };
  } catch (e) {
    const o = failure(e, progress, checked);
    await db.tx(async (tx) => {
      if (!o.written) await repo.deleteErrors(tx, jobId);
      await repo.finishJob(tx, jobId, o);
      await audit(tx, req.actor, o.written ? 'import.partial' : 'import.refused', 'import_job', jobId, null, {
        file: req.fileName,
        sha256: fingerprint,
        code: o.errorCode,
        ...(o.written ? { inserted: o.inserted, updated: o.updated } : {}),
      });
    });
    progress.phase = 'failed';
    tell();
    const cause = e instanceof PartialWrite ? e.failure : e;
    const known = cause instanceof AppError || writeConflict(cause) !== null;
    const errors = o.written && checked ? checked.errors : [];
    return { ...o, jobId, errors, errorCount: errors.length, ...(known ? {} : { cause }) };
  } finally {
    await stage.remove();
  }
}

/**
 * The write step (see the top of this file). Returns the job's outcome, recorded with the batch
 * audit entry in the last transaction.
 */
async function commit(
  db: Db,
  jobId: number,
  req: ImportRequest,
  fingerprint: string,
  c: Checked,
  stage: Stage<Accepted>,
  pause: () => Promise<void>,
  onWritten: (rows: number) => void,
): Promise<repo.JobOutcome> {
  const write = c.rejected === 0 || req.mode === 'skip_bad_rows';
  const [previous] = await repo.earlierImports(db, fingerprint, jobId);
  const done = { rows: 0, inserted: 0, updated: 0 };
  const writeChunk = async (tx: Tx, changes: Accepted[]) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
    const r = await c.run.write(tx, changes);
    done.inserted += r.inserted;
    done.updated += r.updated;
    done.rows += changes.length;
  };
  const finish = async (tx: Tx) => {
    const counts = {
      inserted: done.inserted,
      updated: done.updated,
      unchanged: write ? c.accepted - done.inserted - done.updated : 0,
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
    await audit(tx, req.actor, `import.${req.kind}`, 'import_job', jobId, null, {
      file: req.fileName,
      sha256: fingerprint,
      mode: req.mode,
      total: c.total,
      ...counts,
      written: write,
    });
    return o;
  };
  if (!write) return db.tx(finish);
  if (db.engine === 'postgres') {
    return db.tx(async (tx) => {
      for await (const changes of stage.chunks()) {
        await writeChunk(tx, changes);
        onWritten(done.rows);
        await pause();
      }
      return finish(tx);
    });
  }
  try {
    for await (const changes of stage.chunks()) {
      await db.tx((tx) => writeChunk(tx, changes));
      onWritten(done.rows);
      await pause();
    }
    return await db.tx(finish);
  } catch (e) {
    throw new PartialWrite(done, e);
  }
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
