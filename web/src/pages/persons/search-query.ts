// 人员查询 filters ↔ the page URL ↔ the API query. The URL is the single source of the search so a
// reload, a shared link or the back button shows the same list; anything malformed in it is dropped.
import type { Query } from '../../lib/api.ts';
import { type Paging, pagingParams, parsePaging } from '../../lib/paging.ts';
import { PERSON_STATUS_NAMES } from './labels.ts';

export interface PersonSearch extends Paging {
  certno: string;
  name: string;
  townshipCode: string;
  villageCode: string;
  identity: string;
  status: string;
  /** 未参保 filter: a coverage year, 0 = no filter */
  uncovered: number;
}

const CERTNO = /^\d{17}[\dX]$/;
const TOWNSHIP = /^\d{9}$/;
const VILLAGE = /^\d{12}$/;

/** The form's check of a typed resident ID: the server matches whole numbers only. */
export function certnoError(raw: string | undefined): string | null {
  const v = (raw ?? '').trim().toUpperCase();
  if (!v) return null;
  return CERTNO.test(v) ? null : '请输入完整的 18 位身份证号码（末位可为 X）';
}

export function parseSearch(params: URLSearchParams): PersonSearch {
  const get = (k: string) => (params.get(k) ?? '').trim();
  const certno = get('certno').toUpperCase();
  const townshipCode = TOWNSHIP.test(get('township')) ? get('township') : '';
  let villageCode = VILLAGE.test(get('village')) ? get('village') : '';
  // a village outside the chosen township is a stale leftover, not a second filter
  if (villageCode && townshipCode && !villageCode.startsWith(townshipCode)) villageCode = '';
  return {
    certno: CERTNO.test(certno) ? certno : '',
    name: get('name').slice(0, 50),
    townshipCode: townshipCode || (villageCode ? villageCode.slice(0, 9) : ''),
    villageCode,
    identity: /^[a-z_]{1,50}$/.test(get('identity')) ? get('identity') : '',
    status: get('status') in PERSON_STATUS_NAMES ? get('status') : '',
    uncovered: /^20\d\d$/.test(get('uncovered')) ? Number(get('uncovered')) : 0,
    ...parsePaging(params, 'size'),
  };
}

/** The URL query for a search: defaults left out so a plain /persons stays plain. */
export function searchToParams(s: PersonSearch): Record<string, string> {
  const out: Record<string, string> = {};
  if (s.certno) out.certno = s.certno;
  if (s.name) out.name = s.name;
  if (s.townshipCode) out.township = s.townshipCode;
  if (s.villageCode) out.village = s.villageCode;
  if (s.identity) out.identity = s.identity;
  if (s.status) out.status = s.status;
  if (s.uncovered) out.uncovered = String(s.uncovered);
  return { ...out, ...pagingParams(s, 'size') };
}

/** GET /api/registry/persons query; a village implies its township, so only the narrower is sent. */
export function apiQuery(s: PersonSearch): Query {
  return {
    certno: s.certno || undefined,
    name: s.name || undefined,
    villageCode: s.villageCode || undefined,
    townshipCode: s.villageCode ? undefined : s.townshipCode || undefined,
    identity: s.identity || undefined,
    status: s.status || undefined,
    uncoveredYear: s.uncovered || undefined,
    page: s.page,
    pageSize: s.pageSize,
  };
}

export interface SearchFormValues {
  certno?: string;
  name?: string;
  townshipCode?: string | null;
  villageCode?: string | null;
  identity?: string | null;
  status?: string | null;
  uncovered?: number | null;
}

/** A submitted form starts again at page 1 with the current page size. */
export function searchFromForm(v: SearchFormValues, pageSize: number): PersonSearch {
  return {
    certno: (v.certno ?? '').trim().toUpperCase(),
    name: (v.name ?? '').trim(),
    townshipCode: v.townshipCode ?? '',
    villageCode: v.villageCode ?? '',
    identity: v.identity ?? '',
    status: v.status ?? '',
    uncovered: v.uncovered ?? 0,
    page: 1,
    pageSize,
  };
}

export const hasFilters = (s: PersonSearch): boolean =>
  !!(s.certno || s.name || s.townshipCode || s.villageCode || s.identity || s.status || s.uncovered);
