// The engine's stored explanation steps (rule, base, ratio, amount) turned into sentences a clerk
// can read out at the window, e.g. "政策范围内费用 3,200.00 元，扣除起付线 800.00 元后为 2,400.00 元，
// 按 80% 由统筹基金支付 1,920.00 元。". Sentences are built from the numbers, carrying the in-scope
// amount and the deductible forward to the fund step; rules whose facts live only in the engine's
// own note (the deductible's admission count, an out-of-area reduction, …) read the note.
import { bpToRatioPercent, fenToYuan } from '../../lib/format.ts';
import type { ExplanationStep } from './types.ts';

/** who the step's amount concerns, for its tag */
export type StepKind = 'total' | 'self' | 'scope' | 'fund' | 'account' | 'info' | 'summary';

export interface ExplainedStep {
  key: string;
  rule: string;
  title: string;
  sentence: string;
  /** "12,383.80 × 90% = 11,145.42" when a ratio was applied */
  formula: string | null;
  kind: StepKind;
  /** the amount shown beside the sentence; null when the step's amount is not money paid */
  shownFen: number | null;
}

export const KIND_NAMES: Record<StepKind, string> = {
  total: '费用总额',
  self: '个人自付',
  scope: '报销范围',
  fund: '基金支付',
  account: '个人账户',
  info: '说明',
  summary: '结算结果',
};

const y = (fen: number) => `${fenToYuan(fen)} 元`;
const pct = (bp: number | null) => bpToRatioPercent(bp);

const FUND_RULES = new Set([
  'BASIC_FUND',
  'BASIC_FUND_TIER',
  'BASIC_FUND_CAP',
  'CRITICAL_ILLNESS_TIER',
  'CRITICAL_ILLNESS_CAP',
  'ASSISTANCE',
  'ASSISTANCE_CAP',
]);
const SELF_RULES = new Set(['FULLY_SELF_PAID', 'OVER_PRICE_CAP', 'CLASS_B_FIRST_SHARE', 'DEDUCTIBLE']);
/** ratio steps whose ratio is not "base × ratio = amount" */
const NO_FORMULA = new Set(['DEDUCTIBLE', 'OUT_OF_AREA_REDUCTION']);
const NOT_MONEY = new Set(['CRITICAL_ILLNESS_BASE', 'OUT_OF_AREA_REDUCTION', 'ASSISTANCE_CHOICE']);

function kindOf(rule: string): StepKind {
  if (rule === 'TOTAL') return 'total';
  if (rule === 'IN_SCOPE') return 'scope';
  if (rule === 'SUMMARY') return 'summary';
  if (rule === 'PERSONAL_ACCOUNT') return 'account';
  if (SELF_RULES.has(rule)) return 'self';
  if (FUND_RULES.has(rule)) return 'fund';
  return 'info';
}

interface Context {
  inScopeFen: number | null;
  deductibleFen: number | null;
  assistanceName: string | null;
}

function basicFundSentence(s: ExplanationStep, c: Context): string {
  if (s.baseFen <= 0 || s.ratioBp === null) return '扣除起付线后没有剩余的政策范围内费用，统筹基金不支付。';
  const pay = `按 ${pct(s.ratioBp)} 由统筹基金支付 ${y(s.amountFen)}。`;
  const { inScopeFen: scope, deductibleFen: ded } = c;
  if (scope !== null && ded !== null && scope - ded === s.baseFen) {
    return ded === 0
      ? `政策范围内费用 ${y(scope)}，本次无需扣除起付线，${pay}`
      : `政策范围内费用 ${y(scope)}，扣除起付线 ${y(ded)}后为 ${y(s.baseFen)}，${pay}`;
  }
  return `扣除起付线后的政策范围内费用 ${y(s.baseFen)}，${pay}`;
}

function capSentence(fund: string, s: ExplanationStep): string {
  return s.amountFen === 0
    ? `按比例应由${fund}支付 ${y(s.baseFen)}，但本年已达到${fund}年度最高支付限额，本次不再支付。`
    : `按比例应由${fund}支付 ${y(s.baseFen)}，受${fund}年度最高支付限额限制，本次只能支付 ${y(s.amountFen)}。`;
}

function sentenceOf(s: ExplanationStep, c: Context): string {
  switch (s.rule) {
    case 'TOTAL':
      return `本次医疗费用总额 ${y(s.amountFen)}。`;
    case 'FULLY_SELF_PAID':
      return `其中丙类、目录外或不符合限定条件的费用 ${y(s.amountFen)}，由个人全额自付。`;
    case 'OVER_PRICE_CAP':
      return `单价超出医保支付标准的部分 ${y(s.amountFen)}，由个人自付。`;
    case 'CLASS_B_FIRST_SHARE':
      return `乙类项目按比例先行自付 ${y(s.amountFen)}。`;
    case 'IN_SCOPE':
      return `剩余的 ${y(s.amountFen)}为政策范围内费用，按政策报销。`;
    case 'BASIC_FUND':
      return basicFundSentence(s, c);
    case 'BASIC_FUND_TIER':
      return `分段计算：其中 ${y(s.baseFen)}按 ${pct(s.ratioBp)} 由统筹基金支付 ${y(s.amountFen)}。`;
    case 'BASIC_FUND_CAP':
      return capSentence('统筹基金', s);
    case 'CRITICAL_ILLNESS_BASE':
      return s.baseFen <= s.amountFen
        ? `本年政策范围内个人负担累计 ${y(s.baseFen)}，未超过大病保险起付线 ${y(s.amountFen)}，大病保险不支付。`
        : `本年政策范围内个人负担累计 ${y(s.baseFen)}，超过大病保险起付线 ${y(s.amountFen)}，本次新增的超过部分由大病保险分段支付。`;
    case 'CRITICAL_ILLNESS_TIER':
      return `其中 ${y(s.baseFen)}按 ${pct(s.ratioBp)} 由大病保险支付 ${y(s.amountFen)}。`;
    case 'CRITICAL_ILLNESS_CAP':
      return capSentence('大病保险', s);
    case 'ASSISTANCE':
      return `${c.assistanceName ? `${c.assistanceName}人员，` : ''}剩余政策范围内个人负担中 ${y(s.baseFen)}，按 ${pct(s.ratioBp)} 由医疗救助支付 ${y(s.amountFen)}。`;
    case 'ASSISTANCE_CAP':
      return `受医疗救助年度限额限制，本次只能救助 ${y(s.amountFen)}。`;
    case 'PERSONAL_ACCOUNT':
      return s.amountFen < s.baseFen
        ? `个人负担 ${y(s.baseFen)}，由个人账户支付 ${y(s.amountFen)}，余额不足的 ${y(s.baseFen - s.amountFen)}以现金支付。`
        : `个人负担 ${y(s.baseFen)}，全部由个人账户支付。`;
    case 'SUMMARY':
      return `合计：医疗费用 ${y(s.baseFen)}，各项基金共支付 ${y(s.amountFen)}，个人负担 ${y(s.baseFen - s.amountFen)}。`;
    default:
      // DEDUCTIBLE, OUT_OF_AREA_REDUCTION, NO_POOLED_BENEFIT, ASSISTANCE_CHOICE, rules added later
      return s.note?.trim() || `${s.title} ${y(s.amountFen)}。`;
  }
}

function formulaOf(s: ExplanationStep): string | null {
  if (s.ratioBp === null || NO_FORMULA.has(s.rule) || s.baseFen <= 0) return null;
  return `${fenToYuan(s.baseFen)} × ${pct(s.ratioBp)} = ${fenToYuan(s.amountFen)}`;
}

/** The steps in order, each with its sentence; `assistanceName` is the identity's name (特困). */
export function explainSteps(
  steps: readonly ExplanationStep[],
  opts: { assistanceName?: string | null } = {},
): ExplainedStep[] {
  const c: Context = { inScopeFen: null, deductibleFen: null, assistanceName: opts.assistanceName ?? null };
  return steps.map((s, i) => {
    const sentence = sentenceOf(s, c);
    if (s.rule === 'IN_SCOPE') c.inScopeFen = s.amountFen;
    if (s.rule === 'DEDUCTIBLE') c.deductibleFen = s.amountFen;
    return {
      key: `${i}-${s.rule}`,
      rule: s.rule,
      title: s.title,
      sentence,
      formula: formulaOf(s),
      kind: kindOf(s.rule),
      shownFen: NOT_MONEY.has(s.rule) ? null : s.amountFen,
    };
  });
}
