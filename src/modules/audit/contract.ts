// Request and response shapes of /api/audit (the workbench's audit page imports this file).
import { z } from 'zod';
import { isIsoDate } from '../../domain/registry/enrollment-rules.ts';

const day = z.string().refine(isIsoDate, { message: '应为有效日期（YYYY-MM-DD）' });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

/** Dates are China calendar days (UTC+8), both ends included. */
export const auditRange = z
  .object({ from: day.optional(), to: day.optional() })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

export const auditEntriesQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
    /** 人员编号 (16 digits) or 身份证号 (18 characters) */
    person: optionalText(18),
    /** staff username (exact) */
    user: optionalText(50),
    /** an action ('person.reveal') or its module prefix ('person.') */
    action: optionalText(60),
    from: day.optional(),
    to: day.optional(),
  })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

export type AuditEntriesQuery = z.infer<typeof auditEntriesQuery>;

export interface AuditEntryView {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  stream: number;
  seq: number;
  hash: string;
}

/** GET /api/audit/verify (and `yibao audit verify --json`). */
export type BreakKind =
  | 'hash' // the row's content no longer matches its hash (edited)
  | 'link' // prev_hash differs from the previous row's hash (previous row edited or replaced)
  | 'gap' // rows missing before this one (deleted)
  | 'tail'; // rows missing at the end of the stream, or the head was moved

export interface ChainBreak {
  stream: number;
  kind: BreakKind;
  id: number | null;
  seq: number;
  at: string | null;
}

export interface StreamReport {
  stream: number;
  rows: number;
  lastSeq: number;
  lastHash: string;
  break: ChainBreak | null;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  from: string | null;
  to: string | null;
  streams: StreamReport[];
  breaks: ChainBreak[];
}

export const BREAK_NAMES: Record<BreakKind, string> = {
  hash: '记录内容与哈希不符（被修改）',
  link: '与前一条记录的哈希链接不符（前一条被修改或替换）',
  gap: '此前缺少记录（被删除）',
  tail: '链尾缺少记录或链头被改动',
};

/** The instant a China calendar day starts (UTC+8, no daylight saving). */
export function chinaDayStart(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

/** The instant after a China calendar day ends. */
export function chinaDayEnd(day: string): string {
  return new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
}
