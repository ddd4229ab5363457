// Requests and replies of /api/rating (the workbench and the tablet page import these).
import { z } from 'zod';
import { REASON_TAGS } from '../../domain/rating/codes.ts';
import type { RectifyAction } from '../../domain/rating/machine.ts';

export const inviteBody = z.object({ receiptNo: z.string().trim().min(1, '请填写受理编号').max(40) });
export const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });

export const rateBody = z.object({
  overall: z.number().int(),
  indicators: z.record(z.string(), z.number().int()).default({}),
  tags: z.array(z.enum(REASON_TAGS)).max(8).default([]),
  comment: z.string().max(500).default(''),
});
export type RateBody = z.infer<typeof rateBody>;

export const RECTIFY_ACTIONS = [
  'callback',
  'verify',
  'rectify',
  'report',
  'appeal',
  'annul',
  'reject_appeal',
] as const satisfies readonly RectifyAction[];
export const rectifyActionBody = z.object({
  action: z.enum(RECTIFY_ACTIONS),
  reason: z.string().trim().max(2000).nullish(),
});
export const idParams = z.object({ id: z.coerce.number().int().positive() });

export const statsQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export const settingsBody = z.object({ rectifyDays: z.number().int() });

/** What the tablet shows before the click. */
export interface TabletView {
  typeName: string;
  receiptNo: string;
  completedOn: string;
  rated: boolean;
}
