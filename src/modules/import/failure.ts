// How a failed import is recorded: refused before any write (nothing written), or stopped
// part-way through PGlite's chunked write (the rows written so far are said, IMPORT_PARTIAL).
import { AppError, conflict } from '../../domain/shared/errors.ts';
import type * as repo from './repository.ts';
import type { Progress } from './service.ts';
import type { Checked } from './validate.ts';

/** Raised by the chunked write when a chunk fails after earlier chunks were committed. */
export class PartialWrite extends Error {
  readonly written: { rows: number; inserted: number; updated: number };
  readonly failure: unknown;
  constructor(written: { rows: number; inserted: number; updated: number }, failure: unknown) {
    super('import partially written');
    this.written = written;
    this.failure = failure;
  }
}

export function failure(e: unknown, progress: Progress, checked: Checked | undefined): repo.JobOutcome {
  const partial = e instanceof PartialWrite ? e : null;
  const cause = partial ? partial.failure : e;
  const appError = cause instanceof AppError ? cause : writeConflict(cause);
  const base: repo.JobOutcome = {
    status: 'failed',
    total: checked?.total ?? 0,
    processed: checked?.total ?? progress.processed,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: checked?.rejected ?? 0,
    written: false,
    errorCode: appError?.code ?? 'INTERNAL',
    message: appError?.message ?? '导入失败：系统内部错误，未写入任何数据，请联系管理员',
    details: appError?.details ?? null,
  };
  if (!partial || partial.written.rows === 0) {
    // the message of a write failure promises nothing was written: true when nothing was
    return { ...base, rejected: 0, processed: checked ? base.processed : 0 };
  }
  const { rows, inserted, updated } = partial.written;
  const why = writeConflict(cause) ? '导入期间其他人登记了相同的数据' : (appError?.message ?? '系统内部错误');
  return {
    ...base,
    inserted,
    updated,
    written: true,
    errorCode: 'IMPORT_PARTIAL',
    message: `导入中断：已写入前 ${rows} 行（新增 ${inserted}，更新 ${updated}），其余未写入。原因：${why}。请重新导入同一文件完成剩余部分，已写入的数据不会重复写入`,
    details: { cause: appError?.code ?? 'INTERNAL', writtenRows: rows },
  };
}

// A unique violation while writing means someone registered the same person meanwhile.
export function writeConflict(e: unknown): AppError | null {
  if ((e as { code?: string })?.code === '23505') {
    return conflict('IMPORT_CONFLICT', '导入期间其他人登记了相同的数据，本次未写入任何数据，请重新导入');
  }
  return null;
}
