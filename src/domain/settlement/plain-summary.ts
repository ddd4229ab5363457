// The 结算单 in words a patient understands: one sentence of what was billed, what the funds paid
// and what is left to pay, then one line each for 政策范围内, 乙类先行自付 and 超限价 when they
// apply, the person's share in capitals (大写), and where the year's limits stand.
import { fenToCapitals } from '../shared/chinese-amount.ts';
import { yuan } from './explain.ts';

export interface SlipAmounts {
  totalFen: number;
  fundFen: number;
  personFen: number;
  inScopeFen: number;
  firstShareFen: number;
  overCapFen: number;
  fullySelfPaidFen: number;
}

export interface YearStanding {
  /** the basic fund's annual cap and what it has paid this year (after this settlement) */
  basicCapFen: number | null;
  basicPaidFen: number;
  /** 大病: the year's in-scope self-pay so far against its deductible, and what it has paid */
  criticalDeductibleFen: number | null;
  criticalBaseFen: number;
  criticalPaidFen: number;
}

export interface PlainSummary {
  sentence: string;
  lines: string[];
  personCapitals: string;
  year: string[];
}

const y = (fen: number) => yuan(fen).trim();

export function plainSummary(a: SlipAmounts, standing: YearStanding | null): PlainSummary {
  const reversal = a.totalFen < 0;
  const sentence = reversal
    ? `本次为撤销结算：退回医疗费用共 ${y(-a.totalFen)}，医保退回 ${y(-a.fundFen)}，退还您 ${y(-a.personFen)}。`
    : `您本次医疗费用共 ${y(a.totalFen)}，医保共支付 ${y(a.fundFen)}，您需自付 ${y(a.personFen)}。`;
  const lines: string[] = [];
  if (!reversal) {
    lines.push(
      `政策范围内费用 ${y(a.inScopeFen)}：医保目录内、按规定可以报销的部分，先扣起付线，再按比例由基金支付。`,
    );
    if (a.firstShareFen > 0)
      lines.push(
        `乙类先行自付 ${y(a.firstShareFen)}：乙类药品和项目先由个人按比例负担的部分，之后才进入报销。`,
      );
    if (a.overCapFen > 0) lines.push(`超限价 ${y(a.overCapFen)}：单价高于医保支付标准的差额，由个人负担。`);
    if (a.fullySelfPaidFen > 0)
      lines.push(`全自费 ${y(a.fullySelfPaidFen)}：丙类或目录外项目，医保不予支付。`);
  }
  const year: string[] = [];
  if (standing && !reversal) {
    if (standing.basicCapFen !== null) {
      const left = Math.max(0, standing.basicCapFen - standing.basicPaidFen);
      year.push(
        `本年度基本医保统筹基金已支付 ${y(standing.basicPaidFen)}，年度最高支付限额还剩 ${y(left)}。`,
      );
    }
    if (standing.criticalDeductibleFen !== null) {
      year.push(
        standing.criticalBaseFen >= standing.criticalDeductibleFen
          ? `本年度个人负担的合规费用已达大病保险起付线 ${y(standing.criticalDeductibleFen)}，大病保险已支付 ${y(standing.criticalPaidFen)}。`
          : `本年度个人负担的合规费用累计 ${y(standing.criticalBaseFen)}，距大病保险起付线 ${y(standing.criticalDeductibleFen)}还差 ${y(standing.criticalDeductibleFen - standing.criticalBaseFen)}。`,
      );
    }
  }
  return { sentence, lines, personCapitals: fenToCapitals(a.personFen), year };
}
