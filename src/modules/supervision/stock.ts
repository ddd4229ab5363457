// 进销存 use cases: the monthly stock workbook imported (every row checked first; all or nothing;
// institutions must be registered), listed and exported.
import type ExcelJS from 'exceljs';
import { excel } from '../../api/excel.ts';
import type { Tx } from '../../db/types.ts';
import { badRequest } from '../../domain/shared/errors.ts';
import { STOCK_HEADERS, type StockInput, stockRow } from '../../domain/supervision/stock.ts';
import { type Actor, audit } from '../audit/index.ts';
import type { StockRow } from './contract.ts';
import * as repo from './stock-repo.ts';

const cellText = (v: ExcelJS.CellValue): string | null => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 7);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return v.result === undefined ? null : String(v.result);
  return String(v);
};

/** Import a stock workbook (first sheet; the header row, then one row per institution, item and month). */
export async function importStock(tx: Tx, file: Buffer, batch: string, actor: Actor, now: Date) {
  const wb = new (await excel()).Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw badRequest('SUPERVISION_FILE_UNREADABLE', '无法读取该文件：请上传 .xlsx 格式的进销存表');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw badRequest('SUPERVISION_FILE_EMPTY', '进销存表中没有数据行');
  const rows: StockInput[] = [];
  const seen = new Map<string, number>();
  ws.eachRow((row, n) => {
    if (n === 1) return; // header
    const cells = [1, 2, 3, 4, 5, 6].map((i) => cellText(row.getCell(i).value));
    if (cells.every((c) => c === null || c.trim() === '')) return;
    const r = stockRow(cells, `第 ${n} 行`);
    const key = `${r.fixmedinsCode}|${r.itemCode}|${r.month}`;
    const first = seen.get(key);
    if (first) {
      throw badRequest(
        'SUPERVISION_STOCK_ROW',
        `第 ${n} 行：与第 ${first} 行重复（同一机构、项目和月份只能有一行）`,
      );
    }
    seen.set(key, n);
    rows.push(r);
  });
  if (rows.length === 0) throw badRequest('SUPERVISION_FILE_EMPTY', '进销存表中没有数据行');
  const unknown = await repo.unknownInstitutions(tx, [...new Set(rows.map((r) => r.fixmedinsCode))]);
  if (unknown.length) {
    throw badRequest(
      'SUPERVISION_STOCK_INSTITUTION',
      `定点机构 ${unknown.slice(0, 5).join('、')} 未登记，整个文件未导入`,
    );
  }
  return addStock(tx, rows, batch, actor, now);
}

/** Stock rows given as data (checked rows: the import, the demo county), audited as one import. */
export async function addStock(tx: Tx, rows: StockInput[], batch: string, actor: Actor, now: Date) {
  const done = await repo.upsertStock(tx, rows, batch, actor.name, now);
  const after = { rows: rows.length, ...done };
  await audit(tx, actor, 'supervision.stock_import', 'supervision_stock', batch, null, after, now);
  return after;
}

export const settledByItem = repo.settledByItem;
export const listStock = repo.listStock;

export async function stockXlsx(rows: StockRow[]): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const ws = wb.addWorksheet('进销存');
  ws.addRow([...STOCK_HEADERS, '批次', '导入时间', '导入人']);
  for (const r of rows) {
    ws.addRow([
      r.fixmedinsCode,
      r.itemCode,
      r.month,
      r.opening,
      r.purchased,
      r.closing,
      r.batch,
      r.importedAt,
      r.importedBy,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
