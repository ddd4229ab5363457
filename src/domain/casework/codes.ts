// Vocabulary of violation cases: where a case comes from, the violation types of a case record
// (supervision.md), outcomes of the 五个一批, ledger kinds and referral bodies.
export const CASE_SOURCES = { suspect: '疑点移交', ticket: '12345 工单', complaint: '举报投诉' } as const;
export type CaseSource = keyof typeof CASE_SOURCES;

export const VIOLATION_TYPES = [
  '诱导就医',
  '虚假就医',
  '虚构医药服务项目',
  '伪造变造资料',
  '重复收费',
  '超标准收费',
  '分解收费',
  '串换项目',
  '过度检查',
  '过度诊疗',
  '将不属于基金支付范围的费用纳入结算',
  '转嫁费用',
] as const;
export type ViolationType = (typeof VIOLATION_TYPES)[number];

/** Outcomes: 约谈, 整改, the money outcomes of the ledger, and referrals. */
export const OUTCOME_KINDS = {
  interview: '约谈',
  rectify: '责令整改',
  recovery: '追回基金',
  fine: '行政处罚（罚款）',
  refusal: '审核拒付',
  deduction: '考核扣除保证金',
  self_refund: '自查自纠退回',
  referral: '移送',
} as const;
export type OutcomeKind = keyof typeof OUTCOME_KINDS;

/** The outcomes that move money: each is a ledger entry against the institution. */
export const LEDGER_KINDS = ['recovery', 'fine', 'refusal', 'deduction', 'self_refund'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export const isLedgerKind = (k: string): k is LedgerKind => (LEDGER_KINDS as readonly string[]).includes(k);

export const REFERRAL_BODIES = {
  discipline: '纪委监委',
  health: '卫生健康部门',
  police: '公安机关',
} as const;
export type ReferralBody = keyof typeof REFERRAL_BODIES;
