// Chinese labels for the codes the 参保登记 page shows (险种, 状态, 性别). A code without a label is
// shown as itself rather than hidden, so a new code in the data is still visible.

export const INSUTYPES = ['390', '310', '510'] as const;
export type Insutype = (typeof INSUTYPES)[number];

export const INSUTYPE_LABELS: Record<Insutype, string> = {
  '310': '职工基本医疗保险',
  '390': '城乡居民基本医疗保险',
  '510': '生育保险',
};

/** Short names for table cells. */
export const INSUTYPE_SHORT: Record<Insutype, string> = {
  '310': '职工医保',
  '390': '居民医保',
  '510': '生育保险',
};

export const ENROLLMENT_STATUS_LABELS: Record<string, string> = { active: '参保中', stopped: '已停保' };

export const PERSON_STATUS_LABELS: Record<string, string> = {
  normal: '正常',
  deceased: '死亡',
  imprisoned: '服刑',
  moved_out: '迁出',
};

export const GENDER_LABELS: Record<string, string> = { '1': '男', '2': '女' };

export { labelOf } from '../reference/reference-labels.ts';

export const insutypeOptions = (short = false) =>
  INSUTYPES.map((c) => ({ value: c, label: `${c} ${(short ? INSUTYPE_SHORT : INSUTYPE_LABELS)[c]}` }));
