// All SQL of catalogue_item.
import type { Queryable, Tx } from '../../db/types.ts';
import type {
  CatalogueFilter,
  CatalogueItem,
  CatalogueValues,
  HisCatalogueItem,
  HisCatalogueQuery,
} from './contract.ts';

const COLUMNS = `c.id, c.code, c.name, c.kind, c.chrgitm_lv AS "chrgitmLv", c.first_share_bp AS "firstShareBp",
  c.price_cap_fen AS "priceCapFen", c.med_chrgitm_type AS "medChrgitmType", c.gender_limit AS "genderLimit",
  c.min_age AS "minAge", c.max_age AS "maxAge", c.inpatient_only AS "inpatientOnly", c.valid_from::text AS "validFrom",
  c.valid_to::text AS "validTo"`;

const likeOf = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listCatalogue(q: Queryable, f: CatalogueFilter, limit: number, offset: number) {
  const params: unknown[] = [];
  const where = ['true'];
  if (f.q) {
    params.push(likeOf(f.q));
    where.push(`(c.name LIKE $${params.length} OR c.code LIKE $${params.length})`);
  }
  if (f.kind) {
    params.push(f.kind);
    where.push(`c.kind = $${params.length}`);
  }
  if (f.chrgitmLv) {
    params.push(f.chrgitmLv);
    where.push(`c.chrgitm_lv = $${params.length}`);
  }
  const w = where.join(' AND ');
  const [{ total }] = await q.query<{ total: number }>(
    `SELECT count(*)::bigint AS total FROM catalogue_item c WHERE ${w}`,
    params,
  );
  const items = await q.query(
    `SELECT ${COLUMNS} FROM catalogue_item c WHERE ${w} ORDER BY c.code, c.valid_from LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return { items, total };
}

export function findCatalogueItem(q: Queryable, id: number, forUpdate?: false): Promise<CatalogueItem | null>;
export function findCatalogueItem(q: Tx, id: number, forUpdate: boolean): Promise<CatalogueItem | null>;
export async function findCatalogueItem(
  q: Queryable,
  id: number,
  forUpdate = false,
): Promise<CatalogueItem | null> {
  const [row] = await q.query<CatalogueItem>(
    `SELECT ${COLUMNS} FROM catalogue_item c WHERE c.id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row ?? null;
}

/** Another version of the code starting on the same day (excludeId: the item being edited). */
export async function versionExists(
  tx: Tx,
  code: string,
  validFrom: string,
  excludeId: number | null,
): Promise<boolean> {
  const [dup] = await tx.query(
    'SELECT 1 FROM catalogue_item WHERE code = $1 AND valid_from = $2 AND ($3::bigint IS NULL OR id <> $3::bigint)',
    [code, validFrom, excludeId],
  );
  return dup !== undefined;
}

const values = (v: CatalogueValues) => [
  v.code,
  v.name,
  v.kind,
  v.chrgitmLv,
  v.firstShareBp,
  v.priceCapFen,
  v.medChrgitmType,
  v.genderLimit,
  v.minAge,
  v.maxAge,
  v.inpatientOnly,
  v.validFrom,
  v.validTo,
];

export async function insertItem(tx: Tx, v: CatalogueValues): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO catalogue_item (code, name, kind, chrgitm_lv, first_share_bp, price_cap_fen, med_chrgitm_type,
                                 gender_limit, min_age, max_age, inpatient_only, valid_from, valid_to)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    values(v),
  );
  return row.id;
}

export async function updateItem(tx: Tx, id: number, v: CatalogueValues): Promise<void> {
  await tx.query(
    `UPDATE catalogue_item SET code = $1, name = $2, kind = $3, chrgitm_lv = $4, first_share_bp = $5,
            price_cap_fen = $6, med_chrgitm_type = $7, gender_limit = $8, min_age = $9, max_age = $10,
            inpatient_only = $11, valid_from = $12, valid_to = $13, updated_at = now()
      WHERE id = $14`,
    [...values(v), id],
  );
}

/** 1312, 1316, 1318, 1319: the items matching, by code and begin date, with their total count. */
export async function hisCataloguePage(
  q: Queryable,
  f: HisCatalogueQuery,
  window: { offset: number; limit: number },
): Promise<{ total: number; items: HisCatalogueItem[] }> {
  const params: unknown[] = [f.today];
  const where = ['true'];
  const add = (cond: (p: string) => string, v: unknown) => {
    params.push(v);
    where.push(cond(`$${params.length}`));
  };
  const validOn = (d: string) =>
    `c.valid_from <= ${d}::date AND (c.valid_to IS NULL OR c.valid_to >= ${d}::date)`;
  if (f.onDate) add(validOn, f.onDate);
  if (f.code) add((p) => `c.code = ${p}`, f.code);
  if (f.name) add((p) => `c.name LIKE ${p}`, likeOf(f.name));
  if (f.beginFrom) add((p) => `c.valid_from >= ${p}::date`, f.beginFrom);
  if (f.medChrgitmType) add((p) => `c.med_chrgitm_type = ${p}`, f.medChrgitmType);
  if (f.chrgitmLv) add((p) => `c.chrgitm_lv = ${p}`, f.chrgitmLv);
  if (f.kinds) add((p) => `c.kind = ANY(${p}::text[])`, f.kinds);
  if (f.restricted != null) where.push(f.restricted ? 'c.restricted' : 'NOT c.restricted');
  if (f.capped) where.push('c.price_cap_fen IS NOT NULL');
  if (f.valid !== null) where.push(f.valid ? 'c.valid' : 'NOT c.valid');
  if (f.changedSince) add((p) => `c.updated_at >= ${p}::timestamptz`, f.changedSince);
  const w = where.join(' AND ');
  // restricted (a gender, age or inpatient-only limit) and valid (today) computed once per item
  const rows = await q.query<{ total: number; items: HisCatalogueItem[] | null }>(
    `WITH c AS (SELECT i.*, (i.gender_limit IS NOT NULL OR i.min_age IS NOT NULL OR i.max_age IS NOT NULL
                             OR i.inpatient_only) AS restricted,
                       i.valid_from <= $1::date AND (i.valid_to IS NULL OR i.valid_to >= $1::date) AS valid
                  FROM catalogue_item i),
          m AS (SELECT c.* FROM c WHERE ${w}),
          p AS (SELECT * FROM m ORDER BY code, valid_from, id LIMIT ${window.limit} OFFSET ${window.offset})
     SELECT (SELECT count(*)::int FROM m) AS total,
            (SELECT json_agg(json_build_object(
                      'id', p.id, 'code', p.code, 'name', p.name, 'kind', p.kind, 'chrgitmLv', p.chrgitm_lv,
                      'medChrgitmType', p.med_chrgitm_type, 'restricted', p.restricted,
                      'priceCapFen', p.price_cap_fen, 'firstShareBp', p.first_share_bp,
                      'validFrom', p.valid_from::text, 'validTo', p.valid_to::text, 'valid', p.valid,
                      'createdAt', p.created_at, 'updatedAt', p.updated_at)
                    ORDER BY p.code, p.valid_from, p.id) FROM p) AS items`,
    params,
  );
  return { total: rows[0]!.total, items: rows[0]!.items ?? [] };
}
