// Chinese labels for the 医保目录 codes, and the small display rules built on them (restrictions,
// validity). Unknown codes are shown as themselves. 甲乙丙类 are national codes named once for
// server and web (src/domain/shared/labels.ts).
import { labelOf } from '../../../../src/domain/shared/labels.ts';

export {
  CHARGE_CLASS_NAMES,
  CHARGE_CLASSES,
  type ChargeClass,
  labelOf,
} from '../../../../src/domain/shared/labels.ts';

export const CATALOGUE_KINDS = ['drug', 'service', 'material'] as const;
export type CatalogueKind = (typeof CATALOGUE_KINDS)[number];
export const CATALOGUE_KIND_LABELS: Record<CatalogueKind, string> = {
  drug: '药品',
  service: '医疗服务项目',
  material: '医用耗材',
};

/** 医疗收费项目类别 (national med_chrgitm_type). */
export const MED_CHRGITM_TYPE_LABELS: Record<string, string> = {
  '01': '床位费',
  '02': '诊察费',
  '03': '检查费',
  '04': '化验费',
  '05': '治疗费',
  '06': '手术费',
  '07': '护理费',
  '08': '卫生材料费',
  '09': '西药费',
  '10': '中药饮片费',
  '11': '中成药费',
  '12': '一般诊疗费',
  '13': '挂号费',
  '14': '其他费',
};

export const GENDER_LIMIT_LABELS: Record<string, string> = { '1': '限男性', '2': '限女性' };

export interface Restricted {
  genderLimit: string | null;
  minAge: number | null;
  maxAge: number | null;
  inpatientOnly: boolean;
}

/** The restrictions of a catalogue item in words, e.g. ['限女性', '18 岁及以上', '限住院']. */
export function restrictionsOf(i: Restricted): string[] {
  const out: string[] = [];
  if (i.genderLimit) out.push(labelOf(GENDER_LIMIT_LABELS, i.genderLimit));
  if (i.minAge !== null && i.maxAge !== null) out.push(`${i.minAge}–${i.maxAge} 岁`);
  else if (i.minAge !== null) out.push(`${i.minAge} 岁及以上`);
  else if (i.maxAge !== null) out.push(`${i.maxAge} 岁及以下`);
  if (i.inpatientOnly) out.push('限住院');
  return out;
}

/** "2025-01-01 起" or "2025-01-01 至 2025-12-31". */
export function validityText(from: string, to: string | null): string {
  return to ? `${from} 至 ${to}` : `${from} 起`;
}
