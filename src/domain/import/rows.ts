// One row of a ledger under validation: read its cells by column key, record errors with the row
// number and the column header exactly as the file has them, so a clerk can find and fix them.
import { maskIdNumber } from '../shared/masking.ts';
import { textProblem } from '../shared/text-rules.ts';
import type { Fen } from '../shared/money.ts';
import { type IdInfo, parseIdNumber } from '../registry/id-number.ts';
import { type Cell, cellText, parseDateCell, parseMoneyCell } from './cells.ts';
import type { HeaderMap } from './headers.ts';

export interface SourceRow {
  /** row number as shown by Excel (1-based, header and title rows included) */
  rowNo: number;
  cells: readonly Cell[];
}

export interface RowError {
  rowNo: number;
  /** the column header as written in the file; '' for errors about the whole row */
  column: string;
  /**
   * the offending value exactly as typed, so a typo can be found; the report masks it for a role
   * that may not see ID numbers in full (modules/import/report.ts)
   */
  value: string;
  reason: string;
  /** the row's ID number (as typed, masked on display likewise) and name, to help find the row */
  certno: string;
  name: string;
}

/** The registry's facts about an existing person that validation needs. */
export interface PersonRef {
  psnNo: string;
  certno: string;
  name: string;
  admdvs: string;
  birthDate: string;
  status: 'normal' | 'deceased' | 'imprisoned' | 'moved_out';
  statusDate: string | null;
  deathDate: string | null;
  villageCode: string | null;
  householdNo: string | null;
  phone: string | null;
}

export type RowOutcome<T> = { ok: true; record: T } | { ok: false; errors: RowError[] };

export class RowCheck {
  readonly row: SourceRow;
  readonly headers: HeaderMap;
  readonly errors: RowError[] = [];

  constructor(row: SourceRow, headers: HeaderMap) {
    this.row = row;
    this.headers = headers;
  }

  has(key: string): boolean {
    return key in this.headers.index;
  }

  cell(key: string): Cell {
    const i = this.headers.index[key];
    return i === undefined ? null : (this.row.cells[i] ?? null);
  }

  text(key: string): string {
    return cellText(this.cell(key));
  }

  fail(key: string | null, reason: string): null {
    const column = key === null ? '' : (this.headers.label[key] ?? '');
    const raw = key === null ? '' : this.text(key);
    this.errors.push({
      rowNo: this.row.rowNo,
      column,
      value: raw,
      reason,
      certno: this.text('certno').toUpperCase(),
      name: this.text('name'),
    });
    return null;
  }

  required(key: string, what: string): string | null {
    const v = this.text(key);
    return v === '' ? this.fail(key, `${what}不能为空`) : v;
  }

  /** ID number: check digit, region, birth date; refuses numbers Excel has rounded. */
  certno(today: string): IdInfo | null {
    const c = this.cell('certno');
    const raw = this.text('certno');
    if (raw === '') return this.fail('certno', '身份证号不能为空');
    if (typeof c === 'number' || /^\d(\.\d+)?E\+?\d+$/i.test(raw)) {
      return this.fail('certno', '身份证号被存成了数字，末尾几位可能已丢失；请将该列设为文本格式后重新填写');
    }
    const r = parseIdNumber(raw, today);
    // the registry's messages quote the number; reports carry it masked
    return r instanceof Error ? this.fail('certno', r.message.replaceAll(raw, maskIdNumber(raw) ?? '')) : r;
  }

  name(): string | null {
    const v = this.required('name', '姓名');
    if (v === null) return null;
    if ([...v].length > 50) return this.fail('name', '姓名超过50个字');
    // the counter's name rule: hidden, bidi, control or replacement characters are refused
    const hidden = textProblem(v, '姓名');
    if (hidden) return this.fail('name', hidden.message);
    return v;
  }

  /** a date column; blank → undefined (optional) */
  date(key: string, what: string, required: boolean): string | null | undefined {
    const c = this.cell(key);
    if (this.text(key) === '') return required ? this.fail(key, `${what}不能为空`) : undefined;
    const d = parseDateCell(c);
    return d ?? this.fail(key, `${what}不是有效日期，应为 YYYY-MM-DD、YYYY/MM/DD 或 YYYYMMDD`);
  }

  /** a money column in 元; blank → 0 */
  money(key: string, what: string): Fen | null {
    if (this.text(key) === '') return 0;
    const fen = parseMoneyCell(this.cell(key));
    if (fen === null) return this.fail(key, `${what}不是有效金额（单位元，最多两位小数）`);
    if (fen < 0) return this.fail(key, `${what}不能为负数`);
    return fen;
  }

  /** the person must exist in the registry and the ledger's name must be the registered one */
  existingPerson(id: IdInfo, name: string, persons: ReadonlyMap<string, PersonRef>): PersonRef | null {
    const p = persons.get(id.idNumber);
    if (!p) return this.fail('certno', '系统中没有此身份证号的人员，请先办理参保人员登记');
    if (!sameName(p.name, name)) return this.fail('name', nameMismatch(name, p.name));
    return p;
  }

  outcome<T>(record: T | null): RowOutcome<T> {
    return this.errors.length > 0 || record === null
      ? { ok: false, errors: this.errors }
      : { ok: true, record };
  }
}

// Ledgers differ in full-width vs half-width middle dots in minority names (阿依古丽·买买提).
export function sameName(a: string, b: string): boolean {
  const n = (s: string) => s.replace(/[\s\u3000]+/g, '').replace(/[•・．.]/g, '·');
  return n(a) === n(b);
}

/** Rows that are blank in every cell are skipped (not errors). */
export function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every((c) => cellText(c) === '');
}

/** Both names, so the clerk sees whether it is a typo in the ledger or another person. */
export const nameMismatch = (given: string, registered: string) =>
  `表中姓名「${given}」与系统登记的姓名「${registered}」不一致`;
