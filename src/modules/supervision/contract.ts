// Request shapes of the supervision API that the workbench shares.
import { z } from 'zod';
import { isoDate } from '../../domain/shared/input-schemas.ts';

export const ruleChangeBody = z.object({
  enabled: z.boolean(),
  severity: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  params: z
    .record(z.string(), z.union([z.number(), z.string(), z.array(z.string().max(30)).max(200)]))
    .default({}),
  reason: z.string().trim().min(2, '请填写修改原因').max(200),
});
export type RuleChangeBody = z.infer<typeof ruleChangeBody>;

export const runBody = z.object({ from: isoDate, to: isoDate });
export type RunBody = z.infer<typeof runBody>;
