// Requests and replies of /api/m (the self-service pages import these).
import { z } from 'zod';
import type { OnlineField } from '../../domain/selfservice/online-matters.ts';

const certno = z
  .string()
  .trim()
  .regex(/^(\d{17}[\dXx]|\d{15})$/, '请输入 18 位身份证号')
  .transform((s) => s.toUpperCase());
const name = z.string().trim().min(1, '请输入姓名').max(50);

export const codeRequestBody = z.object({ certno, name });
export const verifyBody = z.object({
  certno,
  name,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '验证码为 6 位数字'),
});
export const demoSinkBody = z.object({ certno, name });

export const applyBody = z.object({
  typeCode: z.string().regex(/^[A-Z]{2}\d{3}$/),
  fields: z.record(z.string(), z.string().max(200)).default({}),
  uploadIds: z.array(z.number().int().positive()).max(10).default([]),
});
export type OnlineApplyBody = z.infer<typeof applyBody>;

export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const uploadQuery = z.object({ material: z.string().trim().min(1).max(60) });

export interface CodeSent {
  /** the phone on file, masked */
  phone: string;
  expiresInSeconds: number;
  /** demo mode only: the message the sink received (shown on the page, marked 演示) */
  demo: { text: string } | null;
}

export interface Me {
  psnNo: string;
  name: string;
  phone: string | null;
  villageName: string | null;
}

export interface OnlineMatterType {
  code: string;
  mainName: string;
  name: string;
  limit: string;
  fields: OnlineField[];
  photos: string[];
  materials: string[];
}

export interface CoverageView {
  year: number;
  enrollments: {
    id: number;
    insutype: string;
    beginDate: string;
    endDate: string;
    status: string;
    personalFen: number;
    fiscalFen: number;
    assistedFen: number;
  }[];
  identities: { code: string; name: string; validFrom: string; validTo: string | null }[];
}

export interface BenefitsView {
  year: number;
  schemes: import('../../domain/selfservice/benefits.ts').YearBenefits[];
  settlements: {
    setlId: string;
    setlDate: string;
    institution: string;
    insutype: string;
    medType: string;
    medfeeSumamt: number;
    fundPaySumamt: number;
    psnCashPay: number;
    status: string;
  }[];
}

export interface PersonMatter {
  id: number;
  receiptNo: string | null;
  typeCode: string;
  typeName: string;
  channel: string;
  state: string;
  appliedOn: string;
  dueOn: string | null;
  completedOn: string | null;
}

export interface PersonMatterDetail {
  matter: PersonMatter & { materials: { name: string; status: string }[] };
  steps: { action: string; to: string; at: string; reason: string | null }[];
  photos: { id: number; material: string; size: number }[];
  rated: boolean;
}
