// 参保缴费 lists: who is covered by which scheme for which period, and who paid what. The natural
// key is person + scheme + begin date. The business rules (no overlapping periods, nobody enrolled
// after death, a subsidy needs a subsidising identity, 310 needs an employer, 390 stays within a
// calendar year) are the registry's own `checkEnrollment`, so a list row is judged exactly like a
// counter entry; rows earlier in the same file count as existing enrollments.
import { checkEnrollment, defaultEndDate, type EnrollmentCandidate } from '../registry/enrollment-rules.ts';
import type { Fen } from '../shared/money.ts';
import type { HeaderMap } from './headers.ts';
import type { Action } from './persons.ts';
import { type PersonRef, RowCheck, type RowOutcome, type SourceRow } from './rows.ts';
import { type IdentityTypeRef, type Insutype, resolveIdentity, resolveInsutype } from './vocab.ts';

export interface EnrollmentRef {
  id: number;
  insutype: string;
  beginDate: string;
  endDate: string;
  status: string;
  personalFen: Fen;
  fiscalFen: Fen;
  assistedFen: Fen;
  assistedIdentity: string | null;
  employerName: string | null;
}

export interface EnrollmentImportContext {
  today: string;
  persons: ReadonlyMap<string, PersonRef>;
  identityTypes: ReadonlyMap<string, IdentityTypeRef>;
  enrollments: ReadonlyMap<string, readonly EnrollmentRef[]>;
  /** identity spells by psn_no */
  identities: ReadonlyMap<string, readonly { code: string; validFrom: string; validTo: string | null }[]>;
}

export interface EnrollmentRecord {
  rowNo: number;
  action: Action;
  existingId: number | null;
  psnNo: string;
  admdvs: string;
  insutype: Insutype;
  beginDate: string;
  endDate: string;
  personalFen: Fen;
  fiscalFen: Fen;
  assistedFen: Fen;
  assistedIdentity: string | null;
  assistedPayer: string | null;
  employerName: string | null;
  before: Omit<EnrollmentRef, 'id' | 'insutype' | 'beginDate' | 'status'> | null;
}

// details.field of the registry's errors → our column keys
const FIELD_COLUMN: Record<string, string> = {
  insutype: 'insutype',
  beginDate: 'beginDate',
  endDate: 'endDate',
  assistedFen: 'assisted',
  assistedIdentity: 'assistedIdentity',
  employerName: 'employerName',
  psnNo: 'certno',
  personalFen: 'personal',
  fiscalFen: 'fiscal',
};

export function enrollmentValidator(ctx: EnrollmentImportContext, headers: HeaderMap) {
  const subsidising = [...ctx.identityTypes.values()]
    .filter((t) => t.subsidisesEnrollment)
    .map((t) => t.code);
  const fromFile = new Map<
    string,
    { id: number; insutype: string; beginDate: string; endDate: string; status: string }[]
  >();

  return (row: SourceRow): RowOutcome<EnrollmentRecord> => {
    const c = new RowCheck(row, headers);
    const id = c.certno(ctx.today);
    const name = c.name();
    const person = id && name ? c.existingPerson(id, name, ctx.persons) : null;
    const insText = c.required('insutype', '险种');
    const insutype = insText ? resolveInsutype(insText) : null;
    if (insText && !insutype) c.fail('insutype', '险种应为 390（城乡居民）、310（职工）或 510（生育）');

    const period = readPeriod(c);
    const personalFen = c.money('personal', '个人缴费');
    const fiscalFen = c.money('fiscal', '财政补助');
    const assistedFen = c.money('assisted', '资助金额');
    const assistedText = c.text('assistedIdentity');
    const assisted = assistedText ? resolveIdentity(assistedText, ctx.identityTypes) : null;
    if (assistedText && !assisted) c.fail('assistedIdentity', `资助身份「${assistedText}」无法识别`);
    const employerName = c.text('employerName') || null;
    if (employerName && [...employerName].length > 100) c.fail('employerName', '单位名称超过100个字');
    if (
      !person ||
      !insutype ||
      !period ||
      personalFen === null ||
      fiscalFen === null ||
      assistedFen === null
    ) {
      return c.outcome<EnrollmentRecord>(null);
    }
    if (c.errors.length > 0) return c.outcome<EnrollmentRecord>(null);

    const existing = ctx.enrollments.get(person.psnNo) ?? [];
    const same = existing.find((e) => e.insutype === insutype && e.beginDate === period.beginDate);
    const mine = fromFile.get(person.psnNo) ?? [];
    // 390 without an end date runs to Dec 31; 310/510 need one (the rule says so)
    const endDate = defaultEndDate(insutype, period.beginDate, period.endDate);
    const candidate: EnrollmentCandidate = {
      insutype,
      beginDate: period.beginDate,
      endDate: period.endDate,
      assistedFen,
      assistedIdentity: assisted?.code ?? null,
      employerName,
    };
    const err = checkEnrollment(
      candidate,
      {
        person: { status: person.status, deathDate: person.deathDate, birthDate: person.birthDate },
        existing: [...existing, ...mine],
        identities: [...(ctx.identities.get(person.psnNo) ?? [])],
        subsidisingIdentityCodes: subsidising,
      },
      same?.id,
    );
    if (err) {
      const field = (err.details as { field?: string } | undefined)?.field;
      const key = field ? (FIELD_COLUMN[field] ?? null) : null;
      const shown = key === 'beginDate' && !c.has('beginDate') ? 'year' : key;
      const end = endDate ?? period.beginDate;
      const twin = mine.find(
        (m) => m.insutype === insutype && m.beginDate <= end && period.beginDate <= m.endDate,
      );
      const reason =
        twin && err.code === 'ENROLLMENT_OVERLAP' ? `与第 ${-twin.id} 行的参保期间重叠` : err.message;
      c.fail(shown && c.has(shown) ? shown : null, reason);
      return c.outcome<EnrollmentRecord>(null);
    }
    if (endDate === null) return c.outcome<EnrollmentRecord>(null); // unreachable: the rule refuses it
    mine.push({ id: -row.rowNo, insutype, beginDate: period.beginDate, endDate, status: 'active' });
    fromFile.set(person.psnNo, mine);

    const record: EnrollmentRecord = {
      rowNo: row.rowNo,
      action: 'insert',
      existingId: same?.id ?? null,
      psnNo: person.psnNo,
      admdvs: person.admdvs,
      insutype,
      beginDate: period.beginDate,
      endDate,
      personalFen,
      fiscalFen,
      assistedFen,
      assistedIdentity: assisted?.code ?? null,
      assistedPayer: assistedFen > 0 && assisted ? assisted.department : null,
      employerName,
      before: null,
    };
    if (same) {
      const { id: _i, insutype: _t, beginDate: _b, status: _s, ...before } = same;
      record.before = before;
      const changed =
        same.endDate !== record.endDate ||
        same.personalFen !== personalFen ||
        same.fiscalFen !== fiscalFen ||
        same.assistedFen !== assistedFen ||
        same.assistedIdentity !== record.assistedIdentity ||
        same.employerName !== employerName;
      record.action = changed ? 'update' : 'unchanged';
    }
    return c.outcome(record);
  };
}

/** 年度 gives Jan 1 – Dec 31; explicit dates win. Without 年度 or 终止日期 the end is left to the rule. */
function readPeriod(c: RowCheck): { beginDate: string; endDate: string | null } | null {
  const yearText = c.text('year');
  let year: number | null = null;
  if (yearText) {
    const m = /^(\d{4})(年度?)?$/.exec(yearText);
    if (!m || Number(m[1]) < 2000 || Number(m[1]) > 2100) return c.fail('year', '年度应为四位年份，如 2026');
    year = Number(m[1]);
  }
  const begin = c.date('beginDate', '起始日期', false);
  const end = c.date('endDate', '终止日期', false);
  if (begin === null || end === null) return null;
  if (begin === undefined && year === null) {
    return c.fail(c.has('year') ? 'year' : c.has('beginDate') ? 'beginDate' : null, '须填写年度或起始日期');
  }
  const beginDate = begin ?? `${year}-01-01`;
  if (year !== null && Number(beginDate.slice(0, 4)) !== year) {
    return c.fail('beginDate', `起始日期不在 ${year} 年度内`);
  }
  return { beginDate, endDate: end ?? (year !== null ? `${year}-12-31` : null) };
}
