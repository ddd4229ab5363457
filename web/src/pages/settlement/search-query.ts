// 结算查询 filters ↔ the page URL ↔ the API query. The URL is the single source of the search (a
// reload or the back button shows the same list); malformed parts of it are dropped. One person
// box takes an ID number, a person number or a name, told apart by their shape.
import { isIsoDate } from '../../../../src/domain/registry/enrollment-rules.ts';
import type { Query } from '../../lib/api.ts';
import { type Paging, pagingParams, parsePaging } from '../../lib/paging.ts';
import { INSUTYPE_OPTIONS, MED_TYPE_NAMES } from './labels.ts';

export interface SettlementSearch extends Paging {
  /** as typed: 18-digit ID number, person number or (part of) a name */
  person: string;
  institution: string;
  from: string;
  to: string;
  insutype: string;
  medType: string;
}

const CERTNO = /^\d{17}[\dX]$/;
const PSN_NO = /^[0-9A-Z]{1,30}$/;
/** a name holds at least one Chinese character (or the ·/• of minority names) */
const NAME = /^[\p{Script=Han}·•A-Za-z ]{1,50}$/u;
const HAN = /\p{Script=Han}/u;
const INSTITUTION = /^[HP]\d{11}$/;

export type PersonTerm =
  | { kind: 'certno'; value: string }
  | { kind: 'psnNo'; value: string }
  | { kind: 'name'; value: string };

/** What the person box holds; null when empty or not any of the three. */
export function personTerm(raw: string | null | undefined): PersonTerm | null {
  const v = (raw ?? '').trim();
  if (!v) return null;
  const upper = v.toUpperCase();
  if (CERTNO.test(upper)) return { kind: 'certno', value: upper };
  if (HAN.test(v)) return NAME.test(v) ? { kind: 'name', value: v } : null;
  if (PSN_NO.test(upper)) return { kind: 'psnNo', value: upper };
  return null;
}

/** The form's check of the person box. */
export function personError(raw: string | undefined): string | null {
  const v = (raw ?? '').trim();
  if (!v) return null;
  // 17 digits is an ID number one short (person numbers are 16: region + serial)
  if (/^\d{17}$/.test(v)) return '身份证号码请输入完整的 18 位（末位可为 X）';
  return personTerm(v) ? null : '请输入 18 位身份证号码、人员编号或姓名';
}

export function parseSearch(params: URLSearchParams): SettlementSearch {
  const get = (k: string) => (params.get(k) ?? '').trim();
  const person = get('person').slice(0, 50);
  let from = isIsoDate(get('from')) ? get('from') : '';
  let to = isIsoDate(get('to')) ? get('to') : '';
  if (from && to && from > to) [from, to] = [to, from];
  return {
    person: personTerm(person) ? person : '',
    institution: INSTITUTION.test(get('institution')) ? get('institution') : '',
    from,
    to,
    insutype: INSUTYPE_OPTIONS.some((o) => o.value === get('insutype')) ? get('insutype') : '',
    medType: get('medType') in MED_TYPE_NAMES ? get('medType') : '',
    ...parsePaging(params, 'size'),
  };
}

/** The URL query of a search; defaults left out so a plain /settlements stays plain. */
export function searchToParams(s: SettlementSearch): Record<string, string> {
  const out: Record<string, string> = {};
  if (s.person) out.person = s.person;
  if (s.institution) out.institution = s.institution;
  if (s.from) out.from = s.from;
  if (s.to) out.to = s.to;
  if (s.insutype) out.insutype = s.insutype;
  if (s.medType) out.medType = s.medType;
  return { ...out, ...pagingParams(s, 'size') };
}

/** GET /api/settlement/settlements query. */
export function apiQuery(s: SettlementSearch): Query {
  const t = personTerm(s.person);
  return {
    certno: t?.kind === 'certno' ? t.value : undefined,
    psnNo: t?.kind === 'psnNo' ? t.value : undefined,
    name: t?.kind === 'name' ? t.value : undefined,
    institution: s.institution || undefined,
    from: s.from || undefined,
    to: s.to || undefined,
    insutype: s.insutype || undefined,
    medType: s.medType || undefined,
    page: s.page,
    pageSize: s.pageSize,
  };
}

export interface SearchFormValues {
  person?: string;
  institution?: string | null;
  /** the RangePicker's two dates, already as YYYY-MM-DD */
  from?: string | null;
  to?: string | null;
  insutype?: string | null;
  medType?: string | null;
}

/** A submitted form starts again at page 1 with the current page size. */
export function searchFromForm(v: SearchFormValues, pageSize: number): SettlementSearch {
  return {
    person: (v.person ?? '').trim(),
    institution: v.institution ?? '',
    from: v.from ?? '',
    to: v.to ?? '',
    insutype: v.insutype ?? '',
    medType: v.medType ?? '',
    page: 1,
    pageSize,
  };
}

export const hasFilters = (s: SettlementSearch): boolean =>
  !!(s.person || s.institution || s.from || s.to || s.insutype || s.medType);
