// Chinese labels for the 定点机构 codes, and the small display rules built on them (agreement
// state, place names). Unknown codes are shown as themselves. Levels are national codes named once
// for server and web (src/domain/shared/labels.ts).
import type { InstitutionKind } from '../../../../src/domain/registry/reference-rules.ts';
import type { Locations } from '../../../../src/modules/registry/contract.ts';

export {
  INSTITUTION_KINDS,
  type InstitutionKind,
} from '../../../../src/domain/registry/reference-rules.ts';
export { INSTITUTION_LEVEL_NAMES, labelOf } from '../../../../src/domain/shared/labels.ts';
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

/** village code → "城关镇 人民路社区", from /api/registry/locations. */
export function placeNames(l: Locations | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of l?.townships ?? []) for (const v of t.villages) out.set(v.code, `${t.name} ${v.name}`);
  return out;
}
