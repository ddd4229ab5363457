// The 定点机构 / 医保目录 filters as they live in the URL (?q=&kind=&page=…): parsed leniently (an
// unknown value is dropped rather than sent to the API to be refused), and written back without
// defaults so a plain page has a plain URL.
import { DEFAULT_PAGE_SIZE, type Paging, parsePaging } from './paging.ts';
import {
  CATALOGUE_KINDS,
  CHARGE_CLASSES,
  type CatalogueKind,
  type ChargeClass,
  INSTITUTION_KINDS,
  type InstitutionKind,
  QUALIFICATIONS,
  type Qualification,
} from './reference-labels.ts';

export interface InstitutionFilters extends Paging {
  q?: string;
  kind?: InstitutionKind;
  level?: 1 | 2 | 3;
  qual?: Qualification;
  townshipCode?: string;
}

export interface CatalogueFilters extends Paging {
  q?: string;
  kind?: CatalogueKind;
  chrgitmLv?: ChargeClass;
}

type Params = Pick<URLSearchParams, 'get'>;

const oneOf = <T extends string>(allowed: readonly T[], v: string | null): T | undefined =>
  v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;

const text = (p: Params, k: string) => p.get(k)?.trim().slice(0, 100) || undefined;

export function parseInstitutionFilters(p: Params): InstitutionFilters {
  const level = Number(p.get('level'));
  const township = p.get('townshipCode');
  return {
    ...parsePaging(p),
    q: text(p, 'q'),
    kind: oneOf(INSTITUTION_KINDS, p.get('kind')),
    level: level === 1 || level === 2 || level === 3 ? level : undefined,
    qual: oneOf(
      QUALIFICATIONS.map((x) => x.value),
      p.get('qual'),
    ),
    townshipCode: township && /^\d{9}$/.test(township) ? township : undefined,
  };
}

export function parseCatalogueFilters(p: Params): CatalogueFilters {
  return {
    ...parsePaging(p),
    q: text(p, 'q'),
    kind: oneOf(CATALOGUE_KINDS, p.get('kind')),
    chrgitmLv: oneOf(CHARGE_CLASSES, p.get('chrgitmLv')),
  };
}

/** URL/API query from filters: empty values and default paging left out. */
export function toQuery(
  f: Partial<Paging> & Record<string, string | number | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === '') continue;
    if (k === 'page' && v === 1) continue;
    if (k === 'pageSize' && v === DEFAULT_PAGE_SIZE) continue;
    out[k] = String(v);
  }
  return out;
}

/** Apply a filter change: any change other than paging goes back to page 1. */
export function withChange<F extends Paging>(f: F, change: Partial<F>): F {
  const pagingOnly = Object.keys(change).every((k) => k === 'page' || k === 'pageSize');
  const sizeChanged = change.pageSize !== undefined && change.pageSize !== f.pageSize;
  return { ...f, ...change, page: pagingOnly && !sizeChanged ? (change.page ?? f.page) : 1 };
}
