// 3201 对总账: the institution's figures for a scheme and period against Yibao's. Reversals are
// rows with negated amounts and count −1, so the net figures compare directly.
import type { Queryable } from '../../db/types.ts';
import { badRequest } from '../../domain/shared/errors.ts';
import { fenToYuan } from '../../domain/shared/money.ts';
import type { Caller } from './caller.ts';
import { type ExactTotals, institutionTotals, type Totals } from './settlement-repo.ts';

export interface ReconcileRequest {
  insutype: string;
  clearingType: string | null;
  clearingRegion: string | null;
  from: string;
  to: string;
  his: Totals;
}

export interface ReconcileResult {
  clearingRegion: string;
  agrees: boolean;
  description: string;
  platform: ExactTotals;
}

const LABELS: [keyof Totals, string, boolean][] = [
  ['totalFen', '医疗费总额', true],
  ['fundFen', '基金支付总额', true],
  ['accountFen', '个人账户支付总额', true],
  ['count', '结算笔数', false],
];

export async function reconcile(q: Queryable, c: Caller, r: ReconcileRequest): Promise<ReconcileResult> {
  if (r.from > r.to)
    throw badRequest('SETTLEMENT_PERIOD_INVALID', `对账开始日期 ${r.from} 晚于结束日期 ${r.to}`);
  const platform = await institutionTotals(q, {
    fixmedinsCode: c.institution.code,
    insutype: r.insutype,
    from: r.from,
    to: r.to,
    clearingType: r.clearingType,
  });
  // exact: a sum over a period may exceed a JS number; the HIS figures are safe integers
  const show = (money: boolean, v: number | bigint) =>
    money ? `${typeof v === 'bigint' ? bigFenToYuan(v) : fenToYuan(v)} 元` : `${v} 笔`;
  const differing = LABELS.filter(([k]) => platform[k] !== BigInt(r.his[k]));
  const figures = LABELS.map(([k, label, money]) => `${label} ${show(money, platform[k])}`).join('，');
  const description =
    differing.length === 0
      ? `对账一致：${r.from} 至 ${r.to} ${figures}`
      : `对账不一致（${differing
          .map(
            ([k, label, money]) =>
              `${label}：医保 ${show(money, platform[k])}，机构 ${show(money, r.his[k])}`,
          )
          .join('；')}）。医保中心数据：${figures}`;
  return {
    clearingRegion: r.clearingRegion ?? c.institution.admdvs,
    agrees: differing.length === 0,
    description,
    platform,
  };
}

function bigFenToYuan(fen: bigint): string {
  const neg = fen < 0n;
  const a = neg ? -fen : fen;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}
