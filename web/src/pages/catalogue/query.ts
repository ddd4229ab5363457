// The 医保目录 list's filters as they live in the URL.
import { type Params, oneOf, text } from '../../lib/list-query.ts';
import { type Paging, parsePaging } from '../../lib/paging.ts';
import { CATALOGUE_KINDS, CHARGE_CLASSES, type CatalogueKind, type ChargeClass } from './labels.ts';

export interface CatalogueFilters extends Paging {
  q?: string;
  kind?: CatalogueKind;
  chrgitmLv?: ChargeClass;
}

export function parseCatalogueFilters(p: Params): CatalogueFilters {
  return {
    ...parsePaging(p),
    q: text(p, 'q'),
    kind: oneOf(CATALOGUE_KINDS, p.get('kind')),
    chrgitmLv: oneOf(CHARGE_CLASSES, p.get('chrgitmLv')),
  };
}
