// The four ledgers partner departments and the counter send, and the column headers each one
// carries. Headers are matched after normalisation (spaces dropped, full-width brackets made
// half-width, a trailing * or "(元)" ignored), so 公民身份号码 / 身份证号码 / 证件号码 all land on
// the ID column. Extra columns (序号, 备注 …) are ignored.

export const IMPORT_KINDS = ['persons', 'identities', 'enrollments', 'status'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_MODES = ['all_or_nothing', 'skip_bad_rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export interface ColumnSpec {
  key: string;
  /** the header written in templates and docs */
  header: string;
  synonyms: readonly string[];
  required: boolean;
  /** what goes in the column (docs, template notes) */
  hint: string;
}

const CERTNO: ColumnSpec = {
  key: 'certno',
  header: '身份证号',
  synonyms: ['公民身份号码', '身份证号码', '证件号码', '证件号', '身份证', '居民身份证号', '身份证件号码'],
  required: true,
  hint: '18位居民身份证号，请设为文本格式，避免 Excel 丢失末尾数字',
};
const NAME: ColumnSpec = {
  key: 'name',
  header: '姓名',
  synonyms: ['人员姓名', '参保人姓名', '参保人', '对象姓名', '户籍姓名'],
  required: true,
  hint: '须与系统登记的姓名一致（新登记人员除外）',
};

const text = (key: string, header: string, synonyms: string[], required: boolean, hint: string) => ({
  key,
  header,
  synonyms,
  required,
  hint,
});

export const KIND_COLUMNS: Record<ImportKind, readonly ColumnSpec[]> = {
  persons: [
    CERTNO,
    NAME,
    text('gender', '性别', [], false, '男/女，可空；须与身份证号一致'),
    text(
      'phone',
      '联系电话',
      ['手机号', '手机号码', '电话', '电话号码', '联系方式'],
      false,
      '手机或座机，可空',
    ),
    text(
      'villageCode',
      '村(社区)代码',
      ['村代码', '村居代码', '社区代码', '行政村代码', '村(居)代码'],
      false,
      '12位村(社区)代码，可空；新户必填',
    ),
    text('householdNo', '户编号', ['户号', '家庭编号'], false, '可空；不存在的户将新建'),
    text(
      'relation',
      '与户主关系',
      ['关系', '与户主的关系'],
      false,
      '户主/配偶/子女/父母/其他；填写户编号时必填',
    ),
  ],
  identities: [
    CERTNO,
    NAME,
    text(
      'identity',
      '身份类别',
      ['人员类别', '身份类型', '特殊身份', '对象类别', '人员身份', '救助类别'],
      true,
      '低保、特困、脱贫人口、防返贫监测对象、低保边缘、重度残疾 …',
    ),
    text(
      'validFrom',
      '起始日期',
      ['开始日期', '认定日期', '享受起始日期', '纳入日期', '有效期起'],
      true,
      'YYYY-MM-DD、YYYY/MM/DD、YYYYMMDD 或 Excel 日期',
    ),
    text(
      'validTo',
      '终止日期',
      ['结束日期', '截止日期', '退出日期', '有效期止'],
      false,
      '可空（仍在享受）；已有身份留空表示不改动',
    ),
    text(
      'sourceDept',
      '来源部门',
      ['认定部门', '数据来源', '来源单位'],
      false,
      '民政、乡村振兴 …；空则取身份类别的主管部门',
    ),
  ],
  enrollments: [
    CERTNO,
    NAME,
    text(
      'insutype',
      '险种',
      ['险种类型', '参保险种', '险种代码'],
      true,
      '390 城乡居民 / 310 职工 / 510 生育，或其名称',
    ),
    text('year', '年度', ['参保年度', '缴费年度'], false, '如 2026；与起止日期二选一'),
    text(
      'beginDate',
      '起始日期',
      ['开始日期', '参保开始日期', '参保日期', '缴费起始日期'],
      false,
      '空则取年度的1月1日',
    ),
    text('endDate', '终止日期', ['结束日期', '参保终止日期', '缴费终止日期'], false, '空则取当年12月31日'),
    text('personal', '个人缴费(元)', ['个人缴费', '个人缴费金额', '个人缴费额'], false, '元，最多两位小数'),
    text('fiscal', '财政补助(元)', ['财政补助', '财政补助金额', '财政补贴'], false, '元，最多两位小数'),
    text('assisted', '资助金额(元)', ['资助金额', '资助参保金额', '资助参保'], false, '元，最多两位小数'),
    text(
      'assistedIdentity',
      '资助身份',
      ['资助类别', '资助对象类别', '资助类型'],
      false,
      '有资助金额时必填，如 低保',
    ),
    text('employerName', '单位名称', ['工作单位', '参保单位', '用人单位'], false, '职工医保(310)必填'),
  ],
  status: [
    CERTNO,
    NAME,
    text('change', '变更类型', ['变更事项', '状态', '人员状态', '变动类型'], true, '死亡 / 服刑 / 迁出'),
    text(
      'effectiveDate',
      '生效日期',
      ['变更日期', '死亡日期', '入狱日期', '服刑日期', '迁出日期', '发生日期'],
      true,
      '不得晚于今天',
    ),
    text('note', '备注', ['说明'], false, '可空'),
  ],
};

/** Groups of optional columns of which at least one must be present. */
export const KIND_ONE_OF: Partial<Record<ImportKind, readonly (readonly string[])[]>> = {
  enrollments: [['year', 'beginDate']],
};

export const KIND_NAMES: Record<ImportKind, string> = {
  persons: '新参保人员登记',
  identities: '特殊人员身份名单（民政、乡村振兴）',
  enrollments: '参保缴费名单',
  status: '人员状态变更（公安：死亡、服刑、迁出）',
};

export const MODE_NAMES: Record<ImportMode, string> = {
  all_or_nothing: '全部成功才写入',
  skip_bad_rows: '跳过错误行',
};

export function isImportKind(v: string): v is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(v);
}
