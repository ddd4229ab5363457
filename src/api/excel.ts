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
