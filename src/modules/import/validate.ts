// Read and check a whole file, streamed, writing nothing but the job's error report: rows come
// from the reader one by one, the header row is found among the first rows, and the data rows
// are checked a chunk at a time (the registry facts each chunk needs are loaded for it). The
// changes to make are staged on disk and the row errors go to the job's report as they are found,
// so memory holds one chunk, not the file. Between chunks other requests are served.
import { HEADER_SCAN_ROWS, locateHeaders } from '../../domain/import/headers.ts';
import type { RowError, SourceRow } from '../../domain/import/rows.ts';
import type { Db } from '../../db/types.ts';
import { AppError, badRequest } from '../../domain/shared/errors.ts';
import { fileTooLarge, type ImportLimits, tooManyRows } from './limits.ts';
import { type Accepted, type KindRun, prepareKind } from './prepare.ts';
import { openRows } from './read-file.ts';
import * as repo from './repository.ts';
import type { ImportRequest } from './service.ts';
import type { Stage } from './stage.ts';
import { sizeOf } from './upload.ts';

/** rows checked (and staged) at a time; small enough that one chunk's work is a short pause */
export const CHUNK = 1000;
/** row errors kept in memory for the caller (all of them are in the job's report) */
export const ERRORS_KEPT = 1000;

export interface Checked {
  total: number;
  accepted: number;
  rejected: number;
  errorCount: number;
  /** the first ERRORS_KEPT errors */
  errors: RowError[];
  run: KindRun;
}

export async function validateFile(
  db: Db,
  jobId: number,
  req: ImportRequest,
  limits: ImportLimits,
  stage: Stage<Accepted>,
  onRows: (n: number) => void,
  pause: () => Promise<void>,
): Promise<Checked> {
  if (sizeOf(req.source) > limits.maxBytes) throw fileTooLarge(limits);
  const sheet = await openRows(req.source);
  const rows = sheet.rows[Symbol.asyncIterator]();
  const head: SourceRow[] = [];
  for (let r = await rows.next(); ; r = await rows.next()) {
    if (r.done) break;
    head.push(r.value);
    if (head.length >= HEADER_SCAN_ROWS) break;
  }
  if (head.length === 0) throw badRequest('IMPORT_EMPTY', '文件是空的，没有任何内容');
  const headers = locateHeaders(
    req.kind,
    head.map((r) => r.cells),
  );
  if (headers instanceof AppError) throw headers;

  const run = await prepareKind(db, { ...req, headers, jobId });
  const c: Checked = { total: 0, accepted: 0, rejected: 0, errorCount: 0, errors: [], run };
  let chunk: SourceRow[] = head.slice(headers.headerIndex + 1);
  const flush = async () => {
    const o = await run.check(chunk);
    chunk = [];
    await stage.append(o.changes);
    await repo.insertErrors(db, jobId, o.errors, c.errorCount + 1);
    c.accepted += o.accepted;
    c.rejected += o.rejected;
    c.errorCount += o.errors.length;
    for (const e of o.errors) if (c.errors.length < ERRORS_KEPT) c.errors.push(e);
    onRows(c.total);
    await pause();
  };
  c.total = chunk.length;
  if (c.total > limits.maxRows) throw tooManyRows(limits);
  if (head.length === HEADER_SCAN_ROWS) {
    for (let r = await rows.next(); !r.done; r = await rows.next()) {
      if (++c.total > limits.maxRows) {
        await rows.return?.(undefined);
        throw tooManyRows(limits);
      }
      chunk.push(r.value);
      if (chunk.length >= CHUNK) await flush();
    }
  }
  if (c.total === 0) throw badRequest('IMPORT_EMPTY', '文件只有表头，没有数据行');
  if (chunk.length > 0) await flush();
  return c;
}
