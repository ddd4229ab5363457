// exceljs, loaded with the first spreadsheet read or written: importing it costs half a second,
// which every process (the server's start, each test file) paid whether it made one or not.
import type ExcelJS from 'exceljs';
import { fenToYuan } from '../domain/shared/money.ts';

let exceljs: Promise<typeof ExcelJS> | undefined;

export const excel = () => {
  // a CommonJS package: its exports are the import's default
  exceljs ??= import('exceljs').then((m) => (m as unknown as { default: typeof ExcelJS }).default);
  return exceljs;
};

/** An amount for a numeric cell (formatted '#,##0.00'): the number its fen read as yuan say. */
export const yuanCell = (fen: number): number => Number(fenToYuan(fen));

/**
 * A one-sheet workbook of a list: its header row, then a row of cells per item; the columns named
 * in `money` (1-based) formatted as yuan ('#,##0.00', cells from `yuanCell`).
 */
export async function listXlsx<T>(
  sheet: string,
  headers: readonly string[],
  items: readonly T[],
  row: (item: T) => unknown[],
  money: readonly number[] = [],
): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow([...headers]);
  for (const item of items) ws.addRow(row(item));
  for (const c of money) ws.getColumn(c).numFmt = '#,##0.00';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
