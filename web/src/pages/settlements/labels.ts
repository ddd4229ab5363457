// Chinese names of the settlement codes a clerk sees: schemes, care types (医疗类别), institution
// levels, charge classes, line reasons and fund codes. Unknown codes show as themselves.

export const INSUTYPE_NAMES: Record<string, string> = {
  '390': '城乡居民基本医疗保险',
  '310': '职工基本医疗保险',
};

/** Short scheme names for table cells. */
export const INSUTYPE_SHORT: Record<string, string> = { '390': '居民医保', '310': '职工医保' };

export const MED_TYPE_NAMES: Record<string, string> = {
  '11': '普通门诊',
  '12': '门诊挂号',
  '13': '急诊',
  '14': '门慢门特',
  '21': '住院',
  '22': '外伤住院',
  '23': '转外诊治住院',
  '41': '定点药店购药',
  '51': '生育门诊',
  '52': '生育住院',
};

export const LEVEL_NAMES: Record<string, string> = { '1': '一级', '2': '二级', '3': '三级' };

export const CHARGE_CLASS_NAMES: Record<string, string> = { '01': '甲类', '02': '乙类', '03': '丙类' };

export const GENDER_NAMES: Record<string, string> = { '1': '男', '2': '女' };

/** LineReason codes of the engine (src/domain/his/fields.ts REASON_NAMES says the same). */
export const REASON_NAMES: Record<string, string> = {
  CLASS_C: '丙类项目全自费',
  NOT_IN_CATALOGUE: '目录外项目全自费',
  OVER_PRICE_CAP: '单价超出支付标准',
  CLASS_B_FIRST_SHARE: '乙类先行自付',
  GENDER_RESTRICTED: '限性别使用',
  AGE_RESTRICTED: '限年龄使用',
  INPATIENT_ONLY: '限住院使用',
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

export const label = (names: Record<string, string>, code: string | number | null | undefined): string =>
  code === null || code === undefined || code === '' ? '—' : (names[String(code)] ?? String(code));

/** A line's reasons in Chinese: the server's names where given, else ours, else the code. */
export function reasonLabels(codes: readonly string[], serverNames?: readonly (string | null)[]): string[] {
  return codes.map((c, i) => serverNames?.[i] ?? REASON_NAMES[c] ?? c);
}

/** Options for the care-type filter, in code order. */
export const MED_TYPE_OPTIONS = Object.entries(MED_TYPE_NAMES).map(([value, name]) => ({
  value,
  label: `${name}（${value}）`,
}));

export const INSUTYPE_OPTIONS = Object.entries(INSUTYPE_NAMES).map(([value, name]) => ({
  value,
  label: `${name}（${value}）`,
}));
