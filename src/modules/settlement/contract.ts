// Request and response shapes of the settlement module's staff API that the workbench shares.
import { z } from 'zod';
import { FILING_TYPES, type FilingType } from '../../domain/settlement/types.ts';
import { fen, isoDate } from '../../domain/shared/input-schemas.ts';

/** GET /api/settlements items and GET /api/settlements/:setlId. */
export type { SettlementDetail, SettlementListItem } from './queries.ts';

/** A clerk's manual settlement (手工结算) of a visit's open lines, or its preview. */
export const manualSettleBody = z.object({
  psnNo: z.string().trim().min(1).max(30),
  insutype: z.enum(['310', '390']),
  /** the total the clerk expects, in fen: must equal the visit's open lines */
  totalFen: fen,
  useAccount: z.boolean().default(false),
  midStay: z.boolean().default(false),
});
export type ManualSettleBody = z.infer<typeof manualSettleBody>;

export const manualReverseBody = z.object({
  mdtrtId: z.string().trim().min(1).max(30),
  psnNo: z.string().trim().min(1).max(30),
  reason: z.string().trim().min(2, '请填写撤销原因').max(200),
});
export type ManualReverseBody = z.infer<typeof manualReverseBody>;

/** 异地就医备案 recorded by a clerk (POST /api/settlement/filings). */
export const filingBody = z.object({
  psnNo: z.string().trim().min(1, '请填写人员编号').max(30),
  type: z.enum(FILING_TYPES),
  destination: z.string().regex(/^\d{2,6}$/, '就医地应为行政区划代码或其前缀（2–6 位数字）'),
  beginDate: isoDate,
  endDate: isoDate.nullish(),
});
export type FilingBody = z.infer<typeof filingBody>;

/** A clerk cancels a live filing (POST /api/settlement/filings/:id/cancel). */
export const filingCancelBody = z.object({ reason: z.string().trim().min(2, '请填写撤销原因').max(200) });

/** 门慢门特资格 recorded by a clerk (POST /api/settlement/disease-qualifications). */
export const qualificationBody = z.object({
  psnNo: z.string().trim().min(1, '请填写人员编号').max(30),
  diseaseCode: z.string().trim().min(1, '请填写病种编码').max(30),
  institutionCodes: z
    .array(z.string().regex(/^[HP]\d{11}$/, '机构编码格式不正确'))
    .min(1, '请至少填写一家定点机构')
    .max(20),
  validFrom: isoDate,
  validTo: isoDate.nullish(),
});
export type QualificationBody = z.infer<typeof qualificationBody>;

/** A clerk ends a qualification early (POST /api/settlement/disease-qualifications/:id/end). */
export const qualificationEndBody = z.object({
  validTo: isoDate,
  reason: z.string().trim().min(2, '请填写终止原因').max(200),
});
export type QualificationEndBody = z.infer<typeof qualificationEndBody>;

/** GET /api/settlement/filings items: live filings, by a HIS (fixmedinsCode) or at the counter. */
export interface FilingRow {
  id: number;
  psnNo: string;
  psnName: string;
  type: FilingType;
  destination: string;
  beginDate: string;
  endDate: string | null;
  fixmedinsCode: string | null;
  createdAt: string;
}

/** GET /api/settlement/designations items: 人员定点备案 filed by institutions' HIS (2505). */
export interface DesignationRow {
  /** trt_dcla_detl_sn */
  id: number;
  psnNo: string;
  psnName: string;
  /** biz_appy_type as the HIS sent it */
  bizType: string;
  /** fix_srt_no: the person's order of preference */
  order: string;
  fixmedinsCode: string;
  fixmedinsName: string | null;
  beginDate: string;
  endDate: string | null;
  memo: string | null;
  /** the institution whose HIS filed it */
  filedBy: string;
  createdAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
}

/** GET /api/settlement/disease-qualifications items. */
export interface QualificationRow {
  id: number;
  psnNo: string;
  psnName: string;
  diseaseCode: string;
  institutionCodes: string[];
  validFrom: string;
  validTo: string | null;
  createdAt: string;
}
