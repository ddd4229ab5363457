// 医疗保障信息采集 — the clinical records a HIS uploads beside its settlements: 4301 门急诊诊疗记录
// (registration, the case, diagnoses, prescriptions of an outpatient or emergency visit), 4302
// 急诊留观手术及抢救信息 (an emergency observation's operations and rescues), 4401 病案首页 (the
// stay's front sheet: the patient, diagnoses, operations, ICU stays and the fees by class), 4402
// 住院医嘱 (the stay's orders) and 4701 电子病历 (the admission record, diagnoses, course,
// operations, rescues, death and discharge records of a stay). They are what a reviewer reads when a settlement is drawn for 病历抽查.
//
// Kept as the national document: each section one object or a list of them (HIS send both, and
// some spell a section's name in camel case), every member a text or a number of at most
// MAX_MEMBER characters. Members are kept as sent (trimmed, numbers as text, .NET's unset date left
// out, ISO date-times as Beijing wall time); sections the form does not have are dropped and named.
// A member's name is letters, digits, '_' or '-' (a HIS sends 4401's hcv-ab and hiv-ab so). The
// certificate number (certno, in 4401's baseinfo) is not kept: psn_no names the person.
// A record belongs to one visit of one insured person (mdtrt_id, psn_no in its first section):
// self-paid visits are not the fund's and their records are not kept.
import { z } from 'zod';
import { badRequest } from '../shared/errors.ts';
import { code } from './schema.ts';
import {
  MEDICAL_RECORD_FORMS,
  type MedicalRecordForm,
  type MedicalRecordInfno,
} from './medical-record-forms.ts';
import { isUnsetDate, parseDateTime, wireDateTime } from './wire.ts';

export { MEDICAL_RECORD_FORMS, type MedicalRecordInfno } from './medical-record-forms.ts';

/** the national interface's longest text member */
export const MAX_MEMBER = 4000;
export const MAX_SECTION_ROWS = 500;
export const MAX_ROW_MEMBERS = 300;

export type RecordRow = Record<string, string>;

export interface MedicalRecordUpload {
  infno: MedicalRecordInfno;
  mdtrtId: string;
  psnNo: string;
  /** section → rows, in the form's order; empty sections left out */
  document: Record<string, RecordRow[]>;
  /** the input's members that are not sections of the form (dropped) */
  dropped: string[];
}

const MEMBER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;
/** members never kept: the person is psn_no, the registry keeps the certificate */
const NOT_KEPT = new Set(['certno']);
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;

/** One member's value as kept: null when there is nothing to keep. */
function memberValue(v: unknown, path: string): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw invalid(`字段 ${path} 不是有效的数值`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v !== 'string') throw invalid(`字段 ${path} 须为文本或数值，不能是对象或数组`);
  const t = v.trim();
  if (t === '' || isUnsetDate(t)) return null;
  if (t.length > MAX_MEMBER && [...t].length > MAX_MEMBER)
    throw invalid(`字段 ${path} 过长（最多 ${MAX_MEMBER} 个字符）`);
  if (ISO_DATE_TIME.test(t)) {
    try {
      return wireDateTime(parseDateTime(t, path).iso);
    } catch {
      return t;
    }
  }
  return t;
}

const invalid = (message: string) => badRequest('HIS_INPUT_INVALID', `输入参数不合法：${message}`);

function sectionRows(v: unknown, section: string, maxRows: number): RecordRow[] {
  if (v === undefined || v === null || v === '') return [];
  const rows = Array.isArray(v) ? v : [v];
  if (rows.length > maxRows) throw invalid(`${section} 条数过多（最多 ${maxRows} 条）`);
  return rows.map((r, i) => {
    const at = Array.isArray(v) ? `${section}[${i}]` : section;
    if (!r || typeof r !== 'object' || Array.isArray(r)) throw invalid(`${at} 须为对象`);
    const entries = Object.entries(r as Record<string, unknown>);
    if (entries.length > MAX_ROW_MEMBERS) throw invalid(`${at} 字段过多（最多 ${MAX_ROW_MEMBERS} 个）`);
    const row: RecordRow = {};
    for (const [k, value] of entries) {
      if (!MEMBER_NAME.test(k)) throw invalid(`${at} 含不合法的字段名 ${k.slice(0, 60)}`);
      const name = k.toLowerCase();
      const kept = memberValue(value, `${at}.${k}`);
      if (kept !== null && !NOT_KEPT.has(name)) row[name] = kept;
    }
    return row;
  });
}

/**
 * The upload of one form read from its input node: the sections (matched without regard to case),
 * the visit and person named by the first section's first row, what was dropped.
 */
export function readMedicalRecord(infno: MedicalRecordInfno, input: unknown): MedicalRecordUpload {
  const form: MedicalRecordForm = MEDICAL_RECORD_FORMS[infno];
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw invalid('input 须为对象');
  const given = new Map<string, unknown>();
  const dropped: string[] = [];
  const known = new Set(form.sections.map(([s]) => s));
  for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
    const s = k.toLowerCase();
    if (known.has(s) && !given.has(s)) given.set(s, v);
    else dropped.push(k);
  }
  const document: Record<string, RecordRow[]> = {};
  for (const [s] of form.sections) {
    const rows = sectionRows(given.get(s), s, form.maxRows ?? MAX_SECTION_ROWS);
    if (rows.length > 0) document[s] = rows;
  }
  const [first] = form.sections[0]!;
  const head = document[first]?.[0] ?? {};
  const id = z.object({ mdtrt_id: code(30), psn_no: code(30) }).safeParse(head);
  if (!id.success) {
    throw badRequest(
      'HIS_RECORD_NOT_INSURED',
      `${form.name}须在 ${first} 中填写医保就诊的 mdtrt_id 与 psn_no（自费就诊的记录医保不留存）`,
    );
  }
  return { infno, mdtrtId: id.data.mdtrt_id, psnNo: id.data.psn_no, document, dropped };
}

/** The transaction's input schema: the form read as above (its refusals are coded as above). */
export const medicalRecordInput = (infno: MedicalRecordInfno) =>
  z.unknown().transform((v) => readMedicalRecord(infno, v));
