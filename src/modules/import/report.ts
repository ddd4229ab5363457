// Downloads: the per-row error report of a job and an empty template per kind, as xlsx or as csv
// with a UTF-8 BOM (so Excel on a Chinese Windows shows the characters, not mojibake).
import { PassThrough } from 'node:stream';
import { excel } from '../../api/excel.ts';
import { defuseFormula, toCsv } from '../../domain/import/csv.ts';
import { type ImportKind, KIND_COLUMNS } from '../../domain/import/kinds.ts';
import type { RowError } from '../../domain/import/rows.ts';
import { maskIdNumber, maskLongNumbers } from '../../domain/shared/masking.ts';

export type ReportFormat = 'xlsx' | 'csv';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

const ERROR_HEADERS = ['行号', '列', '原值', '错误原因', '身份证号', '姓名'];

/**
 * An error row as a reader may see it: the value the clerk typed, in full for a role allowed to
 * see ID numbers in full (a typo can only be found in the full value), masked otherwise.
 */
export function shownError<E extends RowError>(e: E, fullPii: boolean): E {
  if (fullPii) return e;
  return { ...e, value: maskLongNumbers(e.value), certno: maskIdNumber(e.certno) ?? '' };
}

function errorRows(errors: readonly RowError[], fullPii: boolean): string[][] {
  return errors.map((raw) => {
    const e = shownError(raw, fullPii);
    return [
      String(e.rowNo),
      e.column || '（整行）',
      defuseFormula(e.value),
      e.reason,
      e.certno,
      defuseFormula(e.name),
    ];
  });
}

interface SheetSpec {
  name: string;
  header: string[];
  rows: string[][];
  widths: number[];
}

/** Sheets written with the streaming writer (large reports stay cheap); every cell is text. */
async function xlsxOf(...sheets: SheetSpec[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new (await excel()).stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.columns = s.header.map((h, i) => ({ header: h, width: s.widths[i] ?? 16, style: { numFmt: '@' } }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for (const r of s.rows) ws.addRow(r).commit();
    ws.commit();
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

export async function errorReport(
  errors: readonly RowError[],
  format: ReportFormat,
  fullPii: boolean,
): Promise<Buffer> {
  const rows = errorRows(errors, fullPii);
  if (format === 'csv') return Buffer.from(toCsv([ERROR_HEADERS, ...rows]), 'utf8');
  return xlsxOf({ name: '错误报告', header: ERROR_HEADERS, rows, widths: [8, 16, 24, 60, 22, 12] });
}

/** An empty ledger with the expected headers; every column is text so ID numbers keep their digits. */
export async function template(kind: ImportKind, format: ReportFormat): Promise<Buffer> {
  const headers = KIND_COLUMNS[kind].map((c) => (c.required ? `${c.header}*` : c.header));
  if (format === 'csv') return Buffer.from(toCsv([headers]), 'utf8');
  const columns = KIND_COLUMNS[kind];
  return xlsxOf(
    {
      name: '导入数据',
      header: headers,
      rows: [],
      widths: columns.map((c) => (c.key === 'certno' ? 22 : 16)),
    },
    {
      name: '填写说明',
      header: ['列名', '是否必填', '可用的其他列名', '说明'],
      rows: columns.map((c) => [c.header, c.required ? '必填' : '可空', c.synonyms.join('、'), c.hint]),
      widths: [16, 10, 40, 60],
    },
  );
}

export const fileNameOf = (base: string, format: ReportFormat) => `${base}.${format}`;
