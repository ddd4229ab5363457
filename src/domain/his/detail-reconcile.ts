// 3202 明细对账: the institution's list of settlements for a period (a text file in the zip it
// uploaded with 9101, one settlement a line, tab-separated:
//   setl_id, mdtrt_id, psn_no, medfee_sumamt, fund_pay_sumamt, acct_pay, refd_setl_flag)
// compared line by line with Yibao's. The answer file (downloaded with 9102) lists every line that
// does not agree, with stmt_rslt 1 (only the HIS has it), 2 (only Yibao has it) or 3 (amounts
// differ), and Yibao's figures where it has the settlement.
import { badRequest } from '../shared/errors.ts';
import { fenToYuan } from '../shared/money.ts';
import { amountToFen } from './wire.ts';

export interface DetailRow {
  setlId: string;
  mdtrtId: string;
  psnNo: string;
  totalFen: number;
  fundFen: number;
  accountFen: number;
  /** 1: a reversal (退费结算) */
  refund: boolean;
}

export interface DetailDifference {
  row: DetailRow;
  result: '1' | '2' | '3';
  description: string;
}

/** Parses the uploaded list; a malformed line is refused with its number. */
export function parseDetailFile(text: string): DetailRow[] {
  const out: DetailRow[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const f = line.split('\t').map((x) => x.trim());
    if (i === 0 && f[0] === 'setl_id') return; // a header line
    if (f.length < 6) {
      throw badRequest('HIS_DETAIL_FILE_LINE', `对账明细文件第 ${i + 1} 行应有至少 6 个以制表符分隔的字段`);
    }
    try {
      out.push({
        setlId: f[0]!,
        mdtrtId: f[1]!,
        psnNo: f[2]!,
        totalFen: amountToFen(f[3], 'medfee_sumamt', { allowNegative: true }),
        fundFen: amountToFen(f[4], 'fund_pay_sumamt', { allowNegative: true }),
        accountFen: amountToFen(f[5], 'acct_pay', { allowNegative: true }),
        refund: f[6] === '1',
      });
    } catch (e) {
      throw badRequest('HIS_DETAIL_FILE_LINE', `对账明细文件第 ${i + 1} 行：${(e as Error).message}`);
    }
  });
  return out;
}

/** Every settlement on which the two lists differ, HIS order first, then Yibao's extras. */
export function compareDetails(his: readonly DetailRow[], ours: readonly DetailRow[]): DetailDifference[] {
  const mine = new Map(ours.map((r) => [r.setlId, r]));
  const seen = new Set<string>();
  const out: DetailDifference[] = [];
  for (const h of his) {
    seen.add(h.setlId);
    const o = mine.get(h.setlId);
    if (!o) {
      out.push({ row: h, result: '1', description: '医保端无此结算记录' });
      continue;
    }
    const diffs: string[] = [];
    if (o.totalFen !== h.totalFen)
      diffs.push(`医疗费总额 医保端 ${fenToYuan(o.totalFen)}，机构 ${fenToYuan(h.totalFen)}`);
    if (o.fundFen !== h.fundFen)
      diffs.push(`基金支付 医保端 ${fenToYuan(o.fundFen)}，机构 ${fenToYuan(h.fundFen)}`);
    if (o.accountFen !== h.accountFen)
      diffs.push(`个人账户支付 医保端 ${fenToYuan(o.accountFen)}，机构 ${fenToYuan(h.accountFen)}`);
    if (o.refund !== h.refund) diffs.push(`退费标志 医保端 ${o.refund ? 1 : 0}，机构 ${h.refund ? 1 : 0}`);
    if (diffs.length > 0) out.push({ row: o, result: '3', description: diffs.join('；') });
  }
  for (const o of ours) {
    if (!seen.has(o.setlId)) out.push({ row: o, result: '2', description: '机构端无此结算记录' });
  }
  return out;
}

export const DETAIL_RESULT_HEADER =
  'setl_id\tmdtrt_id\tpsn_no\tmedfee_sumamt\tfund_pay_sumamt\tacct_pay\trefd_setl_flag\tstmt_rslt\tstmt_rslt_dscr';

/** The answer file's text (UTF-8, header line first). */
export function detailResultText(diffs: readonly DetailDifference[]): string {
  const rows = diffs.map(({ row: r, result, description }) =>
    [
      r.setlId,
      r.mdtrtId,
      r.psnNo,
      fenToYuan(r.totalFen),
      fenToYuan(r.fundFen),
      fenToYuan(r.accountFen),
      r.refund ? '1' : '0',
      result,
      description,
    ].join('\t'),
  );
  return `${[DETAIL_RESULT_HEADER, ...rows].join('\n')}\n`;
}
