// Finding the header row of a ledger and mapping its columns. Real ledgers often carry a title
// row ("2026年低保对象花名册") and a blank line above the headers, so the first rows are scanned
// for the one that names the most known columns.
import { type AppError, badRequest } from '../shared/errors.ts';
import type { Cell } from './cells.ts';
import { cellText } from './cells.ts';
import { type ColumnSpec, type ImportKind, KIND_COLUMNS, KIND_ONE_OF } from './kinds.ts';

/** How many leading non-empty rows may precede the header row. */
export const HEADER_SCAN_ROWS = 10;

/** 个人缴费（元）* → 个人缴费 ; " 身份证 号码 " → 身份证号码 */
export function normaliseHeader(raw: string): string {
  return raw
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/\*+$/, '')
    .replace(/^\*+/, '')
    .replace(/\((元|人民币元|单位:元)\)$/, '')
    .toLowerCase();
}

function lookupFor(columns: readonly ColumnSpec[]): Map<string, ColumnSpec> {
  const m = new Map<string, ColumnSpec>();
  for (const c of columns) {
    for (const h of [c.header, ...c.synonyms]) m.set(normaliseHeader(h), c);
  }
  return m;
}

export interface HeaderMap {
  /** index of the header row among the rows given */
  headerIndex: number;
  /** column key → cell index */
  index: Record<string, number>;
  /** column key → the header text as written in the file (for error reports) */
  label: Record<string, string>;
}

interface Candidate {
  index: Record<string, number>;
  label: Record<string, string>;
  duplicates: string[];
  matched: number;
}

function mapRow(cells: readonly Cell[], lookup: Map<string, ColumnSpec>): Candidate {
  const index: Record<string, number> = {};
  const label: Record<string, string> = {};
  const duplicates: string[] = [];
  let matched = 0;
  cells.forEach((cell, i) => {
    const raw = cellText(cell);
    if (!raw) return;
    const spec = lookup.get(normaliseHeader(raw));
    if (!spec) return;
    matched++;
    if (spec.key in index) {
      duplicates.push(`${label[spec.key]} / ${raw.trim()}`);
      return;
    }
    index[spec.key] = i;
    label[spec.key] = raw.trim();
  });
  return { index, label, duplicates, matched };
}

/**
 * Locate and map the header row among the first rows of a file.
 * Missing required columns or two columns meaning the same thing refuse the whole file.
 */
export function locateHeaders(
  kind: ImportKind,
  firstRows: readonly (readonly Cell[])[],
): HeaderMap | AppError {
  const columns = KIND_COLUMNS[kind];
  const lookup = lookupFor(columns);
  let best: (Candidate & { at: number }) | undefined;
  firstRows.slice(0, HEADER_SCAN_ROWS).forEach((cells, at) => {
    const c = mapRow(cells, lookup);
    if (!best || c.matched > best.matched) best = { ...c, at };
  });
  const found = best ?? { index: {}, label: {}, duplicates: [], matched: 0, at: 0 };
  const missing = columns.filter((c) => c.required && !(c.key in found.index)).map((c) => c.header);
  for (const group of KIND_ONE_OF[kind] ?? []) {
    if (!group.some((k) => k in found.index)) {
      const names = group.map((k) => columns.find((c) => c.key === k)!.header);
      missing.push(names.join(' 或 '));
    }
  }
  if (missing.length > 0) {
    return badRequest('IMPORT_HEADERS', `文件缺少必需的列：${missing.join('、')}。请使用导入模板的列名。`, {
      missing,
      expected: columns.map((c) => c.header),
    });
  }
  if (found.duplicates.length > 0) {
    return badRequest(
      'IMPORT_HEADERS',
      `文件中有含义相同的重复列：${found.duplicates.join('；')}。请删除其中一列。`,
      { missing: [], duplicates: found.duplicates },
    );
  }
  return { headerIndex: found.at, index: found.index, label: found.label };
}
