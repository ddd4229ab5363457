// Requests and replies of /api/ticket (the workbench imports these types).
import { z } from 'zod';
import { SATISFACTIONS, TICKET_CATEGORIES, TICKET_POSTS, URGENCIES } from '../../domain/ticket/codes.ts';
import type { TicketAction, TicketState } from '../../domain/ticket/machine.ts';

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, '不是有效的日期');

export const registerBody = z.object({
  platformNo: z.string().trim().min(1, '请填写平台工单编号').max(40),
  receivedOn: isoDay,
  category: z.enum(TICKET_CATEGORIES),
  urgency: z.enum(URGENCIES).default('normal'),
  title: z.string().trim().min(1, '请填写标题').max(100),
  content: z.string().trim().min(1, '请填写诉求内容').max(4000),
  callerName: z.string().trim().max(50).default(''),
  callerPhone: z.string().trim().max(20).default(''),
});
export type RegisterBody = z.infer<typeof registerBody>;

export const TICKET_ACTIONS = [
  'dispatch',
  'return',
  'sign',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'reply',
  'close',
  'callback',
  'evaluate',
  'reopen',
  'supervise',
] as const satisfies readonly TicketAction[];

export const actionBody = z.object({
  action: z.enum(TICKET_ACTIONS),
  reason: z.string().trim().max(2000).nullish(),
  post: z.enum(TICKET_POSTS).nullish(),
  days: z.number().int().nullish(),
  satisfaction: z.enum(SATISFACTIONS).nullish(),
  /** 评价: the caller's level (1–5, 好差评); without it the call-back's answer gives 4, 3 or 2 */
  level: z.number().int().min(1).max(5).nullish(),
});
export type ActionBody = z.infer<typeof actionBody>;

export const idParams = z.object({ id: z.coerce.number().int().positive() });

export const listQuery = z.object({
  q: z.string().trim().max(40).optional(),
  state: z.string().max(30).optional(),
  category: z.enum(TICKET_CATEGORIES).optional(),
  post: z.enum(TICKET_POSTS).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  overdue: z.coerce.boolean().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListQuery = z.infer<typeof listQuery>;

export const kpiQuery = z.object({
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, '期间应为 YYYY 或 YYYY-MM'),
});

export const limitParams = z.object({ category: z.enum(TICKET_CATEGORIES) });
export const limitBody = z.object({
  signDays: z.number().int(),
  urgentSignHours: z.number().int(),
  finishDays: z.number().int(),
});

export const importBody = z.object({
  fileName: z.string().max(200),
  /** the xlsx file, base64 */
  content: z.string().min(1).max(12_000_000),
});

export interface TicketRow {
  id: number;
  caseId: number;
  platformNo: string;
  source: 'manual' | 'import';
  category: (typeof TICKET_CATEGORIES)[number];
  urgency: (typeof URGENCIES)[number];
  title: string;
  content: string;
  callerName: string;
  callerPhone: string;
  receivedOn: string;
  post: (typeof TICKET_POSTS)[number] | null;
  firstDispatchedOn: string | null;
  dispatchedAt: string | null;
  signDeadline: string | null;
  signedAt: string | null;
  finishDue: string | null;
  extensionDays: number;
  requestedDays: number | null;
  repliedOn: string | null;
  reply: string | null;
  closedOn: string | null;
  satisfaction: (typeof SATISFACTIONS)[number] | null;
  reopenCount: number;
  returnCount: number;
  superviseCount: number;
  lastSupervisedAt: string | null;
  state: TicketState;
}
