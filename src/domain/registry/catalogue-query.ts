// What a HIS asks of the catalogue (1312 医保目录信息查询) and what it is told of an item, as plain
// data between the catalogue module and the HIS interface.

/** A page of 1312 医保目录信息查询: the filters a HIS sends, already validated. */
export interface HisCatalogueQuery {
  /** items valid on this date */
  onDate: string | null;
  code: string | null;
  /** part of the name */
  name: string | null;
  /** items begun on or after this date */
  beginFrom: string | null;
  medChrgitmType: string | null;
  chrgitmLv: string | null;
  kinds: ('drug' | 'service' | 'material')[] | null;
  restricted: boolean | null;
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
  validFrom: string;
  validTo: string | null;
  valid: boolean;
  createdAt: string;
  updatedAt: string;
}
