// List filters as they live in the URL (?q=&kind=&page=…): parsed leniently (an unknown value is
// dropped rather than sent to the API to be refused), and written back without defaults so a plain
// page has a plain URL. The 定点机构 and 医保目录 pages parse their own filters with these helpers.
import { DEFAULT_PAGE_SIZE, type Paging } from './paging.ts';

export type Params = Pick<URLSearchParams, 'get'>;

export const oneOf = <T extends string>(allowed: readonly T[], v: string | null): T | undefined =>
  v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;

export const text = (p: Params, k: string) => p.get(k)?.trim().slice(0, 100) || undefined;

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
