// Requests and replies of /api/import (the workbench imports the types).
import { z } from 'zod';
import {
  type ColumnSpec,
  IMPORT_KINDS,
  IMPORT_MODES,
  type ImportKind,
  type ImportMode,
} from '../../domain/import/kinds.ts';
import type { RowError } from '../../domain/import/rows.ts';

export const kindParams = z.object({ kind: z.enum(IMPORT_KINDS) });
export const jobParams = z.object({ id: z.coerce.number().int().positive() });
/** The error report's or template's file format. */
export const formatQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
/** The upload's ?mode= (a multipart field or query). */
export const modeSchema = z.enum(IMPORT_MODES).default('all_or_nothing');

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';
/** Where a job is: its status, refined while it runs. */
export type Phase = 'queued' | 'parsing' | 'validating' | 'writing' | 'done' | 'failed';

/** An import job as stored. */
export interface JobRow {
  id: number;
  kind: ImportKind;
  mode: ImportMode;
  fileName: string;
  fileSha256: string;
  fileBytes: number;
  status: JobStatus;
  total: number;
  processed: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  written: boolean;
  errorCode: string | null;
  message: string | null;
  details: unknown;
  actorName: string;
  /** the operator's name (staff_account.display_name); the 工号 when the account is gone */
  actorDisplayName: string;
  createdAt: string;
  finishedAt: string | null;
}

/** GET /api/import/jobs[/:id]: the stored row (without the file's hash) and its live phase. */
export interface ImportJob extends Omit<JobRow, 'fileSha256'> {
  phase: Phase;
}

/** GET /api/import/kinds: a ledger and its columns (the server's column specs without their keys). */
export interface KindInfo {
  kind: ImportKind;
  name: string;
  headers: string[];
  columns: Omit<ColumnSpec, 'key'>[];
}

/** An item of GET /api/import/jobs/:id/error-rows. */
export interface RowErrorItem extends RowError {
  seq: number;
}
