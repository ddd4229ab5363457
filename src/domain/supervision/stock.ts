// 进销存: an institution's monthly stock of an item as its workbook (or the procurement platform's
// export) gives it — 定点机构编码, 项目编码, 月份, 期初库存, 购进数量, 期末库存 — and the check the
// scan makes: what the fund settled of the item that month cannot exceed what the institution had
// to sell, opening + purchased − closing. A bad row is refused with its row number; nothing of the
// workbook is written then.
import { badRequest } from '../shared/errors.ts';

export const STOCK_HEADERS = [
  '定点机构编码',
  '项目编码',
  '月份',
  '期初库存',
  '购进数量',
  '期末库存',
] as const;

export interface StockInput {
  fixmedinsCode: string;
  itemCode: string;
  /** YYYY-MM */
  month: string;
  opening: number;
  purchased: number;
  closing: number;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** Quantities keep at most 4 decimals (tablets split in quarters are sold). */
const QTY = /^\d{1,10}(\.\d{1,4})?$/;

/** One workbook row → a month's stock, or a coded refusal naming the row. */
export function stockRow(cells: (string | null)[], where: string): StockInput {
  const [inst, code, rawMonth, ...qty] = cells.map((c) => (c === null ? '' : String(c).trim()));
  const bad = (why: string) => badRequest('SUPERVISION_STOCK_ROW', `${where}：${why}`);
  if (!inst || !/^[A-Z0-9]{6,30}$/.test(inst)) throw bad('定点机构编码为空或格式不正确');
  if (!code || !/^[A-Za-z0-9.-]{1,50}$/.test(code)) throw bad('项目编码为空或格式不正确');
  const month = (rawMonth ?? '').replace(/^(\d{4})(\d{2})$/, '$1-$2').replace(/^(\d{4})-(\d)$/, '$1-0$2');
  if (!MONTH.test(month)) throw bad('月份应为 yyyy-MM');
  const names = ['期初库存', '购进数量', '期末库存'];
  const [opening, purchased, closing] = names.map((name, i) => {
    const raw = qty[i] ?? '';
    if (!QTY.test(raw)) throw bad(`${name}应为不小于 0 的数量（最多 4 位小数）`);
    return Number(raw);
  });
  if (closing! > opening! + purchased!) throw bad('期末库存大于期初库存与购进数量之和');
  return {
    fixmedinsCode: inst,
    itemCode: code,
    month,
    opening: opening!,
    purchased: purchased!,
    closing: closing!,
  };
}

/**
 * The quantity settled beyond what the institution had to sell in the month (0 when none), in
 * ten-thousandths of a unit so that split tablets compare exactly.
 */
export function oversold(
  s: { opening: number; purchased: number; closing: number },
  settled: number,
): number {
  const u = (n: number) => Math.round(n * 10_000);
  return Math.max(0, u(settled) - (u(s.opening) + u(s.purchased) - u(s.closing))) / 10_000;
}

/**
 * Where an institution's system reports its sales record by record (HIS 3505, less 3506) and no
 * workbook gives the month: what it reported selling is what it had to sell, and the fund cannot
 * have settled more of the item.
 */
export const soldShort = (reportedSold: number, settled: number): number =>
  oversold({ opening: 0, purchased: Math.max(0, reportedSold), closing: 0 }, settled);
