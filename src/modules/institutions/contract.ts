// Requests and replies of /api/registry/institutions (the workbench imports the types). The URLs keep
// the registry's prefix the institutions were published under.
import { z } from 'zod';
import { pageQuery } from '../../api/pagination.ts';
import { INSTITUTION_KINDS, type InstitutionKind } from '../../domain/registry/reference-rules.ts';
import { isoDate, nameText } from '../../domain/shared/input-schemas.ts';

const villageCode = z.string().regex(/^\d{12}$/, '村代码应为 12 位数字');
const townshipCode = z.string().regex(/^\d{9}$/, '乡镇代码应为 9 位数字');

/** The qualification filters of the list, each a boolean column. */
export const QUALIFICATION_COLUMNS = {
  specialOutpatient: 'qual_special_outpatient',
  outpatientPooling: 'qual_outpatient_pooling',
  crossProvince: 'qual_cross_province',
} as const;
export type Qualification = keyof typeof QUALIFICATION_COLUMNS;

export const institutionQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(INSTITUTION_KINDS).optional(),
  level: z.coerce.number().int().min(1).max(3).optional(),
  qual: z.enum(Object.keys(QUALIFICATION_COLUMNS) as [Qualification, ...Qualification[]]).optional(),
  townshipCode: townshipCode.optional(),
});

export interface InstitutionFilter {
  q?: string;
  kind?: string;
  level?: number;
  qual?: Qualification;
  /** institutions located in a village of this township */
  townshipCode?: string;
}

export const institutionBody = z.object({
  code: z.string().regex(/^[HP]\d{11}$/, '机构编码应为 H 或 P 加 11 位数字'),
  admdvs: z.string().regex(/^\d{6}$/),
  name: nameText(200, '机构名称'),
  kind: z.enum(INSTITUTION_KINDS),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullish(),
  villageCode: villageCode.nullish(),
  agreementFrom: isoDate,
  agreementTo: isoDate,
  qualSpecialOutpatient: z.boolean().default(false),
  qualOutpatientPooling: z.boolean().default(false),
  qualCrossProvince: z.boolean().default(false),
});

export const codeParams = z.object({ code: z.string().min(1).max(20) });

/** A designated institution as stored and answered. */
export interface InstitutionValues {
  code: string;
  admdvs: string;
  name: string;
  kind: InstitutionKind;
  level: number | null;
  villageCode: string | null;
  agreementFrom: string;
  agreementTo: string;
  qualSpecialOutpatient: boolean;
  qualOutpatientPooling: boolean;
  qualCrossProvince: boolean;
}
