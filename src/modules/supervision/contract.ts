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

/** Responses the workbench reads. */
export interface RuleRow {
  code: string;
  template: string;
  name: string;
  nationalClass: string;
  grain: string;
  resultType: string;
  stages: string[];
  severity: number;
  params: Record<string, unknown>;
  enabled: boolean;
  updatedAt: string;
  updatedBy: string;
}

export interface KnowledgeRow {
  template: string;
  itemCode: string;
  value: Record<string, unknown>;
  batch: string;
  validFrom: string;
  validTo: string | null;
}

export interface RunRow {
  id: number;
  fromDate: string;
  toDate: string;
  status: 'running' | 'done' | 'failed';
  rules: string[];
  chunksTotal: number;
  chunksDone: number;
  hits: number;
  error: string | null;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
}

export interface HitRow {
  id: number;
  ruleCode: string;
  ruleName: string;
  mdtrtId: string | null;
  psnNo: string | null;
  fixmedinsCode: string | null;
  institutionName: string | null;
  amountFen: number;
  lines: string[];
  detail: Record<string, unknown>;
}
