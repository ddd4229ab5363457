// 台账导入's pure parts: the API's shapes, URL state, file checks before upload, the progress bar
// (upload first, then the server job's phases) and the summary of a finished job.
import {
  type ImportKind,
  type ImportMode,
  isImportKind,
  MODE_NAMES,
} from '../../../../src/domain/import/kinds.ts';
import type { ImportJob, KindInfo, Phase, RowErrorItem } from '../../../../src/modules/import/contract.ts';
import { positiveInt } from '../../lib/paging.ts';

export type { ImportJob, ImportKind, ImportMode, KindInfo, Phase, RowErrorItem };
export { MODE_NAMES };

export const MODES: { value: ImportMode; label: string; hint: string }[] = [
  { value: 'all_or_nothing', label: MODE_NAMES.all_or_nothing, hint: '有任何一行出错，整个文件都不写入' },
  { value: 'skip_bad_rows', label: MODE_NAMES.skip_bad_rows, hint: '合格的行照常写入，出错的行列入错误报告' },
];

export const PHASE_NAMES: Record<Phase, string> = {
  queued: '排队等候',
  parsing: '读取文件',
  validating: '逐行校验',
  writing: '写入数据',
  done: '已完成',
  failed: '未导入',
};

export interface ImportParams {
  kind: ImportKind | null;
  mode: ImportMode;
  job: number | null;
  page: number;
  errorPage: number;
}

export function parseParams(p: URLSearchParams): ImportParams {
  const kind = p.get('kind');
  const job = positiveInt(p.get('job'), 0);
  return {
    kind: kind && isImportKind(kind) ? kind : null,
    mode: p.get('mode') === 'skip_bad_rows' ? 'skip_bad_rows' : 'all_or_nothing',
    job: job > 0 ? job : null,
    page: positiveInt(p.get('page'), 1),
    errorPage: positiveInt(p.get('epage'), 1),
  };
}

export function paramsToSearch(s: ImportParams): Record<string, string> {
  const out: Record<string, string> = {};
  if (s.kind) out.kind = s.kind;
  if (s.mode !== 'all_or_nothing') out.mode = s.mode;
  if (s.job !== null) out.job = String(s.job);
  if (s.page > 1) out.page = String(s.page);
  if (s.errorPage > 1) out.epage = String(s.errorPage);
  return out;
}

/** The server takes up to 64 MB; xlsx, csv or Excel's tab-separated text. */
export const MAX_BYTES = 64 * 1024 * 1024;
export const ACCEPT = '.xlsx,.csv,.txt,.tsv';

/** Why a chosen file cannot be sent, or null when it may. */
export function fileProblem(file: { name: string; size: number } | null): string | null {
  if (!file) return '请选择要导入的文件';
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'xls') return '不支持旧版 Excel（.xls），请在 Excel 中另存为 .xlsx 或 CSV';
  if (!['xlsx', 'csv', 'txt', 'tsv'].includes(ext)) return '只能导入 .xlsx 或 .csv 文件';
  if (file.size === 0) return '文件是空的';
  if (file.size > MAX_BYTES) return '文件超过 64 MB，请拆分后分批导入';
  return null;
}

export const isFinished = (j: Pick<ImportJob, 'status'>) => j.status === 'done' || j.status === 'failed';

/**
 * One bar for the whole import: the upload fills the first 30 %, the server's job the rest —
 * parsing 30–40 %, validating 40–90 % by rows checked, writing 90–99 %, then 100 %.
 */
export function overallPercent(
  uploadFraction: number,
  job: Pick<ImportJob, 'phase' | 'total' | 'processed'> | null,
): number {
  if (!job) return Math.floor(Math.min(1, Math.max(0, uploadFraction)) * 30);
  switch (job.phase) {
    case 'queued':
      return 30;
    case 'parsing':
      return 35;
    case 'validating':
      return 40 + Math.floor((job.total > 0 ? Math.min(1, job.processed / job.total) : 0) * 50);
    case 'writing':
      return 95;
    default:
      return 100;
  }
}

/** The words under the bar. */
export function progressText(
  uploadFraction: number,
  job: Pick<ImportJob, 'phase' | 'total' | 'processed'> | null,
): string {
  if (!job) return `正在上传 ${Math.floor(Math.min(1, uploadFraction) * 100)}%`;
  if (job.phase === 'validating' && job.total > 0) return `逐行校验 ${job.processed} / ${job.total} 行`;
  if (job.phase === 'parsing' && job.processed > 0) return `读取文件，已读 ${job.processed} 行`;
  return PHASE_NAMES[job.phase];
}

export interface JobSummary {
  read: number;
  written: number;
  unchanged: number;
  skipped: number;
  tone: 'success' | 'warning' | 'error';
}

/** What the clerk reads after an import: rows read, written (new + updated), unchanged, skipped. */
export function summarise(j: ImportJob): JobSummary {
  const written = j.written ? j.inserted + j.updated : 0;
  // green only when rows were written: a file whose rows were all unchanged wrote nothing
  const tone =
    j.status === 'failed' || !j.written ? 'error' : j.rejected > 0 || written === 0 ? 'warning' : 'success';
  return { read: j.total, written, unchanged: j.written ? j.unchanged : 0, skipped: j.rejected, tone };
}

/** The job list's status tag: green only for a finished job that wrote rows. */
export function jobStatusTag(
  j: Pick<ImportJob, 'status' | 'phase' | 'written' | 'inserted' | 'updated' | 'rejected'>,
): { color: string; text: string } {
  if (j.status === 'queued') return { color: 'default', text: '排队中' };
  if (j.status === 'running') return { color: 'processing', text: PHASE_NAMES[j.phase] };
  if (j.status === 'failed') return { color: 'error', text: '未导入' };
  if (!j.written) return { color: 'error', text: '已完成（未写入）' };
  if (j.inserted + j.updated === 0) return { color: 'default', text: '已完成（无变化）' };
  if (j.rejected > 0) return { color: 'warning', text: `已完成（跳过 ${j.rejected} 行）` };
  return { color: 'success', text: '已完成' };
}

/** The columns a refused file lacked (IMPORT_HEADERS details), for the message. */
export function missingColumns(details: unknown): string[] {
  const m = (details as { missing?: unknown } | null)?.missing;
  return Array.isArray(m) ? m.filter((x): x is string => typeof x === 'string') : [];
}

export const templateUrl = (kind: ImportKind, format: 'xlsx' | 'csv') =>
  `/api/import/templates/${kind}?format=${format}`;
export const errorReportUrl = (jobId: number, format: 'xlsx' | 'csv') =>
  `/api/import/jobs/${jobId}/errors?format=${format}`;

/** "12.3 KB" for the file list. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
