// Request shapes of the supervision API that the workbench shares.
import { z } from 'zod';
import type { SelfPayDiagnosis, SelfPayLine } from '../../domain/his/selfpay-inputs.ts';
import { isoDate } from '../../domain/shared/input-schemas.ts';
import { STOCK_EVENT_KINDS, type StockEventInput } from '../../domain/supervision/stock-events.ts';

export const ruleChangeBody = z.object({
  enabled: z.boolean(),
  severity: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  params: z
    .record(z.string(), z.union([z.number(), z.string(), z.array(z.string().max(30)).max(200)]))
    .default({}),
  reason: z.string().trim().min(2, '请填写修改原因').max(200),
  /** 事中拦截: a certain violation refuses 2207/2304 instead of only warning */
  blocks: z.boolean().optional(),
});
export type RuleChangeBody = z.infer<typeof ruleChangeBody>;

export const runBody = z.object({ from: isoDate, to: isoDate });

/** A knowledge point's last day (停用), with the reason kept in the audit trail. */
export const knowledgeEndBody = z.object({
  validTo: isoDate,
  reason: z.string().trim().min(2, '请填写停用原因').max(200),
});
export type KnowledgeEndBody = z.infer<typeof knowledgeEndBody>;
export type RunBody = z.infer<typeof runBody>;

/** 进销存: the list's filter, and the batch name an import is recorded under. */
export const stockQuery = z.object({
  institution: z.string().trim().max(30).optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 yyyy-MM')
    .optional(),
});
export const stockBatch = z.string().trim().min(1, '请填写批次').max(40);

export interface StockRow {
  fixmedinsCode: string;
  institutionName: string | null;
  itemCode: string;
  month: string;
  opening: number;
  purchased: number;
  closing: number;
  batch: string;
  importedAt: string;
  importedBy: string;
}

/** 进销存 as institutions report it through the HIS (3501–3507): the list's filter. */
export const stockEventQuery = z.object({
  institution: z.string().trim().max(30).optional(),
  kind: z.enum(STOCK_EVENT_KINDS, { message: '类型不正确' }).optional(),
  item: z.string().trim().max(50).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** '1': deleted records (3507) too */
  deleted: z.enum(['0', '1']).optional(),
});
export type StockEventQuery = z.infer<typeof stockEventQuery>;

/** A month of reported records beside what the fund settled (one row per institution and item). */
export const stockMonthQuery = z.object({
  institution: z.string().trim().max(30).optional(),
  month: z.string({ message: '请选择月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 yyyy-MM'),
});
export interface StockMonthRow {
  fixmedinsCode: string;
  institutionName: string | null;
  itemCode: string;
  hilistName: string;
  /** 采购 − 采购退货 */
  purchased: number;
  /** 销售 − 销售退货 */
  sold: number;
  /** the month's last 盘存 day and the quantity counted that day (null: no count) */
  countedOn: string | null;
  counted: number | null;
  /** what the fund settled of the item at the institution in the month */
  settled: number;
}

/** A reported record as listed: what was reported, by whom, and its deletion (3507) if any. */
export interface StockEventRow extends StockEventInput {
  id: string;
  fixmedinsCode: string;
  institutionName: string | null;
  msgid: string;
  receivedAt: string;
  deletedAt: string | null;
  deletedMsgid: string | null;
}

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
  /** 事中拦截 */
  blocks: boolean;
  updatedAt: string;
  updatedBy: string;
}

export interface KnowledgeRow {
  /** absent on a point not yet stored */
  id?: number;
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
  /** visits whose line and visit rules this run evaluated, and visits whose stored results held */
  visitsChecked: number | null;
  visitsReused: number | null;
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

// ---- suspects and sampling (issue 12 §3) ----
export const SUSPECT_ACTIONS = [
  'first',
  'confirm',
  'dismiss',
  'return',
  'appeal',
  'accept',
  'lapse',
  'verify',
  'decide_violation',
  'decide_clear',
  'refer',
] as const;

export const suspectActionBody = z.object({
  action: z.enum(SUSPECT_ACTIONS, { message: '未知的疑点操作' }),
  reason: z.string().trim().max(500, '理由不超过 500 字').nullish(),
  finding: z.string().trim().max(1000, '审核意见不超过 1000 字').nullish(),
  confirmedFen: z.number().int().min(0).max(1_000_000_000_000).nullish(),
});
export type SuspectActionBody = z.infer<typeof suspectActionBody>;

export const bulkSuspectBody = suspectActionBody.extend({
  ids: z.array(z.number().int().positive()).min(1, '请选择疑点').max(500, '一次最多处理 500 条'),
});
export type BulkSuspectBody = z.infer<typeof bulkSuspectBody>;

export const raiseBody = z.object({
  rule: z.string().max(40).nullish(),
  institution: z.string().max(20).nullish(),
});

export const drawBody = z.object({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
  institutions: z.array(z.string().max(20)).max(500).nullish(),
  shareBp: z.number().int().min(1, '抽查比例至少 0.01%').max(10_000, '抽查比例不超过 100%').default(500),
  method: z.enum(['simple', 'stratified', 'weighted']).default('simple'),
  seed: z
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .nullish(),
  reviewerIds: z.array(z.number().int().positive()).max(50).default([]),
});
export type DrawBody = z.infer<typeof drawBody>;

export const reviewBody = z.object({
  result: z.enum(['ok', 'finding']),
  finding: z.string().trim().max(1000).nullish(),
  atStakeFen: z.number().int().min(0).max(1_000_000_000_000).nullish(),
});
export type ReviewBody = z.infer<typeof reviewBody>;

export type { InstitutionIndicatorRow, SampleRecordRow, SampleRow, SuspectRow } from './suspect-repo.ts';

/**
 * GET /api/supervision/selfpay-visits[.xlsx] — the visits institutions reported as paid in full by
 * the patient (4202/4205, lines by 4201A): by institution and the visit's first day; insured=1 only
 * those of persons insured that day (the ones a 转嫁费用 check starts from).
 */
export const selfPayQuery = z.object({
  institution: z.string().trim().max(30).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  insured: z.enum(['0', '1']).optional(),
});
export type SelfPayQuery = z.infer<typeof selfPayQuery>;

export interface SelfPayVisitRow {
  id: number;
  fixmedinsCode: string;
  institutionName: string | null;
  /** the institution's own visit id (fixmedins_mdtrt_id) */
  mdtrtId: string;
  inpatient: boolean;
  medType: string;
  beginAt: string;
  /** the registry's person the certificate named (null: none) */
  psnNo: string | null;
  /** masked in the list */
  psnName: string | null;
  /** that person had an enrollment in force on the visit's first day */
  insured: boolean;
  mainDiagCode: string | null;
  mainDiagName: string | null;
  /** medfee_sumamt as the HIS told it (4202) */
  toldTotalFen: number | null;
  lines: number;
  /** the lines' sum, and of it 符合政策范围 as the HIS computed it */
  amountFen: number;
  inscpFen: number;
  completedAt: string | null;
  receivedAt: string;
}

/** GET /api/supervision/selfpay-visits/:id — one reported visit with its diagnoses and lines. */
export const selfPayVisitParams = z.object({
  id: z.coerce.number().int().positive({ message: '就诊记录编号不正确' }),
});
/** a reported line as the detail shows it (its visit is the detail's) */
export type SelfPayLineRow = Omit<SelfPayLine, 'mdtrtId'>;
export interface SelfPayVisitDetail {
  visit: SelfPayVisitRow;
  diagnoses: SelfPayDiagnosis[];
  lines: SelfPayLineRow[];
}
