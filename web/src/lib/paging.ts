// A list's page and page size as they live in the URL: read leniently (anything malformed falls
// back to page 1 and the default size) and written without the defaults, so a plain list keeps a
// plain URL. The search pages call the size `size`, the reference lists `pageSize`.

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

export interface Paging {
  page: number;
  pageSize: number;
}

/** A whole number from 1 up, else the fallback. */
export function positiveInt(v: string | null, fallback: number): number {
  const n = Number(v);
  return Number.isSafeInteger(n) && n >= 1 ? n : fallback;
}

export function parsePaging(p: Pick<URLSearchParams, 'get'>, sizeKey = 'pageSize'): Paging {
  const size = Number(p.get(sizeKey));
  return {
    page: positiveInt(p.get('page'), 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

export function pagingParams(p: Paging, sizeKey = 'pageSize'): Record<string, string> {
  const out: Record<string, string> = {};
  if (p.page > 1) out.page = String(p.page);
  if (p.pageSize !== DEFAULT_PAGE_SIZE) out[sizeKey] = String(p.pageSize);
  return out;
}

/** The table's page change: a new page size starts again at page 1. */
export function pageChange(current: Paging, page: number, pageSize: number): Paging {
  return { page: pageSize === current.pageSize ? page : 1, pageSize };
}
