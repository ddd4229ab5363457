// The ledger's spreadsheet and the leader's summary for a period (seed 002's "五个一批" paragraph).
import { excel, yuanCell } from '../../api/excel.ts';
import type { Queryable } from '../../db/types.ts';
import { LEDGER_KINDS, OUTCOME_KINDS } from '../../domain/casework/codes.ts';
import * as repo from './repo.ts';
import { fenToYuan, mulDivHalfUp } from '../../domain/shared/money.ts';

/** [first instant of `from`, first instant after `to`) in Beijing time, for YYYY-MM periods. */
export function periodRange(from: string, to: string): [Date, Date] {
  const [y, m] = to.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return [new Date(`${from}-01T00:00:00+08:00`), new Date(`${next}-01T00:00:00+08:00`)];
}

export async function leaderSummary(q: Queryable, f: repo.PeriodFilter) {
  const [a, b] = periodRange(f.from, f.to);
  const rows = await repo.outcomeSummary(q, a, b);
  const cases = await repo.caseCounts(q, a, b);
  const byKind = Object.fromEntries(
    Object.keys(OUTCOME_KINDS).map((k) => {
      const r = rows.find((x) => x.kind === k);
      return [k, { count: r?.count ?? 0, amountFen: r?.amountFen ?? 0, cases: r?.cases ?? 0 }];
    }),
  ) as Record<keyof typeof OUTCOME_KINDS, { count: number; amountFen: number; cases: number }>;
  // 万元 with two decimals, rounded half-up in integers (fen → hundredths of 万元)
  const w = (fen: number) => `${fenToYuan(mulDivHalfUp(fen, 1, 10_000))} 万元`;
  const text =
    `${f.from}至${f.to}，立案 ${cases.opened} 件，结案 ${cases.closed} 件；约谈 ${byKind.interview.count} 次，` +
    `下发整改通知 ${byKind.rectify.count} 份；追回基金 ${w(byKind.recovery.amountFen)}，` +
    `行政处罚 ${byKind.fine.count} 件、罚款 ${w(byKind.fine.amountFen)}，审核拒付 ${w(byKind.refusal.amountFen)}，` +
    `考核扣除保证金 ${w(byKind.deduction.amountFen)}，自查自纠退回 ${w(byKind.self_refund.amountFen)}；` +
    `移送 ${byKind.referral.count} 件。`;
  return { from: f.from, to: f.to, cases, byKind, text };
}

const KIND_NAMES: Record<string, string> = OUTCOME_KINDS;

export async function ledgerXlsx(q: Queryable, f: repo.PeriodFilter): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const detail = wb.addWorksheet('资金台账');
  detail.columns = [
    { header: '期间', key: 'period', width: 10 },
    { header: '机构编码', key: 'code', width: 16 },
    { header: '机构名称', key: 'name', width: 24 },
    { header: '案件号', key: 'case', width: 8 },
    { header: '类别', key: 'kind', width: 16 },
    { header: '金额（元）', key: 'amount', width: 14, style: { numFmt: '#,##0.00' } },
  ];
  for (const r of await repo.ledger(q, f))
    detail.addRow({
      period: r.period,
      code: r.fixmedinsCode,
      name: r.institutionName,
      case: r.caseworkId,
      kind: KIND_NAMES[r.kind],
      amount: yuanCell(r.amountFen),
    });
  const totals = wb.addWorksheet('机构合计');
  totals.addRow([
    '机构编码',
    '机构名称',
    '期间',
    ...LEDGER_KINDS.map((k) => `${KIND_NAMES[k]}（元）`),
    '合计（元）',
  ]);
  const rows = await repo.ledgerTotals(q, f);
  const keys = [...new Set(rows.map((r) => `${r.fixmedinsCode}|${r.period}`))];
  for (const key of keys) {
    const mine = rows.filter((r) => `${r.fixmedinsCode}|${r.period}` === key);
    const amounts = LEDGER_KINDS.map((k) => mine.find((r) => r.kind === k)?.amountFen ?? 0);
    totals.addRow([
      mine[0].fixmedinsCode,
      mine[0].institutionName,
      mine[0].period,
      ...amounts.map(yuanCell),
      yuanCell(amounts.reduce((s, a) => s + a, 0)),
    ]);
  }
  for (let c = 4; c <= 4 + LEDGER_KINDS.length; c++) totals.getColumn(c).numFmt = '#,##0.00';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
