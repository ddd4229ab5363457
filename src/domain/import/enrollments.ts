// 参保缴费 lists: who is covered by which scheme for which period, and who paid what. The natural
// key is person + scheme + begin date. The business rules (no overlapping periods, nobody enrolled
// after death, a subsidy needs a subsidising identity, 310 needs an employer) are the registry's
// own `checkEnrollment`, passed in, so a list row is judged exactly like a counter entry; rows
// earlier in the same file count as existing enrollments.
import type { AppError } from '../shared/errors.ts';
import type { Fen } from '../shared/money.ts';
import type { HeaderMap } from './headers.ts';
import type { Action } from './persons.ts';
import { type PersonRef, RowCheck, type RowOutcome, type SourceRow } from './rows.ts';
import { type IdentityTypeRef, type Insutype, resolveIdentity, resolveInsutype } from './vocab.ts';

export interface EnrollmentCandidate {
  insutype: string;
  beginDate: string;
  endDate: string;
  assistedFen: Fen;
  assistedIdentity: string | null;
  employerName: string | null;
}

export interface EnrollmentRuleContext {
  person: { status: string; deathDate: string | null };
  existing: { id: number; insutype: string; beginDate: string; endDate: string; status: string }[];
  identities: { code: string; validFrom: string; validTo: string | null }[];
  subsidisingIdentityCodes: string[];
}

/** The registry's rule: `checkEnrollment` in src/domain/registry/enrollment-rules.ts. */
export type EnrollmentRule = (
  candidate: EnrollmentCandidate,
  ctx: EnrollmentRuleContext,
  excludeId?: number,
) => AppError | null;

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
  rule: EnrollmentRule;
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
    const candidate: EnrollmentCandidate = {
      insutype,
      beginDate: period.beginDate,
      endDate: period.endDate,
      assistedFen,
      assistedIdentity: assisted?.code ?? null,
      employerName,
    };
    const err = ctx.rule(
      candidate,
      {
        person: { status: person.status, deathDate: person.deathDate },
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
      const twin = mine.find(
        (m) => m.insutype === insutype && m.beginDate <= period.endDate && period.beginDate <= m.endDate,
      );
      const reason =
        twin && err.code === 'ENROLLMENT_OVERLAP' ? `与第 ${-twin.id} 行的参保期间重叠` : err.message;
      c.fail(shown && c.has(shown) ? shown : null, reason);
      return c.outcome<EnrollmentRecord>(null);
    }
    mine.push({
      id: -row.rowNo,
      insutype,
      beginDate: period.beginDate,
      endDate: period.endDate,
      status: 'active',
    });
    fromFile.set(person.psnNo, mine);

    const record: EnrollmentRecord = {
      rowNo: row.rowNo,
      action: 'insert',
      existingId: same?.id ?? null,
      psnNo: person.psnNo,
      admdvs: person.admdvs,
      insutype,
      beginDate: period.beginDate,
      endDate: period.endDate,
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

/** 年度 gives Jan 1 – Dec 31; explicit dates win; a missing end date is the end of the begin year. */
function readPeriod(c: RowCheck): { beginDate: string; endDate: string } | null {
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
  const endDate = end ?? `${beginDate.slice(0, 4)}-12-31`;
  if (endDate < beginDate) return c.fail('endDate', '终止日期早于起始日期');
  return { beginDate, endDate };
}
