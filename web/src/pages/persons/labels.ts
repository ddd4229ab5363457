// Chinese names for the codes the registry and settlement APIs return. An unknown code shows as
// itself so a new value on the server never renders as an empty cell.

export const PERSON_STATUS: Record<string, string> = {
  normal: '正常',
  deceased: '死亡',
  imprisoned: '服刑',
  moved_out: '迁出',
};

/** antd Tag colours per status: normal is the quiet default. */
export const PERSON_STATUS_COLOR: Record<string, string | undefined> = {
  normal: 'green',
  deceased: 'default',
  imprisoned: 'orange',
  moved_out: 'blue',
};

export const INSUTYPE: Record<string, string> = {
  '310': '职工基本医疗保险',
  '390': '城乡居民基本医疗保险',
  '510': '生育保险',
};

export const INSUTYPE_SHORT: Record<string, string> = {
  '310': '职工医保',
  '390': '居民医保',
  '510': '生育保险',
};

/** 医疗类别 (national med_type). */
export const MED_TYPE: Record<string, string> = {
  '11': '普通门诊',
  '12': '门诊挂号',
  '13': '急诊',
  '14': '门诊慢特病',
  '21': '普通住院',
  '22': '外伤住院',
  '23': '转外诊治住院',
  '41': '定点药店购药',
  '51': '生育门诊',
  '52': '生育住院',
};

export const SETTLEMENT_STATUS: Record<string, string> = {
  settled: '已结算',
  reversed: '已冲正',
  reversal: '冲正记录',
};

export const ENROLLMENT_STATUS: Record<string, string> = {
  active: '参保中',
  stopped: '已停保',
};

export const GENDER: Record<string, string> = { '1': '男', '2': '女' };

export const label = (names: Record<string, string>, code: string | null | undefined): string =>
  code === null || code === undefined || code === '' ? '—' : (names[code] ?? code);

/** Identity codes → their names from /api/registry/identity-types (unknown codes as themselves). */
export function identityNames(codes: readonly string[], types: readonly { code: string; name: string }[]) {
  const byCode = new Map(types.map((t) => [t.code, t.name]));
  return codes.map((c) => byCode.get(c) ?? c);
}
