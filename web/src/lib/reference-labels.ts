// Chinese labels for the 定点机构 and 医保目录 codes, and the small display rules built on them
// (restrictions, agreement state, validity). Unknown codes are shown as themselves. Levels and
// 甲乙丙类 are national codes named once for server and web (src/domain/shared/labels.ts).
import { chinaDay } from '../../../src/domain/shared/calendar.ts';
import type { InstitutionKind } from '../../../src/domain/registry/reference-rules.ts';
import { labelOf } from '../../../src/domain/shared/labels.ts';
import type { Locations } from '../../../src/modules/registry/contract.ts';

export {
  INSTITUTION_KINDS,
  type InstitutionKind,
} from '../../../src/domain/registry/reference-rules.ts';
export {
  CHARGE_CLASS_NAMES,
  CHARGE_CLASSES,
  type ChargeClass,
  INSTITUTION_LEVEL_NAMES,
  labelOf,
} from '../../../src/domain/shared/labels.ts';
export type { Locations };

export const INSTITUTION_KIND_LABELS: Record<InstitutionKind, string> = {
  hospital: '医院',
  township_health_centre: '乡镇卫生院',
  village_clinic: '村卫生室',
  pharmacy: '定点药店',
};

/** Qualification filter value → the row's boolean and its label. */
export const QUALIFICATIONS = [
  { value: 'specialOutpatient', prop: 'qualSpecialOutpatient', label: '门诊慢特病' },
  { value: 'outpatientPooling', prop: 'qualOutpatientPooling', label: '门诊统筹' },
  { value: 'crossProvince', prop: 'qualCrossProvince', label: '跨省直接结算' },
] as const;
export type Qualification = (typeof QUALIFICATIONS)[number]['value'];
export type QualificationProp = (typeof QUALIFICATIONS)[number]['prop'];

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

export type AgreementState = 'pending' | 'active' | 'expired';
export const AGREEMENT_STATE_LABELS: Record<AgreementState, string> = {
  pending: '协议未生效',
  active: '协议有效',
  expired: '协议已到期',
};

/** Whether an institution's agreement (inclusive dates) is in force on `today` (YYYY-MM-DD). */
export function agreementState(from: string, to: string, today: string): AgreementState {
  if (today < from) return 'pending';
  if (today > to) return 'expired';
  return 'active';
}

/** Today in China as YYYY-MM-DD, whatever the browser's time zone. */
export const chinaToday = (now: Date = new Date()): string => chinaDay(now);

/** village code → "城关镇 人民路社区", from /api/registry/locations. */
export function placeNames(l: Locations | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of l?.townships ?? []) for (const v of t.villages) out.set(v.code, `${t.name} ${v.name}`);
  return out;
}
