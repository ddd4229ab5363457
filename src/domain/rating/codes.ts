// 好差评 vocabulary (national, 国办发〔2019〕51号): five levels, the counter's and online indicators, the
// reason tags a 差评 may carry.
export const LEVELS = [5, 4, 3, 2, 1] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_NAMES: Record<Level, string> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
};

export const COUNTER_INDICATORS = ['efficiency', 'competence', 'attitude'] as const;
export const ONLINE_INDICATORS = ['speed', 'guide', 'convenience', 'platform'] as const;
export type Indicator = (typeof COUNTER_INDICATORS)[number] | (typeof ONLINE_INDICATORS)[number];
export const INDICATOR_NAMES: Record<Indicator, string> = {
  efficiency: '服务效率',
  competence: '服务水平',
  attitude: '服务态度',
  speed: '办事效率',
  guide: '指南准确',
  convenience: '便捷程度',
  platform: '平台操作',
};

export const REASON_TAGS = [
  'slow',
  'repeat_visits',
  'unclear_guide',
  'attitude',
  'unprofessional',
  'not_handled',
  'extra_materials',
  'other',
] as const;
export type ReasonTag = (typeof REASON_TAGS)[number];
export const REASON_TAG_NAMES: Record<ReasonTag, string> = {
  slow: '办理时间长',
  repeat_visits: '多次跑动',
  unclear_guide: '告知不清楚',
  attitude: '服务态度差',
  unprofessional: '业务不熟练',
  not_handled: '诉求未解决',
  extra_materials: '要求额外材料',
  other: '其他',
};

export type Grade = 'good' | 'neutral' | 'bad';
export const GRADE_NAMES: Record<Grade, string> = { good: '好评', neutral: '中评', bad: '差评' };

/** Locally: 4–5 好评, 3 中评, 1–2 差评. */
export const gradeOf = (overall: number): Grade =>
  overall >= 4 ? 'good' : overall === 3 ? 'neutral' : 'bad';
