// Requests and replies of /api/medstaff.
import { z } from 'zod';
import { idParams } from '../../domain/shared/input-schemas.ts';

export { idParams };

export const STAFF_KINDS = { doctor: '医师', pharmacist: '药师', nurse: '护士', technician: '技师' } as const;
export type StaffKind = keyof typeof STAFF_KINDS;
export const QUALIFICATION_NAMES = { normal: '正常', suspended: '暂停', terminated: '终止' } as const;

export const staffBody = z.object({
  fixmedinsCode: z.string().trim().min(1, '请选择定点机构').max(20),
  staffCode: z
    .string()
    .trim()
    .regex(/^[A-Z][0-9A-Z]{5,29}$/, '国家医保医师（药师、护士、技师）代码格式不正确'),
  name: z.string().trim().min(1, '请填写姓名').max(40),
  kind: z.enum(Object.keys(STAFF_KINDS) as [StaffKind, ...StaffKind[]]),
  department: z.string().trim().max(60).default(''),
});
export type StaffBody = z.infer<typeof staffBody>;

export const staffQuery = z.object({
  institution: z.string().max(20).optional(),
  status: z.enum(['normal', 'suspended', 'terminated']).optional(),
  q: z.string().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const importBody = z.object({
  fileName: z.string().max(200),
  /** the xlsx file, base64 */
  content: z.string().min(1).max(12_000_000),
});

/** A registry row as the list and the detail answer it. */
export interface StaffRow {
  id: number;
  fixmedinsCode: string;
  institutionName: string | null;
  staffCode: string;
  name: string;
  kind: StaffKind;
  department: string;
  status: keyof typeof QUALIFICATION_NAMES;
  suspendedUntil: string | null;
  barredUntil: string | null;
  /** in a list: the points of the list's year */
  yearPoints?: number;
}
