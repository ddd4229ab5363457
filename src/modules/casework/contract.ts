// Requests and replies of /api/casework (the workbench imports these).
import { z } from 'zod';
import { idParams, isoDate } from '../../domain/shared/input-schemas.ts';
import { ARTICLE_CODES } from '../../domain/casework/articles.ts';
import { OUTCOME_KINDS, REFERRAL_BODIES, VIOLATION_TYPES } from '../../domain/casework/codes.ts';
import { CASE_STATES, type CaseAction } from '../../domain/casework/machine.ts';

export { idParams };

const fen = z.number().int().min(0).max(1e13);
const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const openBody = z
  .object({
    source: z.enum(['suspect', 'ticket', 'complaint']),
    suspectIds: z.array(z.number().int().positive()).max(500).default([]),
    ticketNo: z.string().trim().max(40).nullish(),
    complaint: z.string().trim().max(2000).nullish(),
    fixmedinsCode: z.string().trim().min(1, '请选择定点机构').max(20),
    violationType: z.enum(VIOLATION_TYPES),
    article: z.enum(ARTICLE_CODES as [string, ...string[]]),
    lossFen: fen.nullish(),
    facts: z.string().trim().max(4000).default(''),
  })
  .superRefine((b, ctx) => {
    if (b.source === 'suspect' && b.suspectIds.length === 0)
      ctx.addIssue({ code: 'custom', path: ['suspectIds'], message: '请选择移交立案的疑点' });
    if (b.source === 'ticket' && !b.ticketNo)
      ctx.addIssue({ code: 'custom', path: ['ticketNo'], message: '请填写 12345 工单编号' });
    if (b.source === 'complaint' && !b.complaint)
      ctx.addIssue({ code: 'custom', path: ['complaint'], message: '请填写举报投诉内容' });
  });
export type OpenBody = z.infer<typeof openBody>;

export const CASE_ACTIONS = [
  'submit',
  'hear',
  'return',
  'decide',
  'close',
  'withdraw',
] as const satisfies readonly CaseAction[];
export const actionBody = z.object({
  action: z.enum(CASE_ACTIONS),
  reason: z.string().trim().max(2000).nullish(),
  /** 调查终结 may restate the facts and the loss found */
  facts: z.string().trim().max(4000).nullish(),
  lossFen: fen.nullish(),
});
export type ActionBody = z.infer<typeof actionBody>;

export const outcomeBody = z.object({
  kind: z.enum(keys(OUTCOME_KINDS)),
  amountFen: fen.nullish(),
  /** 罚款: the multiple of the loss in basis points (1.5 × = 15000) */
  multipleBp: z.number().int().min(0).max(1_000_000).nullish(),
  referralTo: z.enum(keys(REFERRAL_BODIES)).nullish(),
  note: z.string().trim().max(2000).default(''),
  /** the month the money is booked to, YYYY-MM (default: the month of the decision) */
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '期间格式为 YYYY-MM')
    .nullish(),
});
export type OutcomeBody = z.infer<typeof outcomeBody>;

export const pointsBody = z.object({
  staffId: z.number().int().positive(),
  band: z.enum(['agreement', 'fine', 'serious', 'fraud']),
  points: z.number().int().min(1).max(12),
  reason: z.string().trim().max(500).default(''),
});

export const DOCUMENT_KINDS = ['rectify', 'interview', 'penalty'] as const;
export const docParams = idParams.extend({ kind: z.enum(DOCUMENT_KINDS) });

export const caseQuery = z.object({
  state: z.enum(keys(CASE_STATES)).optional(),
  institution: z.string().max(20).optional(),
  overdue: z.enum(['1']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
/** The institution view's days (YYYY-MM-DD). */
export const dayRangeQuery = z
  .object({ from: isoDate, to: isoDate })
  .refine((r) => r.from <= r.to, { message: '结束日期不能早于开始日期', path: ['to'] });

export const periodQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}$/),
  institution: z.string().max(20).optional(),
});

/** Per institution, for the institution view (GET /api/casework/institutions). */
export interface InstitutionFigures {
  fixmedinsCode: string;
  cases: number;
  /** recoveries, fines, refusals, deductions and self-refunds of the period's months */
  ledgerFen: number;
  /** points given to its staff */
  points: number;
}
