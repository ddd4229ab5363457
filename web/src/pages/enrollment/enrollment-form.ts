// The 参保登记 form as plain values: the client-side checks (the domain's enrollment rules
// themselves, and the API's request schema), and the conversion to and from the API's body.
// Amounts are typed in 元 and sent as integer fen (no float arithmetic: yuanToFen parses text).
import {
  beginDateProblem,
  employerProblem,
  endDateProblem,
  stopDateProblem,
  subsidyIdentityMissing,
} from '../../../../src/domain/registry/enrollment-rules.ts';
import type { AppError } from '../../../../src/domain/shared/errors.ts';
import type { EnrollmentRow } from '../../../../src/modules/enrollment/contract.ts';
import { fenToYuan, yuanToFen } from '../../lib/format.ts';
import type { Insutype } from './enrollment-labels.ts';

// the API's row, as the registry declares it
export type { EnrollmentRow };

export interface EnrollmentFormValues {
  insutype?: Insutype | null;
  beginDate?: string | null;
  endDate?: string | null;
  /** 元 as typed */
  personal?: string | null;
  fiscal?: string | null;
  assisted?: string | null;
  assistedIdentity?: string | null;
  assistedPayer?: string | null;
  employerCode?: string | null;
  employerName?: string | null;
  /** 缴费说明: why the amounts are off the year's standard */
  contributionReason?: string | null;
}

export const ENROLLMENT_FIELDS = [
  'insutype',
  'beginDate',
  'endDate',
  'personal',
  'fiscal',
  'assisted',
  'assistedIdentity',
  'assistedPayer',
  'employerCode',
  'employerName',
  'contributionReason',
] as const;
export type EnrollmentField = (typeof ENROLLMENT_FIELDS)[number];
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export const AMOUNT_LABELS = { personal: '个人缴费', fiscal: '财政补助', assisted: '资助参保金额' } as const;

const blank = (s: string | null | undefined) => !s || s.trim() === '';

/** Message for an amount typed in 元, or null when it is a valid non-negative amount. */
export function amountError(text: string | null | undefined, label: string): string | null {
  if (blank(text)) return `请填写${label}（元）`;
  const s = (text as string).replaceAll(',', '').trim();
  if (/^-?\d+\.\d{3,}$/.test(s)) return `${label}最多保留两位小数（精确到分）`;
  const fen = yuanToFen(s);
  if (fen === null || fen < 0) return `${label}应为不小于 0 的金额（元）`;
  return null;
}

/** The whole calendar year a resident (390) period covers. */
export function yearPeriod(year: number): { beginDate: string; endDate: string } {
  return { beginDate: `${year}-01-01`, endDate: `${year}-12-31` };
}

/** The year the period is, when it is exactly one calendar year (for the year picker). */
export function periodYear(beginDate?: string | null, endDate?: string | null): number | null {
  if (!beginDate || !endDate) return null;
  const y = Number(beginDate.slice(0, 4));
  const p = yearPeriod(y);
  return p.beginDate === beginDate && p.endDate === endDate ? y : null;
}

/** Client-side checks, each field by the domain rule the API applies (so with the API's message);
 * the lengths and amounts are the request schema's. */
export function validateEnrollment(v: EnrollmentFormValues): FieldErrors<EnrollmentField> {
  const e: FieldErrors<EnrollmentField> = {};
  if (!v.insutype) e.insutype = '请选择险种';
  const insutype = v.insutype ?? '';
  const begin = v.beginDate ?? '';
  const end = blank(v.endDate) ? null : (v.endDate as string);
  if (blank(begin)) e.beginDate = '请填写参保开始日期';
  else put(e, beginDateProblem(begin));
  // an empty end date is the API's to fill for 390 (12-31), and unchecked before a scheme is chosen
  if (end !== null || (v.insutype && v.insutype !== '390')) put(e, endDateProblem(insutype, begin, end));
  put(e, employerProblem(insutype, v.employerName));
  if (!e.employerName && (v.employerName ?? '').trim().length > 200)
    e.employerName = '参保单位名称最多 200 个字';
  if ((v.employerCode ?? '').trim().length > 50) e.employerCode = '单位编号最多 50 个字符';
  for (const f of ['personal', 'fiscal', 'assisted'] as const) {
    const msg = amountError(v[f], AMOUNT_LABELS[f]);
    if (msg) e[f] = msg;
  }
  const assistedFen = e.assisted ? null : yuanToFen(v.assisted ?? '');
  if (assistedFen !== null) put(e, subsidyIdentityMissing(assistedFen, v.assistedIdentity?.trim()));
  if ((v.assistedPayer ?? '').trim().length > 50) e.assistedPayer = '资助单位最多 50 个字';
  if ((v.contributionReason ?? '').trim().length > 200) e.contributionReason = '缴费说明最多 200 个字';
  return e;
}

/** A domain rule's refusal as the message of the field it names. */
function put<F extends string>(e: FieldErrors<F>, err: AppError | null): void {
  const field = (err?.details as { field?: F } | undefined)?.field;
  if (err && field && !e[field]) e[field] = err.message;
}

/** personal + fiscal + assisted in fen, or null while any is not a valid amount. */
export function totalFen(v: EnrollmentFormValues): number | null {
  let sum = 0;
  for (const f of ['personal', 'fiscal', 'assisted'] as const) {
    if (amountError(v[f], '') !== null) return null;
    sum += yuanToFen(v[f] as string) as number;
  }
  return sum;
}

const orNull = (s: string | null | undefined) => (blank(s) ? null : (s as string).trim());

/** The API body (POST /enrollments, PUT /enrollments/:id); call only on values that validate.
 * A resident (390) period has no employer, whatever the form held from another scheme. */
export function toEnrollmentBody(psnNo: string, v: EnrollmentFormValues) {
  const employed = v.insutype !== '390';
  return {
    psnNo,
    insutype: v.insutype as Insutype,
    beginDate: v.beginDate as string,
    endDate: orNull(v.endDate),
    personalFen: yuanToFen(v.personal ?? '') as number,
    fiscalFen: yuanToFen(v.fiscal ?? '') as number,
    assistedFen: yuanToFen(v.assisted ?? '') as number,
    assistedIdentity: orNull(v.assistedIdentity),
    assistedPayer: orNull(v.assistedPayer),
    employerCode: employed ? orNull(v.employerCode) : null,
    employerName: employed ? orNull(v.employerName) : null,
    contributionReason: orNull(v.contributionReason),
  };
}

const yuan = (fen: number) => fenToYuan(fen, { grouping: false });

/** Form values for correcting an existing enrollment. */
export function fromEnrollment(e: EnrollmentRow): EnrollmentFormValues {
  return {
    insutype: e.insutype as Insutype,
    beginDate: e.beginDate,
    endDate: e.endDate,
    personal: yuan(e.personalFen),
    fiscal: yuan(e.fiscalFen),
    assisted: yuan(e.assistedFen),
    assistedIdentity: e.assistedIdentity,
    assistedPayer: e.assistedPayer ?? '',
    employerCode: e.employerCode ?? '',
    employerName: e.employerName ?? '',
    contributionReason: e.contributionReason ?? '',
  };
}

/** The year a new resident entry most likely is for: the first year from this one without an
 * active resident period (this year, next year in the autumn collection, or the one after when next
 * year is already paid). */
export function suggestedYear(
  rows: Pick<EnrollmentRow, 'insutype' | 'beginDate' | 'status'>[],
  thisYear: number,
) {
  const covered = (y: number) =>
    rows.some((r) => r.insutype === '390' && r.status === 'active' && r.beginDate.startsWith(String(y)));
  let year = thisYear;
  while (covered(year)) year++;
  return year;
}

/** Why 新增参保登记 is closed for this person (a deceased person is not enrolled), or null. */
export function newEnrollmentBlocked(p: { status: string; deathDate: string | null }): string | null {
  if (p.status !== 'deceased') return null;
  return `该人员${p.deathDate ? `已于 ${p.deathDate} ` : '已'}死亡，不能新增参保登记`;
}

/** A new enrollment: a resident period for the given year, no subsidy. */
export function newEnrollmentValues(year: number): EnrollmentFormValues {
  return { insutype: '390', ...yearPeriod(year), personal: '', fiscal: '', assisted: '0.00' };
}

export interface StopFormValues {
  stoppedOn?: string | null;
  reason?: string | null;
}
export type StopField = 'stoppedOn' | 'reason';

/** 停保 checks: the date lies within the period (API's PERIOD_INVALID message), a reason is given. */
export function validateStop(v: StopFormValues, e: Pick<EnrollmentRow, 'beginDate' | 'endDate'>) {
  const out: FieldErrors<StopField> = {};
  const on = v.stoppedOn ?? '';
  if (blank(on)) out.stoppedOn = '请填写停保日期';
  else put(out, stopDateProblem(on, e));
  if (blank(v.reason)) out.reason = '请填写停保原因';
  else if ((v.reason as string).trim().length > 200) out.reason = '停保原因最多 200 个字';
  return out;
}
