// The 医保目录 add/edit form as plain values. The clerk types the 先行自付 share in percent and the
// price cap in 元; the API takes basis points and fen (both integers, converted by string parsing).
import { isIsoDate } from '../../../../src/domain/registry/enrollment-rules.ts';
import type { CatalogueValues } from '../../../../src/modules/catalogue/contract.ts';
import { fenToYuan, percentToBp, yuanToFen } from '../../lib/format.ts';
import type { FieldErrors } from '../enrollment/enrollment-form.ts';
import type { CatalogueKind } from './labels.ts';
import type { ChargeClass } from '../../../../src/domain/shared/labels.ts';

/** A catalogue item (one version of a national code) as the API returns it. */
export interface CatalogueItem extends CatalogueValues {
  id: number;
}

export interface CatalogueFormValues {
  code?: string | null;
  name?: string | null;
  kind?: CatalogueKind | null;
  chrgitmLv?: ChargeClass | null;
  /** percent as typed, e.g. "10" or "7.5" */
  firstShare?: string | null;
  /** 元 as typed */
  priceCap?: string | null;
  medChrgitmType?: string | null;
  genderLimit?: '1' | '2' | null;
  minAge?: string | null;
  maxAge?: string | null;
  inpatientOnly?: boolean;
  validFrom?: string | null;
  validTo?: string | null;
}

export const CATALOGUE_FIELDS = [
  'code',
  'name',
  'kind',
  'chrgitmLv',
  'firstShare',
  'priceCap',
  'medChrgitmType',
  'genderLimit',
  'minAge',
  'maxAge',
  'inpatientOnly',
  'validFrom',
  'validTo',
] as const;
export type CatalogueField = (typeof CATALOGUE_FIELDS)[number];
export const CATALOGUE_API_TO_FORM: Record<string, CatalogueField> = {
  firstShareBp: 'firstShare',
  priceCapFen: 'priceCap',
};
export const CATALOGUE_FALLBACK: Partial<Record<CatalogueField, string>> = {
  code: '请填写国家编码（最多 50 个字符）',
  name: '请填写名称（最多 200 个字）',
  kind: '请选择目录类别',
  chrgitmLv: '请选择甲乙丙类',
  firstShare: '先行自付比例应为 0–100 的百分数，最多两位小数',
  priceCap: '限价应为大于 0 的金额（元），最多两位小数',
  medChrgitmType: '收费项目类别应为 2 位数字',
  minAge: '年龄限制应为 0–150 的整数',
  maxAge: '年龄限制应为 0–150 的整数',
  validFrom: '生效日期无效',
  validTo: '失效日期无效',
};

const blank = (s: string | null | undefined) => !s || s.trim() === '';

/** 750 bp → "7.5" (for the form). */
export function bpToPercentText(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const rest = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : String(whole);
}

const age = (s: string | null | undefined): number | null | 'bad' => {
  if (blank(s)) return null;
  const t = (s as string).trim();
  return /^\d{1,3}$/.test(t) && Number(t) <= 150 ? Number(t) : 'bad';
};

export function validateCatalogue(v: CatalogueFormValues): FieldErrors<CatalogueField> {
  const e: FieldErrors<CatalogueField> = {};
  const code = (v.code ?? '').trim();
  if (!code) e.code = '请填写国家编码';
  else if (code.length > 50) e.code = '国家编码最多 50 个字符';
  const name = (v.name ?? '').trim();
  if (!name) e.name = '请填写名称';
  else if (name.length > 200) e.name = '名称最多 200 个字';
  if (!v.kind) e.kind = '请选择目录类别';
  if (!v.chrgitmLv) e.chrgitmLv = '请选择甲乙丙类';
  if (!blank(v.firstShare)) {
    if (v.chrgitmLv !== '02') e.firstShare = '只有乙类项目有先行自付比例';
    else if (percentToBp(v.firstShare as string) === null) {
      e.firstShare = '先行自付比例应为 0–100 的百分数，最多两位小数';
    }
  }
  if (!blank(v.priceCap)) {
    const fen = yuanToFen(v.priceCap as string);
    if (fen === null || fen <= 0) e.priceCap = '限价应为大于 0 的金额（元），最多两位小数';
  }
  if (!/^\d{2}$/.test(v.medChrgitmType ?? '')) e.medChrgitmType = '请选择收费项目类别';
  const min = age(v.minAge);
  const max = age(v.maxAge);
  if (min === 'bad') e.minAge = '年龄限制应为 0–150 的整数';
  if (max === 'bad') e.maxAge = '年龄限制应为 0–150 的整数';
  else if (typeof min === 'number' && typeof max === 'number' && min > max) {
    e.maxAge = `最小年龄 ${min} 大于最大年龄 ${max}`;
  }
  if (!isIsoDate(v.validFrom)) e.validFrom = '生效日期无效';
  if (!blank(v.validTo) && (!isIsoDate(v.validTo) || (isIsoDate(v.validFrom) && v.validTo < v.validFrom))) {
    e.validTo = '失效日期不能早于生效日期';
  }
  return e;
}

/** The API body; call only on values that validate. */
export function toCatalogueBody(v: CatalogueFormValues) {
  const num = (s: string | null | undefined) => (blank(s) ? null : Number((s as string).trim()));
  return {
    code: (v.code ?? '').trim(),
    name: (v.name ?? '').trim(),
    kind: v.kind as CatalogueKind,
    chrgitmLv: v.chrgitmLv as ChargeClass,
    firstShareBp: blank(v.firstShare) ? null : percentToBp(v.firstShare as string),
    priceCapFen: blank(v.priceCap) ? null : yuanToFen(v.priceCap as string),
    medChrgitmType: v.medChrgitmType as string,
    genderLimit: v.genderLimit || null,
    minAge: num(v.minAge),
    maxAge: num(v.maxAge),
    inpatientOnly: !!v.inpatientOnly,
    validFrom: v.validFrom as string,
    validTo: blank(v.validTo) ? null : (v.validTo as string),
  };
}

export function fromCatalogueItem(i: CatalogueItem): CatalogueFormValues {
  return {
    code: i.code,
    name: i.name,
    kind: i.kind,
    chrgitmLv: i.chrgitmLv,
    firstShare: i.firstShareBp === null ? '' : bpToPercentText(i.firstShareBp),
    priceCap: i.priceCapFen === null ? '' : fenToYuan(i.priceCapFen, { grouping: false }),
    medChrgitmType: i.medChrgitmType,
    genderLimit: i.genderLimit,
    minAge: i.minAge === null ? '' : String(i.minAge),
    maxAge: i.maxAge === null ? '' : String(i.maxAge),
    inpatientOnly: i.inpatientOnly,
    validFrom: i.validFrom,
    validTo: i.validTo ?? '',
  };
}

export const newCatalogueValues = (validFrom: string): CatalogueFormValues => ({
  kind: 'drug',
  chrgitmLv: '01',
  medChrgitmType: '09',
  inpatientOnly: false,
  validFrom,
});
