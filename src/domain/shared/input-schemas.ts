// The shared edge schemas for dates and names (zod), so every route refuses an impossible date or
// a name with hidden characters the same way. A refusal carries its rule's code in the issue's
// params.reason; the staff API passes it on as details[].reason beside the Chinese message.
import { z } from 'zod';
import { parsePersonKey } from '../registry/id-number.ts';
import { dateProblem } from './date-rules.ts';
import { isAppError } from './errors.ts';
import { textProblem } from './text-rules.ts';

/** A real calendar day, YYYY-MM-DD (2023-02-30 is refused). */
export const isoDate = z.string().superRefine((s, ctx) => {
  const message = dateProblem(s);
  if (message) ctx.addIssue({ code: 'custom', message, params: { reason: 'DATE_INVALID' } });
});

/** A row's id in a route (`/…/:id`): a positive integer JavaScript holds exactly. */
export const idParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53 - 1),
});

/** A coverage or calendar year (query strings arrive as text). */
export const year = z.coerce.number().int().min(2000).max(2100);

/** The text-rules check as a zod refinement; runs before trimming so a leading BOM is seen. */
export function cleanTextCheck(label: string) {
  return (s: string, ctx: z.RefinementCtx) => {
    const p = textProblem(s, label);
    if (p) ctx.addIssue({ code: 'custom', message: p.message, params: { reason: p.code, char: p.char } });
  };
}

/** A required name or address: no control, invisible, bidi or replacement characters; trimmed, 1..max. */
export const nameText = (max: number, label = '名称') =>
  z.string().superRefine(cleanTextCheck(label)).trim().min(1).max(max);

/** An optional free text with the same character rules (may be empty). */
export const cleanText = (max: number, label = '内容') =>
  z.string().superRefine(cleanTextCheck(label)).max(max);

/** A resident ID typed as a search key: 18-digit form (15-digit legacy upgraded); a wrong check digit is refused. */
export const certnoKey = z
  .string()
  .max(30)
  .transform((v, ctx) => {
    const key = parsePersonKey(v, { psnNoAllowed: false });
    if (!isAppError(key)) return key.kind === 'certno' ? key.certno : v;
    ctx.addIssue({ code: 'custom', message: key.message, params: { reason: key.code } });
    return z.NEVER;
  });

/** An amount in fen: a non-negative integer within the safe range. */
export const fen = z
  .number({ error: '金额应为以分计的整数' })
  .int('金额应为以分计的整数')
  .min(0, '金额不能为负数')
  .max(Number.MAX_SAFE_INTEGER, '金额过大');
