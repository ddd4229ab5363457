// What a HIS asks of the catalogue (1312 医保目录信息查询, 1316 匹配, 1318 限价, 1319 先自付比例) and
// what it is told of an item, as plain data between the catalogue module and the HIS interface.

/** A page of a catalogue query: the filters a HIS sends, already validated. */
export interface HisCatalogueQuery {
  /** items valid on this date */
  onDate: string | null;
  code: string | null;
  /** part of the name */
  name?: string | null;
  /** items begun on or after this date */
  beginFrom: string | null;
  medChrgitmType?: string | null;
  chrgitmLv?: string | null;
  kinds?: ('drug' | 'service' | 'material')[] | null;
  restricted?: boolean | null;
  /** only items with a price cap (1318) */
  capped?: boolean;
  /** valid (or not) on `today` */
  valid: boolean | null;
  today: string;
  /** changed at or after this instant (ISO) */
  changedSince: string | null;
  page: number;
  pageSize: number;
}

export interface HisCatalogueItem {
  id: number;
  code: string;
  name: string;
  kind: 'drug' | 'service' | 'material';
  chrgitmLv: string;
  medChrgitmType: string;
  restricted: boolean;
  priceCapFen: number | null;
  /** the item's own class-B first share; null: the policy's */
  firstShareBp: number | null;
  validFrom: string;
  validTo: string | null;
  valid: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Which rows of the whole list a page is: [offset, offset + limit). */
export const pageWindow = (page: number, pageSize: number) => ({
  offset: (page - 1) * pageSize,
  limit: pageSize,
});

/**
 * A page of a list whose every item stands for `per` rows in a row (1319: a class-B item for each
 * insurance type with a policy): which items to read, and where the page starts among their rows.
 */
export function expandedWindow(page: number, pageSize: number, per: number) {
  const { offset, limit } = pageWindow(page, pageSize);
  const first = Math.floor(offset / per);
  const last = Math.floor((offset + limit - 1) / per);
  return { items: { offset: first, limit: last - first + 1 }, skip: offset - first * per };
}

/** The page's rows: each item once for each of `each`, from `skip`, at most `pageSize`. */
export function expandRows<I, E, R>(
  items: I[],
  each: E[],
  skip: number,
  pageSize: number,
  row: (item: I, e: E) => R,
): R[] {
  return items.flatMap((i) => each.map((e) => row(i, e))).slice(skip, skip + pageSize);
}
