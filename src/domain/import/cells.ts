// Cell values as they come out of a spreadsheet or a csv file, and their conversion to the
// values we store: text, calendar dates ('YYYY-MM-DD') and money (integer fen).
import { type Fen, yuanToFen } from '../shared/money.ts';

export type Cell = string | number | boolean | Date | null;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Flatten what exceljs returns for a cell (rich text, formula, hyperlink, error) into a Cell. */
export function normaliseExcelValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('result' in o) return normaliseExcelValue(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
    if (typeof o.text === 'string') return o.text; // hyperlink
    if (typeof o.error === 'string') return o.error;
  }
  return String(v);
}

// JavaScript's \s: tab…CR, space, NBSP, the Unicode spaces, the ideographic space (U+3000), BOM
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    (code >= 0x80 &&
      (code === 0xa0 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000 ||
        code === 0xfeff))
  );
}

export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') {
    // most cells need no trimming; checking the ends first keeps 100k-row files fast
    if (c.length === 0 || (!isSpace(c.charCodeAt(0)) && !isSpace(c.charCodeAt(c.length - 1)))) return c;
    return c.replace(/^\s+|\s+$/g, '');
  }
  if (c instanceof Date) return utcDate(c) ?? '';
  return String(c);
}

export const isBlank = (c: Cell | undefined): boolean => cellText(c) === '';

function validYmd(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2999) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

// exceljs turns date-formatted cells into Dates at UTC midnight of the calendar day.
function utcDate(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  return validYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 is the 1900-02-29 that never
 * was (kept for Lotus 1-2-3 compatibility), so serials from 61 on count from 1899-12-30.
 */
export function excelSerialToDate(serial: number): string | null {
  const days = Math.floor(serial);
  if (!Number.isFinite(serial) || days < 1 || days === 60 || days > 2958465) return null;
  const base = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return utcDate(new Date(base + days * 86_400_000));
}

const DATE_PATTERNS: RegExp[] = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
];

/** A calendar date from a cell: YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD, YYYY年M月D日, or an Excel date. */
export function parseDateCell(c: Cell): string | null {
  if (c instanceof Date) return utcDate(c);
  if (typeof c === 'number') {
    if (Number.isInteger(c) && c >= 19000101 && c <= 29991231) {
      return validYmd(Math.floor(c / 10000), Math.floor(c / 100) % 100, c % 100);
    }
    return excelSerialToDate(c);
  }
  const s = cellText(c);
  for (const re of DATE_PATTERNS) {
    const m = re.exec(s);
    if (m) return validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return null;
}

/** Money in 元 (at most 2 decimals) → fen. Thousands separators, a leading ¥ and a trailing 元 are allowed. */
export function parseMoneyCell(c: Cell): Fen | null {
  if (typeof c === 'number') return Number.isFinite(c) ? yuanToFen(String(c)) : null;
  if (typeof c !== 'string') return null;
  const s = cellText(c)
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  return yuanToFen(s);
}
