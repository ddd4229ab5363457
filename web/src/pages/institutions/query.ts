// The 定点机构 list's filters as they live in the URL.
import { type Params, oneOf, text } from '../../lib/list-query.ts';
import { type Paging, parsePaging } from '../../lib/paging.ts';
import { INSTITUTION_KINDS, type InstitutionKind, QUALIFICATIONS, type Qualification } from './labels.ts';

export interface InstitutionFilters extends Paging {
  q?: string;
  kind?: InstitutionKind;
  level?: 1 | 2 | 3;
  qual?: Qualification;
  townshipCode?: string;
}

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
