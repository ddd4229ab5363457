// Chinese names of the settlement codes a clerk sees: schemes, care types (医疗类别), institution
// levels, charge classes, line reasons and fund codes. The national codes are named once for server
// and web (src/domain/shared/labels.ts), the line reasons by the engine's HIS mapping; unknown codes
// show as themselves.
import { REASON_NAMES } from '../../../../src/domain/his/fields.ts';
import {
  INSUTYPE_NAMES,
  MED_TYPE_NAMES as NATIONAL_MED_TYPE_NAMES,
} from '../../../../src/domain/shared/labels.ts';

export { REASON_NAMES } from '../../../../src/domain/his/fields.ts';
export {
  CHARGE_CLASS_NAMES,
  GENDER_NAMES,
  INSTITUTION_LEVEL_NAMES,
  INSUTYPE_NAMES,
  INSUTYPE_SHORT_NAMES,
  labelOf,
} from '../../../../src/domain/shared/labels.ts';

/** 医疗类别 as the settlement pages and the slip name them: 门慢门特 and 住院 in the clerks' words. */
export const MED_TYPE_NAMES: Record<string, string> = {
  ...NATIONAL_MED_TYPE_NAMES,
  '14': '门慢门特',
  '21': '住院',
};

export const STATUS_NAMES: Record<string, string> = {
  settled: '正常',
  reversed: '已撤销',
  reversal: '撤销记录',
};

export const STATUS_COLORS: Record<string, string> = {
  settled: 'green',
  reversed: 'orange',
  reversal: 'red',
};

/** A line's reasons in Chinese: the server's names where given, else ours, else the code. */
export function reasonLabels(codes: readonly string[], serverNames?: readonly (string | null)[]): string[] {
  const names: Record<string, string> = REASON_NAMES;
  return codes.map((c, i) => serverNames?.[i] ?? names[c] ?? c);
}

/** Options for the care-type filter, in code order. */
export const MED_TYPE_OPTIONS = Object.entries(MED_TYPE_NAMES).map(([value, name]) => ({
  value,
  label: `${name}（${value}）`,
}));

/** The scheme filter: the two schemes the engine settles. */
export const INSUTYPE_OPTIONS = (['310', '390'] as const).map((value) => ({
  value,
  label: `${INSUTYPE_NAMES[value]}（${value}）`,
}));
