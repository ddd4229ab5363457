// Chinese names of the national and registry codes that both the server (reports, messages) and
// the workbench show: 险种 (insutype), 医疗类别 (med_type), 性别, person and enrollment status,
// institution level and 甲乙丙类. Pure data, so the web imports this very file.

// residents first: the county's main scheme (the order of pickers); the lists live in
// domain/national/codes.ts
export {
  CHARGE_CLASS_NAMES,
  CHARGE_CLASSES,
  type ChargeClass,
  ENROLLED_INSUTYPES as INSUTYPES,
  type EnrolledInsutype as Insutype,
  GENDER_NAMES,
  MED_TYPE_NAMES,
} from '../national/codes.ts';
import {
  type EnrolledInsutype as Insutype,
  INSUTYPE_NAMES as NATIONAL_INSUTYPE_NAMES,
} from '../national/codes.ts';

export const INSUTYPE_NAMES: Record<Insutype, string> = {
  '390': NATIONAL_INSUTYPE_NAMES['390'],
  '310': NATIONAL_INSUTYPE_NAMES['310'],
  '510': NATIONAL_INSUTYPE_NAMES['510'],
};

/** Short scheme names for table cells. */
export const INSUTYPE_SHORT_NAMES: Record<Insutype, string> = {
  '390': '居民医保',
  '310': '职工医保',
  '510': '生育保险',
};

export const PERSON_STATUS_NAMES: Record<'normal' | 'deceased' | 'imprisoned' | 'moved_out', string> = {
  normal: '正常',
  deceased: '死亡',
  imprisoned: '服刑',
  moved_out: '迁出',
};

/** 特殊人员身份 (identity_type.code; the same names as the table seeded in migration 002). */
export const IDENTITY_NAMES: Record<string, string> = {
  tekun: '特困',
  dibao: '低保',
  tuopin: '脱贫人口',
  jiance: '防返贫监测对象',
  dibao_bianyuan: '低保边缘',
  zhongcan: '重度残疾',
  shedu: '涉毒人员',
  tuiyi: '退役军人',
  gueryouer: '孤儿和事实无人抚养儿童',
  youfu: '优抚对象',
};

/**
 * A code's name for a sentence shown to people: an unknown code is never shown as itself (an
 * internal code word means nothing to a clerk or a citizen), but as the fallback given.
 */
export function nameOf(
  names: Record<string, string>,
  code: string | null | undefined,
  fallback: string,
): string {
  return (code && names[code]) || fallback;
}

export const ENROLLMENT_STATUS_NAMES: Record<string, string> = { active: '参保中', stopped: '已停保' };

/** 医疗机构等级 (institution.level 1–3). */
export const INSTITUTION_LEVEL_NAMES: Record<string, string> = { '1': '一级', '2': '二级', '3': '三级' };

/** A code's name; an unknown code shows as itself (a new value never renders as an empty cell), none as —. */
export function labelOf(names: Record<string, string>, code: string | number | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  return names[String(code)] ?? String(code);
}
