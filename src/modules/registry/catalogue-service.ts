// Catalogue items (医保目录): search, detail, and admin create/update. One national code may have
// successive versions distinguished by valid_from.
import type { Queryable } from '../../db/types.ts';
import { type CatalogueInput, checkCatalogueItem } from '../../domain/registry/reference-rules.ts';
import { conflict, notFound } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';

export interface CatalogueValues extends CatalogueInput {
  code: string;
  name: string;
  kind: 'drug' | 'service' | 'material';
  medChrgitmType: string;
  inpatientOnly: boolean;
}

const COLUMNS = `c.id, c.code, c.name, c.kind, c.chrgitm_lv AS "chrgitmLv", c.first_share_bp AS "firstShareBp",
  c.price_cap_fen AS "priceCapFen", c.med_chrgitm_type AS "medChrgitmType", c.gender_limit AS "genderLimit",
  c.min_age AS "minAge", c.max_age AS "maxAge", c.inpatient_only AS "inpatientOnly", c.valid_from::text AS "validFrom",
  c.valid_to::text AS "validTo"`;

const likeOf = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listCatalogue(
  q: Queryable,
  f: { q?: string; kind?: string; chrgitmLv?: string },
  limit: number,
  offset: number,
) {
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

export async function findCatalogueItem(q: Queryable, id: number, forUpdate = false) {
  const [row] = await q.query<CatalogueValues & { id: number }>(
    `SELECT ${COLUMNS} FROM catalogue_item c WHERE c.id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row ?? null;
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

async function assertNoVersionClash(tx: Queryable, v: CatalogueValues, excludeId: number | null) {
  const [dup] = await tx.query(
    'SELECT 1 FROM catalogue_item WHERE code = $1 AND valid_from = $2 AND ($3::bigint IS NULL OR id <> $3::bigint)',
    [v.code, v.validFrom, excludeId],
  );
  if (dup) {
    throw conflict('CATALOGUE_DUPLICATE', `目录编码 ${v.code} 在 ${v.validFrom} 生效的版本已存在`, {
      field: 'validFrom',
    });
  }
}

export async function createCatalogueItem(tx: Queryable, actor: Actor, v: CatalogueValues) {
  const err = checkCatalogueItem(v);
  if (err) throw err;
  await assertNoVersionClash(tx, v, null);
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO catalogue_item (code, name, kind, chrgitm_lv, first_share_bp, price_cap_fen, med_chrgitm_type,
                                 gender_limit, min_age, max_age, inpatient_only, valid_from, valid_to)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    values(v),
  );
  const after = await findCatalogueItem(tx, row.id);
  await audit(tx, actor, 'catalogue.create', 'catalogue_item', row.id, null, after);
  return after;
}

export async function updateCatalogueItem(tx: Queryable, actor: Actor, id: number, v: CatalogueValues) {
  const before = await findCatalogueItem(tx, id, true);
  if (!before) throw notFound('CATALOGUE_NOT_FOUND', `目录项目 ${id} 不存在`);
  const err = checkCatalogueItem(v);
  if (err) throw err;
  await assertNoVersionClash(tx, v, id);
  await tx.query(
    `UPDATE catalogue_item SET code = $1, name = $2, kind = $3, chrgitm_lv = $4, first_share_bp = $5,
            price_cap_fen = $6, med_chrgitm_type = $7, gender_limit = $8, min_age = $9, max_age = $10,
            inpatient_only = $11, valid_from = $12, valid_to = $13
      WHERE id = $14`,
    [...values(v), id],
  );
  const after = await findCatalogueItem(tx, id);
  await audit(tx, actor, 'catalogue.update', 'catalogue_item', id, before, after);
  return after;
}
