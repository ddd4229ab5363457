// Turn an uploaded file into rows of cells. xlsx goes through exceljs's streaming reader (no
// workbook model in memory, so 100k-row files stay cheap); csv is decoded (UTF-8 with or without
// BOM, or GBK) and split. The first worksheet that has any content is the ledger.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type Cell, normaliseExcelValue } from '../../domain/import/cells.ts';
import { decodeText, detectDelimiter, parseCsv } from '../../domain/import/csv.ts';
import { isBlankRow, type SourceRow } from '../../domain/import/rows.ts';
import { AppError, badRequest } from '../../domain/shared/errors.ts';
import { Utf8WorkbookReader } from './xlsx-reader.ts';

export type FileFormat = 'xlsx' | 'csv';

export interface Sheet {
  format: FileFormat;
  encoding: string | null;
  /** non-blank rows, header and title rows included */
  rows: SourceRow[];
}

const EMPTY = () => badRequest('IMPORT_EMPTY', '文件是空的，没有任何内容');
const unreadable = (why: string) => badRequest('IMPORT_UNREADABLE', `无法读取文件：${why}`);

export function detectFormat(bytes: Uint8Array): FileFormat | 'xls' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  return 'csv';
}

/** Reads the whole file; `onRows` is told every few thousand rows (progress). Throws AppError. */
export async function readSheet(bytes: Uint8Array, onRows?: (n: number) => void): Promise<Sheet> {
  if (bytes.length === 0) throw EMPTY();
  const format = detectFormat(bytes);
  if (format === 'xls') {
    throw unreadable('不支持旧版 Excel 97-2003（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入');
  }
  const sheet = format === 'xlsx' ? await readXlsx(bytes, onRows) : readCsv(bytes);
  if (sheet.rows.length === 0) throw EMPTY();
  return sheet;
}

function readCsv(bytes: Uint8Array): Sheet {
  const decoded = decodeText(bytes);
  if (decoded instanceof AppError) throw decoded;
  const text = decoded.text;
  const rows = parseCsv(text, detectDelimiter(text)).filter((r) => !isBlankRow(r.cells));
  return { format: 'csv', encoding: decoded.encoding, rows };
}

async function readXlsx(bytes: Uint8Array, onRows?: (n: number) => void): Promise<Sheet> {
  const reader = new Utf8WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell date cells from numbers
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const rows: SourceRow[] = [];
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(normaliseExcelValue(values[i]));
        if (isBlankRow(cells)) continue;
        rows.push({ rowNo: row.number, cells });
        if (onRows && rows.length % 5000 === 0) onRows(rows.length);
      }
      if (rows.length > 0) break;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw unreadable('不是有效的 xlsx 文件（文件可能已损坏）');
  }
  return { format: 'xlsx', encoding: null, rows };
}
