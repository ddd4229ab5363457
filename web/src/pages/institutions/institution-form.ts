// The 定点机构 add/edit form as plain values: checks with the API's messages (request schema and
// reference rules) and conversion to the API body.
import { isIsoDate } from '../../../../src/domain/registry/enrollment-rules.ts';
import type { InstitutionValues } from '../../../../src/modules/institutions/contract.ts';
import type { FieldErrors } from '../enrollment/enrollment-form.ts';
import type { InstitutionKind } from './labels.ts';

/** An institution as the API returns and takes it. */
export type Institution = InstitutionValues;

export interface InstitutionFormValues {
  code?: string | null;
  admdvs?: string | null;
  name?: string | null;
  kind?: InstitutionKind | null;
  level?: number | null;
  villageCode?: string | null;
  agreementFrom?: string | null;
  agreementTo?: string | null;
  qualSpecialOutpatient?: boolean;
  qualOutpatientPooling?: boolean;
  qualCrossProvince?: boolean;
}

export const INSTITUTION_FIELDS = [
  'code',
  'admdvs',
  'name',
  'kind',
  'level',
  'villageCode',
  'agreementFrom',
  'agreementTo',
  'qualSpecialOutpatient',
  'qualOutpatientPooling',
  'qualCrossProvince',
] as const;
export type InstitutionField = (typeof INSTITUTION_FIELDS)[number];

export const INSTITUTION_FALLBACK: Partial<Record<InstitutionField, string>> = {
  code: '机构编码应为 H 或 P 加 11 位数字',
  admdvs: '医保区划应为 6 位数字',
  name: '请填写机构名称（最多 200 个字）',
  kind: '请选择机构类型',
  level: '医疗机构等级应为 1、2 或 3',
  villageCode: '村代码应为 12 位数字',
  agreementFrom: '协议开始日期无效',
  agreementTo: '协议截止日期无效',
};

export function validateInstitution(v: InstitutionFormValues): FieldErrors<InstitutionField> {
  const e: FieldErrors<InstitutionField> = {};
  const code = (v.code ?? '').trim();
  const pharmacy = v.kind === 'pharmacy';
  if (!/^[HP]\d{11}$/.test(code)) e.code = '机构编码应为 H 或 P 加 11 位数字';
  else if (v.kind && pharmacy !== code.startsWith('P')) {
    e.code = pharmacy ? '定点药店编码应以 P 开头' : '定点医疗机构编码应以 H 开头';
  }
  if (!/^\d{6}$/.test(v.admdvs ?? '')) e.admdvs = '医保区划应为 6 位数字';
  const name = (v.name ?? '').trim();
  if (!name) e.name = '请填写机构名称';
  else if (name.length > 200) e.name = '机构名称最多 200 个字';
  if (!v.kind) e.kind = '请选择机构类型';
  const level = v.level ?? null;
  if (v.kind === 'hospital' && level === null) e.level = '医院须填写等级';
  else if (pharmacy && level !== null) e.level = '定点药店没有医疗机构等级';
  if (v.villageCode && !/^\d{12}$/.test(v.villageCode)) e.villageCode = '村代码应为 12 位数字';
  if (!isIsoDate(v.agreementFrom)) e.agreementFrom = '协议开始日期无效';
  if (!isIsoDate(v.agreementTo)) e.agreementTo = '协议截止日期无效';
  else if (isIsoDate(v.agreementFrom) && v.agreementTo < v.agreementFrom) {
    e.agreementTo = '协议截止日期不能早于开始日期';
  }
  return e;
}

/** POST body (with code) or PUT body (code in the path). */
export function toInstitutionBody(v: InstitutionFormValues, forUpdate: boolean) {
  const body = {
    code: (v.code ?? '').trim(),
    admdvs: v.admdvs as string,
    name: (v.name ?? '').trim(),
    kind: v.kind as InstitutionKind,
    level: v.kind === 'pharmacy' ? null : (v.level ?? null),
    villageCode: v.villageCode || null,
    agreementFrom: v.agreementFrom as string,
    agreementTo: v.agreementTo as string,
    qualSpecialOutpatient: !!v.qualSpecialOutpatient,
    qualOutpatientPooling: !!v.qualOutpatientPooling,
    qualCrossProvince: !!v.qualCrossProvince,
  };
  if (!forUpdate) return body;
  const { code: _code, ...rest } = body;
  return rest;
}

export const fromInstitution = (i: Institution): InstitutionFormValues => ({ ...i });
