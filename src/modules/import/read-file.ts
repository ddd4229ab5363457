// Turn an import's file into rows of cells, streamed: the file is read in 64 KB pieces and rows
// come out one by one, so memory stays the same whatever the file's size. xlsx goes through
// exceljs's streaming reader (no workbook model in memory); csv is decoded (UTF-8 with or without
// BOM, UTF-16LE, or GBK) piece by piece and split by an incremental parser. The first worksheet
// that has any content is the ledger.
import { open } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { type Cell, normaliseExcelValue } from '../../domain/import/cells.ts';
import { CsvParser, detectDelimiter } from '../../domain/import/csv.ts';
import { isBlankRow, type SourceRow } from '../../domain/import/rows.ts';
import { AppError, badRequest } from '../../domain/shared/errors.ts';
import { type ImportSource, openSource, sizeOf } from './upload.ts';
import { utf8WorkbookReader } from './xlsx-reader.ts';

export type FileFormat = 'xlsx' | 'csv';

export interface Sheet {
  format: FileFormat;
  encoding: string | null;
  /** non-blank rows, header and title rows included */
  rows: SourceRow[];
}

/** The same, streamed: non-blank rows in file order. */
export interface RowStream {
  format: FileFormat;
  rows: AsyncIterable<SourceRow>;
}

const EMPTY = () => badRequest('IMPORT_EMPTY', '文件是空的，没有任何内容');
const unreadable = (why: string) => badRequest('IMPORT_UNREADABLE', `无法读取文件：${why}`);
const undecodable = (why: string) =>
  badRequest('IMPORT_UNREADABLE', `无法读取文件：${why}。请上传 xlsx 或 csv（UTF-8 或 GBK 编码）文件。`);
/** a record this long is a quote that never closes, not a ledger row */
const MAX_RECORD_CHARS = 1 << 20;

export function detectFormat(bytes: Uint8Array): FileFormat | 'xls' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  return 'csv';
}

async function headOf(source: ImportSource): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source.subarray(0, 4);
  const f = await open(source.path);
  try {
    const buf = Buffer.alloc(4);
    const { bytesRead } = await f.read(buf, 0, 4, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await f.close();
  }
}

/** Open the file for streaming; refuses empty files and old .xls at once. Rows throw AppError. */
export async function openRows(source: ImportSource): Promise<RowStream> {
  if (sizeOf(source) === 0) throw EMPTY();
  const format = detectFormat(await headOf(source));
  if (format === 'xls') {
    throw unreadable('不支持旧版 Excel 97-2003（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入');
  }
  return { format, rows: format === 'xlsx' ? xlsxRows(source) : csvRows(source) };
}

/** The whole file at once (small files, tests). */
export async function readSheet(bytes: Uint8Array): Promise<Sheet> {
  const stream = await openRows(bytes);
  const rows: SourceRow[] = [];
  for await (const r of stream.rows) rows.push(r);
  if (rows.length === 0) throw EMPTY();
  const format = stream.format;
  return { format, encoding: format === 'csv' ? textDecoder(bytes).encoding : null, rows };
}

interface PieceDecoder {
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'gbk';
  /** bytes of a BOM to skip */
  skip: number;
  decode(piece: Uint8Array, last: boolean): string;
}

// Chosen on the first piece: a BOM says it; otherwise UTF-8 if the piece is valid UTF-8, else
// GB18030 (a superset of GBK that also covers rare characters in names).
function textDecoder(first: Uint8Array): PieceDecoder {
  const utf8 = (encoding: 'utf-8' | 'utf-8-bom', skip: number): PieceDecoder => {
    const d = new TextDecoder('utf-8', { fatal: true });
    return {
      encoding,
      skip,
      decode(piece, last) {
        try {
          return d.decode(piece, { stream: !last });
        } catch {
          throw undecodable('文件声明为 UTF-8 但内容不是有效的 UTF-8');
        }
      },
    };
  };
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) return utf8('utf-8-bom', 3);
  if (first[0] === 0xff && first[1] === 0xfe) {
    const d = new TextDecoder('utf-16le');
    return { encoding: 'utf-16le', skip: 2, decode: (p, last) => d.decode(p, { stream: !last }) };
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(first, { stream: true });
    return utf8('utf-8', 0);
  } catch {
    const d = iconv.getDecoder('gb18030');
    return {
      encoding: 'gbk',
      skip: 0,
      decode: (p, last) => d.write(Buffer.from(p)) + (last ? (d.end() ?? '') : ''),
    };
  }
}

async function* csvRows(source: ImportSource): AsyncGenerator<SourceRow> {
  let decoder: PieceDecoder | undefined;
  let parser: CsvParser | undefined;
  let chars = 0;
  let replaced = 0;
  const rowsOf = function* (text: string, last: boolean) {
    if (text.includes('\u0000')) throw undecodable('文件含有二进制内容，不是文本表格');
    chars += text.length;
    for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) replaced++;
    parser ??= new CsvParser(detectDelimiter(text));
    const records = last ? [...parser.push(text), ...parser.end()] : parser.push(text);
    if (parser.pending > MAX_RECORD_CHARS) throw unreadable('有一行内容过长（引号可能没有配对）');
    for (const r of records) if (!isBlankRow(r.cells)) yield r;
  };
  for await (const chunk of openSource(source) as AsyncIterable<Buffer>) {
    let piece: Uint8Array = chunk;
    if (!decoder) {
      decoder = textDecoder(chunk);
      piece = chunk.subarray(decoder.skip);
    }
    yield* rowsOf(decoder.decode(piece, false), false);
  }
  yield* rowsOf(decoder ? decoder.decode(new Uint8Array(0), true) : '', true);
  if (chars > 0 && replaced / chars > 0.01) throw undecodable('文件编码无法识别');
}

async function* xlsxRows(source: ImportSource): AsyncGenerator<SourceRow> {
  const reader = await utf8WorkbookReader(openSource(source), {
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell date cells from numbers
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let any = false;
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(normaliseExcelValue(values[i]));
        if (isBlankRow(cells)) continue;
        any = true;
        yield { rowNo: row.number, cells };
      }
      if (any) break;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw unreadable('不是有效的 xlsx 文件（文件可能已损坏）');
  }
}
