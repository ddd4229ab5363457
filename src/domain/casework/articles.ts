// The legal articles of 《医疗保障基金使用监督管理条例》 a case cites, and the fine each allows
// (supervision.md): art. 38 and 40 fine a multiple of the loss (1–2 ×, 2–5 ×), art. 39 a fixed range
// (10,000–50,000 元), art. 41 (an insured person's fraud) 2–5 ×. A multiple is kept in basis points
// (1.5 × = 15000), so no float enters the fine; the fine is rounded half-up to the fen.
import { AppError } from '../shared/errors.ts';

export type ArticleCode = '38' | '39' | '40' | '41';

export interface Article {
  code: ArticleCode;
  title: string;
  /** what the article covers, for the decision's text */
  scope: string;
  /** fine as a multiple of the loss, basis points inclusive */
  multipleBp?: readonly [number, number];
  /** fine as a fixed amount, fen inclusive */
  amountFen?: readonly [number, number];
}

const LAW = '《医疗保障基金使用监督管理条例》';

export const ARTICLES: Readonly<Record<ArticleCode, Article>> = {
  '38': {
    code: '38',
    title: `${LAW}第三十八条`,
    scope:
      '分解住院、挂床住院、过度诊疗、重复收费、超标准收费、串换项目、将不属于基金支付范围的费用纳入结算等',
    multipleBp: [10_000, 20_000],
  },
  '39': {
    code: '39',
    title: `${LAW}第三十九条`,
    scope: '未按规定建立管理制度、保管资料、上传数据或拒绝监督检查等',
    amountFen: [1_000_000, 5_000_000],
  },
  '40': {
    code: '40',
    title: `${LAW}第四十条`,
    scope: '虚假就医、虚构医药服务项目、伪造变造资料等骗取医保基金',
    multipleBp: [20_000, 50_000],
  },
  '41': {
    code: '41',
    title: `${LAW}第四十一条`,
    scope: '参保人员出借医保凭证、重复享受待遇、转卖药品等骗取医保基金',
    multipleBp: [20_000, 50_000],
  },
};
export const ARTICLE_CODES = Object.keys(ARTICLES) as ArticleCode[];

const bad = (code: string, message: string, details?: unknown) =>
  new AppError('bad_request', code, message, details);

const times = (bp: number) => `${(bp / 10_000).toString()} 倍`;

/** `loss × multiple` in fen, half-up. */
export const fineOf = (lossFen: number, multipleBp: number): number =>
  Number((BigInt(lossFen) * BigInt(multipleBp) * 2n + 10_000n) / 20_000n);

/**
 * The fine for a case under `article`: from a multiple of the loss (art. 38, 40, 41) or a fixed amount
 * (art. 39). Throws a coded refusal when the multiple or amount lies outside the article's range.
 */
export function fineFor(
  article: ArticleCode,
  lossFen: number,
  choice: { multipleBp?: number | null; amountFen?: number | null },
): { fineFen: number; multipleBp: number | null } {
  const a = ARTICLES[article];
  if (a.multipleBp) {
    const m = choice.multipleBp;
    const [lo, hi] = a.multipleBp;
    if (m === null || m === undefined || !Number.isInteger(m))
      throw bad('CASE_FINE_MULTIPLE_REQUIRED', `${a.title}按违法金额的倍数处罚，须填写罚款倍数`, {
        field: 'multipleBp',
      });
    if (m < lo || m > hi)
      throw bad(
        'CASE_FINE_MULTIPLE_OUT_OF_RANGE',
        `${a.title}规定罚款为违法金额的 ${times(lo)}至 ${times(hi)}，所选 ${times(m)}超出范围`,
        { field: 'multipleBp', range: [lo, hi] },
      );
    if (lossFen <= 0)
      throw bad('CASE_LOSS_REQUIRED', '按倍数处罚须先认定基金损失金额（大于 0）', { field: 'lossFen' });
    return { fineFen: fineOf(lossFen, m), multipleBp: m };
  }
  const [lo, hi] = a.amountFen!;
  const f = choice.amountFen;
  if (f === null || f === undefined || !Number.isInteger(f) || f < lo || f > hi)
    throw bad(
      'CASE_FINE_AMOUNT_OUT_OF_RANGE',
      `${a.title}规定罚款 ${lo / 100} 元至 ${hi / 100} 元，所填金额超出范围`,
      { field: 'amountFen', range: [lo, hi] },
    );
  return { fineFen: f, multipleBp: null };
}
