// 结算概况 for the leader dashboard: today's and this month's settlements and fund payouts, by
// scheme (险种) and by care type (医疗类别). The database hands back one row per day-bucket,
// scheme and care type; this file folds those rows into the two views. Reversals are their own
// rows with negated amounts, so sums are already net; the count is net as well (settlements
// minus reversals in the period), with the reversals shown beside it.
import { INSUTYPE_NAMES, INSUTYPES, MED_TYPE_NAMES } from '../shared/labels.ts';
import type { Fen } from '../shared/money.ts';

/** The money columns of a summary row, all integer fen. */
export const AMOUNT_KEYS = [
  'medfeeFen', // 医疗费总额
  'fundFen', // 基金支付合计
  'basicFen', // 统筹基金 hifp_pay
  'criticalFen', // 大病保险 hifmi_pay + 职工大额 hifob_pay
  'assistanceFen', // 医疗救助 maf_pay
  'otherFen', // 其他基金 oth_pay
  'accountFen', // 个人账户 acct_pay
  'cashFen', // 个人现金 psn_cash_pay
] as const;
export type AmountKey = (typeof AMOUNT_KEYS)[number];

/** One database row: the settlements of one scheme and care type, today or earlier this month. */
export interface SummaryRow extends Record<AmountKey, Fen> {
  isToday: boolean;
  insutype: string;
  medType: string;
  settlements: number;
  reversals: number;
}

export interface SummaryLine extends Record<AmountKey, Fen> {
  code: string;
  name: string;
  /** net: settlements minus reversals in the period */
  count: number;
  reversals: number;
}

export interface PeriodSummary {
  from: string;
  to: string;
  total: SummaryLine;
  byScheme: SummaryLine[];
  byCareType: SummaryLine[];
}

// schemes in the order of INSUTYPES (residents first); unknown codes last
const schemeOrder = (code: string) => {
  const i = (INSUTYPES as readonly string[]).indexOf(code);
  return i < 0 ? 99 : i;
};

/** YYYY-MM-DD → the first day of its month. */
export function monthStart(date: string): string {
  return `${date.slice(0, 8)}01`;
}

function emptyLine(code: string, name: string): SummaryLine {
  const line = { code, name, count: 0, reversals: 0 } as SummaryLine;
  for (const k of AMOUNT_KEYS) line[k] = 0;
  return line;
}

function add(line: SummaryLine, r: SummaryRow): void {
  line.count += r.settlements - r.reversals;
  line.reversals += r.reversals;
  for (const k of AMOUNT_KEYS) line[k] += r[k];
}

function fold(rows: readonly SummaryRow[], from: string, to: string): PeriodSummary {
  const total = emptyLine('total', '合计');
  const schemes = new Map<string, SummaryLine>();
  const care = new Map<string, SummaryLine>();
  const lineOf = (m: Map<string, SummaryLine>, code: string, names: Record<string, string>) => {
    const found = m.get(code);
    if (found) return found;
    const created = emptyLine(code, names[code] ?? code);
    m.set(code, created);
    return created;
  };
  for (const r of rows) {
    add(total, r);
    add(lineOf(schemes, r.insutype, INSUTYPE_NAMES), r);
    add(lineOf(care, r.medType, MED_TYPE_NAMES), r);
  }
  const byCode = (a: SummaryLine, b: SummaryLine) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  return {
    from,
    to,
    total,
    byScheme: [...schemes.values()].sort((a, b) => schemeOrder(a.code) - schemeOrder(b.code) || byCode(a, b)),
    byCareType: [...care.values()].sort(byCode),
  };
}

/** Today's and the month-to-date views from the rows of the month up to and including `date`. */
export function summarise(
  rows: readonly SummaryRow[],
  date: string,
): { date: string; today: PeriodSummary; month: PeriodSummary } {
  return {
    date,
    today: fold(
      rows.filter((r) => r.isToday),
      date,
      date,
    ),
    month: fold(rows, monthStart(date), date),
  };
}
