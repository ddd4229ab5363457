// What the settlement page computes for display: the fund breakdown and the check that its parts
// add up to the total, the fee lines' column totals, the visit's dates and the reversal link.
// All sums are integer fen; nothing here rounds.
import { fenToYuan } from '../../lib/format.ts';
import { INSUTYPE_NAMES, labelOf, MED_TYPE_NAMES } from './labels.ts';
import type { SettlementHead, SettlementLine } from './types.ts';

export interface FundPart {
  key: string;
  label: string;
  fen: number;
  /** who pays it: a fund, or the person (account and cash) */
  payer: 'fund' | 'person';
}

export interface FundBreakdown {
  parts: FundPart[];
  fundFen: number;
  personFen: number;
  sumFen: number;
  totalFen: number;
  /** the parts add up to the total, and the subtotals to the stored ones */
  addsUp: boolean;
  /** "11,145.42 + 0.00 + … = 27,127.05" */
  equation: string;
}

type Amounts = Pick<
  SettlementHead,
  | 'medfeeSumamt'
  | 'fundPaySumamt'
  | 'psnPartAmt'
  | 'hifpPay'
  | 'hifmiPay'
  | 'hifobPay'
  | 'mafPay'
  | 'othPay'
  | 'acctPay'
  | 'psnCashPay'
>;

const n = (v: number | null | undefined) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : 0);

/** 统筹, 大病, 救助, 个人账户, 现金 always; 职工大额 and 其他 only when they paid something. */
export function fundBreakdown(s: Amounts): FundBreakdown {
  const all: (FundPart & { always: boolean })[] = [
    { key: 'hifp', label: '统筹基金', fen: n(s.hifpPay), payer: 'fund', always: true },
    { key: 'hifmi', label: '大病保险', fen: n(s.hifmiPay), payer: 'fund', always: true },
    { key: 'hifob', label: '职工大额医疗补助', fen: n(s.hifobPay), payer: 'fund', always: false },
    { key: 'maf', label: '医疗救助', fen: n(s.mafPay), payer: 'fund', always: true },
    { key: 'oth', label: '其他基金', fen: n(s.othPay), payer: 'fund', always: false },
    { key: 'acct', label: '个人账户支付', fen: n(s.acctPay), payer: 'person', always: true },
    { key: 'cash', label: '个人现金支付', fen: n(s.psnCashPay), payer: 'person', always: true },
  ];
  const parts = all.filter((p) => p.always || p.fen !== 0).map(({ always: _a, ...p }) => p);
  const sumOf = (ps: FundPart[]) => ps.reduce((a, p) => a + p.fen, 0);
  const fundFen = sumOf(all.filter((p) => p.payer === 'fund'));
  const personFen = sumOf(all.filter((p) => p.payer === 'person'));
  const sumFen = fundFen + personFen;
  const totalFen = n(s.medfeeSumamt);
  return {
    parts,
    fundFen,
    personFen,
    sumFen,
    totalFen,
    addsUp: sumFen === totalFen && fundFen === n(s.fundPaySumamt) && personFen === n(s.psnPartAmt),
    equation: `${parts.map((p) => fenToYuan(p.fen)).join(' + ')} = ${fenToYuan(sumFen)}`,
  };
}

export interface LineTotals {
  amountFen: number;
  fullySelfPaidFen: number;
  overCapFen: number;
  firstShareFen: number;
  inScopeFen: number;
}

export function lineTotals(lines: readonly SettlementLine[]): LineTotals {
  const t: LineTotals = { amountFen: 0, fullySelfPaidFen: 0, overCapFen: 0, firstShareFen: 0, inScopeFen: 0 };
  for (const l of lines) {
    t.amountFen += n(l.amountFen);
    t.fullySelfPaidFen += n(l.fullySelfPaidFen);
    t.overCapFen += n(l.overCapFen);
    t.firstShareFen += n(l.firstShareFen);
    t.inScopeFen += n(l.inScopeFen);
  }
  return t;
}

const dayNo = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;

/** "2026-03-11 至 2026-03-14（住院 3 天）", or the one date of an outpatient visit. */
export function visitDates(
  s: Pick<SettlementHead, 'visitBeginDate' | 'visitEndDate' | 'inpatient' | 'setlDate'>,
): string {
  const begin = s.visitBeginDate ?? s.setlDate;
  const end = s.visitEndDate ?? null;
  if (!s.inpatient) return end && end !== begin ? `${begin} 至 ${end}` : begin;
  if (!end) return `${begin} 入院`;
  // 住院天数 counts nights: admitted and discharged on the same day is 1 day
  const days = Math.max(1, dayNo(end) - dayNo(begin));
  return `${begin} 至 ${end}（住院 ${days} 天）`;
}

export interface ReversalInfo {
  text: string;
  linkTo: string;
  linkLabel: string;
}

/** How a reversed settlement or a reversal points at its counterpart; null for a plain one. */
export function reversalInfo(
  s: Pick<SettlementHead, 'status' | 'reversedBy' | 'reversesSetlId'>,
): ReversalInfo | null {
  if (s.status === 'reversed' && s.reversedBy)
    return {
      text: '本结算已撤销',
      linkTo: `/settlements/${s.reversedBy}`,
      linkLabel: `撤销记录 ${s.reversedBy}`,
    };
  if (s.status === 'reversal' && s.reversesSetlId)
    return {
      text: '本记录是撤销（冲正）记录，金额为原结算的负数',
      linkTo: `/settlements/${s.reversesSetlId}`,
      linkLabel: `原结算 ${s.reversesSetlId}`,
    };
  return null;
}

/** The printed form's title: 城乡居民基本医疗保险住院结算单. */
export function slipTitle(s: Pick<SettlementHead, 'insutype' | 'inpatient' | 'medType'>): string {
  const scheme = labelOf(INSUTYPE_NAMES, s.insutype);
  const care = s.inpatient ? '住院' : s.medType === '41' ? '购药' : '门诊';
  return `${scheme}${care}结算单`;
}

export const medTypeName = (code: string) => labelOf(MED_TYPE_NAMES, code);
