// How large an import may be. A ledger bigger than this is refused before anything is written
// (413-style, with a Chinese message saying what to do): a county's largest roster is ~300,000
// persons, and the limits keep one upload from taking the server's memory or disk.
import { AppError } from '../../domain/shared/errors.ts';

export interface ImportLimits {
  /** bytes of one uploaded file */
  maxBytes: number;
  /** data rows of one file (header and title rows not counted) */
  maxRows: number;
}

export const DEFAULT_LIMITS: ImportLimits = { maxBytes: 64 * 1024 * 1024, maxRows: 500_000 };

function positive(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return raw && Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

/** YIBAO_IMPORT_MAX_BYTES, YIBAO_IMPORT_MAX_ROWS (README, configuration). */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): ImportLimits {
  return {
    maxBytes: positive(env.YIBAO_IMPORT_MAX_BYTES, DEFAULT_LIMITS.maxBytes),
    maxRows: positive(env.YIBAO_IMPORT_MAX_ROWS, DEFAULT_LIMITS.maxRows),
  };
}

const mb = (bytes: number) => `${Math.floor(bytes / (1024 * 1024))} MB`;

export const fileTooLarge = (limits: ImportLimits) =>
  new AppError(
    'too_large',
    'IMPORT_TOO_LARGE',
    `文件超过 ${mb(limits.maxBytes)} 的上限，未写入任何数据；请将台账拆分为多个文件分别导入`,
    { maxBytes: limits.maxBytes },
  );

export const tooManyRows = (limits: ImportLimits) =>
  new AppError(
    'too_large',
    'IMPORT_TOO_MANY_ROWS',
    `文件超过 ${limits.maxRows} 行数据的上限，未写入任何数据；请将台账拆分为多个文件分别导入`,
    { maxRows: limits.maxRows },
  );
