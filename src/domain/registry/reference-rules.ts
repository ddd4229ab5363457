// Designated institutions (两定机构) and catalogue items (医保目录): consistency checks beyond field
// formats. Institution codes are the national fixmedins_code: H + 11 digits for medical
// institutions, P + 11 digits for pharmacies. A hospital needs its grade (一/二/三级) because
// deductibles and ratios depend on it; a pharmacy has none. A class B item's first self-paid share
// (先行自付) is in basis points and only meaningful for class B.
import { type AppError, badRequest } from '../shared/errors.ts';
import { isIsoDate } from './enrollment-rules.ts';

export const INSTITUTION_KINDS = [
  'hospital',
  'township_health_centre',
  'village_clinic',
  'pharmacy',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export interface InstitutionInput {
  code: string;
  kind: InstitutionKind;
  level: number | null;
  agreementFrom: string;
  agreementTo: string;
}

const bad = (code: string, message: string, field: string) => badRequest(code, message, { field });

export function checkInstitution(i: InstitutionInput): AppError | null {
  if (!/^[HP]\d{11}$/.test(i.code)) {
    return bad('INSTITUTION_CODE_FORMAT', `机构编码 ${i.code} 格式不正确：应为 H 或 P 加 11 位数字`, 'code');
  }
  const pharmacy = i.kind === 'pharmacy';
  if (pharmacy !== i.code.startsWith('P')) {
    return bad(
      'INSTITUTION_CODE_FORMAT',
      pharmacy ? '定点药店编码应以 P 开头' : '定点医疗机构编码应以 H 开头',
      'code',
    );
  }
  if (i.kind === 'hospital' && i.level === null)
    return bad('INSTITUTION_LEVEL_REQUIRED', '医院须填写等级', 'level');
  if (pharmacy && i.level !== null)
    return bad('INSTITUTION_LEVEL_INVALID', '定点药店没有医疗机构等级', 'level');
  if (i.level !== null && ![1, 2, 3].includes(i.level)) {
    return bad('INSTITUTION_LEVEL_INVALID', '医疗机构等级应为 1、2 或 3', 'level');
  }
  if (!isIsoDate(i.agreementFrom)) return bad('PERIOD_INVALID', '协议开始日期无效', 'agreementFrom');
  if (!isIsoDate(i.agreementTo) || i.agreementTo < i.agreementFrom) {
    return bad('PERIOD_INVALID', '协议截止日期不能早于开始日期', 'agreementTo');
  }
  return null;
}

export interface CatalogueInput {
  chrgitmLv: '01' | '02' | '03';
  firstShareBp: number | null;
  priceCapFen: number | null;
  genderLimit: '1' | '2' | null;
  minAge: number | null;
  maxAge: number | null;
  validFrom: string;
  validTo: string | null;
}

export function checkCatalogueItem(c: CatalogueInput): AppError | null {
  if (c.firstShareBp !== null) {
    if (c.chrgitmLv !== '02')
      return bad('CATALOGUE_FIRST_SHARE', '只有乙类项目有先行自付比例', 'firstShareBp');
    if (!Number.isInteger(c.firstShareBp) || c.firstShareBp < 0 || c.firstShareBp > 10000) {
      return bad('CATALOGUE_FIRST_SHARE', '先行自付比例应为 0–10000 个基点', 'firstShareBp');
    }
  }
  if (c.priceCapFen !== null && (!Number.isSafeInteger(c.priceCapFen) || c.priceCapFen <= 0)) {
    return bad('CATALOGUE_PRICE_CAP', '限价应为大于 0 的整数（分）', 'priceCapFen');
  }
  for (const [v, field] of [
    [c.minAge, 'minAge'],
    [c.maxAge, 'maxAge'],
  ] as const) {
    if (v !== null && (!Number.isInteger(v) || v < 0 || v > 150)) {
      return bad('CATALOGUE_AGE_LIMIT', '年龄限制应为 0–150 的整数', field);
    }
  }
  if (c.minAge !== null && c.maxAge !== null && c.minAge > c.maxAge) {
    return bad('CATALOGUE_AGE_LIMIT', `最小年龄 ${c.minAge} 大于最大年龄 ${c.maxAge}`, 'maxAge');
  }
  if (!isIsoDate(c.validFrom)) return bad('PERIOD_INVALID', '生效日期无效', 'validFrom');
  if (c.validTo !== null && (!isIsoDate(c.validTo) || c.validTo < c.validFrom)) {
    return bad('PERIOD_INVALID', '失效日期不能早于生效日期', 'validTo');
  }
  return null;
}
