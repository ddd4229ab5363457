// The rule templates of fund supervision (智能监管规则): what each checks, at which grain, with
// which parameters. A rule is a template with its parameters, stored as data (supervision_rule);
// the knowledge points a template reads per item (indications, pairs, quantity limits …) are data
// too (supervision_knowledge). Grains:
//   line        one fee line against its visit, person, institution and catalogue entry
//   visit       a visit's lines together (pairs, bed days, surgeries)
//   person      a person's visits across visits and institutions (split admission, frequency, overlap)
//   institution an institution's ratio indicators against the county, and its stock (进销存)
// Classes follow the national rule library's groups (supervision.md).

export const GRAINS = ['line', 'visit', 'person', 'institution'] as const;
export type Grain = (typeof GRAINS)[number];
export const RESULT_TYPES = ['certain', 'suspect'] as const;
export type ResultType = (typeof RESULT_TYPES)[number];
export const STAGES = ['before', 'during', 'after'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_NAMES: Record<Stage, string> = { before: '事前', during: '事中', after: '事后' };

export interface Template {
  code: string;
  name: string;
  nationalClass: string;
  grain: Grain;
  resultType: ResultType;
  stages: readonly Stage[];
  severity: 1 | 2 | 3;
  /** default parameters; a rule may override them */
  params: Readonly<Record<string, number | string | string[]>>;
  /** the knowledge points the template reads per item, if any */
  knowledge?: 'indication' | 'scheme' | 'level' | 'quantity' | 'course' | 'pair';
  description: string;
}

const ALL: readonly Stage[] = ['before', 'during', 'after'];
const AFTER: readonly Stage[] = ['after'];

export const TEMPLATES: readonly Template[] = [
  {
    code: 'GENDER',
    name: '限性别用药（诊疗）',
    nationalClass: '临床规范类',
    grain: 'line',
    resultType: 'certain',
    stages: ALL,
    severity: 2,
    params: {},
    description: '项目限定性别与参保人性别不符',
  },
  {
    code: 'AGE',
    name: '限年龄用药（诊疗）',
    nationalClass: '临床规范类',
    grain: 'line',
    resultType: 'certain',
    stages: ALL,
    severity: 2,
    params: {},
    description: '参保人年龄超出项目限定年龄',
  },
  {
    code: 'SCHEME',
    name: '限险种支付',
    nationalClass: '医保政策类',
    grain: 'line',
    resultType: 'certain',
    stages: ALL,
    severity: 2,
    params: {},
    knowledge: 'scheme',
    description: '项目限定险种与就诊险种不符',
  },
  {
    code: 'CARE_MODE',
    name: '限住院使用',
    nationalClass: '医保政策类',
    grain: 'line',
    resultType: 'certain',
    stages: ALL,
    severity: 2,
    params: {},
    description: '限住院使用的项目在门诊收费',
  },
  {
    code: 'INSTITUTION_LEVEL',
    name: '限医疗机构等级',
    nationalClass: '医保政策类',
    grain: 'line',
    resultType: 'certain',
    stages: ALL,
    severity: 2,
    params: {},
    knowledge: 'level',
    description: '项目限定的医疗机构等级高于就诊机构',
  },
  {
    code: 'INDICATION',
    name: '限适应症用药',
    nationalClass: '临床规范类',
    grain: 'line',
    resultType: 'suspect',
    stages: ALL,
    severity: 2,
    params: {},
    knowledge: 'indication',
    description: '诊断不在项目限定的适应症之内',
  },
  {
    code: 'PRICE_CAP',
    name: '超医保支付标准',
    nationalClass: '医保政策类',
    grain: 'line',
    resultType: 'certain',
    stages: ALL,
    severity: 1,
    params: {},
    description: '单价高于医保支付标准',
  },
  {
    code: 'FEE_OUTSIDE_STAY',
    name: '费用发生时间不在住院期间',
    nationalClass: '医保政策类',
    grain: 'line',
    resultType: 'certain',
    stages: ['during', 'after'],
    severity: 2,
    params: {},
    description: '费用发生日期早于入院或晚于出院',
  },
  {
    code: 'QUANTITY',
    name: '超量开药（单次）',
    nationalClass: '临床规范类',
    grain: 'line',
    resultType: 'suspect',
    stages: ALL,
    severity: 2,
    params: {},
    knowledge: 'quantity',
    description: '单条明细数量超过项目单次限量',
  },
  {
    code: 'COURSE',
    name: '超疗程用药',
    nationalClass: '临床规范类',
    grain: 'line',
    resultType: 'suspect',
    stages: ALL,
    severity: 2,
    params: {},
    knowledge: 'course',
    description: '单条明细数量超过项目疗程上限',
  },
  {
    code: 'AFTER_DEATH_FEE',
    name: '死亡后发生费用',
    nationalClass: '医保政策类',
    grain: 'line',
    resultType: 'certain',
    stages: ['during', 'after'],
    severity: 3,
    params: {},
    description: '费用发生日期晚于参保人死亡日期',
  },
  {
    code: 'CLASS_C_RATIO',
    name: '全自费项目金额异常',
    nationalClass: '医疗行为类',
    grain: 'visit',
    resultType: 'suspect',
    stages: AFTER,
    severity: 1,
    params: { ratioBp: 3000, minFen: 50_000 },
    description: '一次就诊中丙类（全自费）金额占比过高',
  },
  {
    code: 'DUPLICATE_PAIR',
    name: '重复收费',
    nationalClass: '医保政策类',
    grain: 'visit',
    resultType: 'certain',
    stages: ['during', 'after'],
    severity: 2,
    params: {},
    knowledge: 'pair',
    description: '同一次就诊的同一天内收取了互斥的两个项目（与甲项目同日收取的乙项目）',
  },
  {
    code: 'SURGERY_DISCOUNT',
    name: '多台手术未按比例收费',
    nationalClass: '医保政策类',
    grain: 'visit',
    resultType: 'suspect',
    stages: AFTER,
    severity: 2,
    params: { minCount: 2 },
    description: '同一次手术的第二台及以上按全价收费',
  },
  {
    code: 'BED_DAYS',
    name: '床位费超住院天数',
    nationalClass: '医保政策类',
    grain: 'visit',
    resultType: 'certain',
    stages: ['during', 'after'],
    severity: 2,
    params: { slackDays: 1 },
    description: '床位费天数多于住院天数',
  },
  {
    code: 'SPLIT_ADMISSION',
    name: '分解住院',
    nationalClass: '医疗行为类',
    grain: 'person',
    resultType: 'suspect',
    stages: AFTER,
    severity: 3,
    params: { days: 15, excludeDiagnoses: ['C', 'N18'] },
    description: '出院后短期内在同一机构再次入院（恶性肿瘤放化疗、透析等除外）',
  },
  {
    code: 'FREQUENT_VISITS',
    name: '频繁就诊',
    nationalClass: '医疗行为类',
    grain: 'person',
    resultType: 'suspect',
    stages: AFTER,
    severity: 2,
    params: { visits: 8, days: 30 },
    description: '一段时间内门诊就诊次数过多',
  },
  {
    code: 'OVERLAP_CARE',
    name: '住院期间重复就诊',
    nationalClass: '医疗行为类',
    grain: 'person',
    resultType: 'certain',
    stages: AFTER,
    severity: 3,
    params: {},
    description: '同一人住院期间在其他机构另有就诊或住院',
  },
  {
    code: 'AFTER_DEATH_VISIT',
    name: '死亡后就诊',
    nationalClass: '医保政策类',
    grain: 'person',
    resultType: 'certain',
    stages: AFTER,
    severity: 3,
    params: {},
    description: '就诊开始日期晚于参保人死亡日期',
  },
  {
    code: 'AFTER_DEATH_SETTLEMENT',
    name: '死亡后结算',
    nationalClass: '医保政策类',
    grain: 'person',
    resultType: 'certain',
    stages: AFTER,
    severity: 3,
    params: {},
    description: '结算日期晚于参保人死亡日期的就诊结算',
  },
  {
    code: 'AVG_COST',
    name: '次均费用异常',
    nationalClass: '医疗行为类',
    grain: 'institution',
    resultType: 'suspect',
    stages: AFTER,
    severity: 1,
    params: { factorBp: 15000, minVisits: 20 },
    description: '机构住院次均费用高于同级机构平均的倍数',
  },
  {
    code: 'SELF_PAY_RATIO',
    name: '自费比例异常',
    nationalClass: '医疗行为类',
    grain: 'institution',
    resultType: 'suspect',
    stages: AFTER,
    severity: 1,
    params: { ratioBp: 2000, minVisits: 20 },
    description: '机构住院全自费金额占比高于限值',
  },
  {
    code: 'STOCK_BALANCE',
    name: '进销存不符',
    nationalClass: '医保管理类',
    grain: 'institution',
    resultType: 'suspect',
    stages: AFTER,
    severity: 3,
    params: {},
    description:
      '机构某月某项目的医保结算数量超过期初库存加购进数量减期末库存（导入进销存后检查），未导入的月份超过机构经医保接口上报的销售数量（3505 减 3506）',
  },
  {
    code: 'TRACE_CODE_RESOLD',
    name: '追溯码重复销售',
    nationalClass: '医保管理类',
    grain: 'institution',
    resultType: 'suspect',
    stages: AFTER,
    severity: 3,
    params: {},
    description:
      '同一药品追溯码经医保接口上报销售（3505）两次及以上，其间无销售退货（3506）：一盒药卖了两次，疑似回流药或虚假追溯码',
  },
  {
    code: 'SELFPAY_INSURED',
    name: '参保人全自费就诊',
    nationalClass: '医疗行为类',
    grain: 'institution',
    resultType: 'suspect',
    stages: AFTER,
    severity: 2,
    params: { minInscpFen: 1000 },
    description:
      '机构经医保接口上传的全自费就诊（4202/4205），患者就诊当日有有效参保，且明细中符合政策范围的金额不低于限值：疑似转嫁费用或诱导参保人全自费',
  },
];

export const templateOf = (code: string): Template | undefined => TEMPLATES.find((t) => t.code === code);
