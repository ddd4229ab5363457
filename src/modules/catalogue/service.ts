// Catalogue items (医保目录): admin create and update, each checked by the domain rule and audited.
// One national code may have successive versions distinguished by valid_from. HIS systems read it
// page by page (1312).
import type { Queryable, Tx } from '../../db/types.ts';
import { checkCatalogueItem } from '../../domain/registry/reference-rules.ts';
import { conflict, notFound } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';
import { expandedWindow, expandRows, pageWindow } from '../../domain/registry/catalogue-query.ts';
import type { CatalogueValues, HisCatalogueItem, HisCatalogueQuery } from './contract.ts';
import { findCatalogueItem, hisCataloguePage, insertItem, updateItem, versionExists } from './repo.ts';

async function assertNoVersionClash(tx: Tx, v: CatalogueValues, excludeId: number | null) {
  if (await versionExists(tx, v.code, v.validFrom, excludeId)) {
    throw conflict('CATALOGUE_DUPLICATE', `目录编码 ${v.code} 在 ${v.validFrom} 生效的版本已存在`, {
      field: 'validFrom',
    });
  }
}

export async function createCatalogueItem(tx: Tx, actor: Actor, v: CatalogueValues) {
  const err = checkCatalogueItem(v);
  if (err) throw err;
  await assertNoVersionClash(tx, v, null);
  const id = await insertItem(tx, v);
  const after = await findCatalogueItem(tx, id);
  await audit(tx, actor, 'catalogue.create', 'catalogue_item', id, null, after);
  return after;
}

export async function updateCatalogueItem(tx: Tx, actor: Actor, id: number, v: CatalogueValues) {
  const before = await findCatalogueItem(tx, id, true);
  if (!before) throw notFound('CATALOGUE_NOT_FOUND', `目录项目 ${id} 不存在`);
  const err = checkCatalogueItem(v);
  if (err) throw err;
  await assertNoVersionClash(tx, v, id);
  await updateItem(tx, id, v);
  const after = await findCatalogueItem(tx, id);
  await audit(tx, actor, 'catalogue.update', 'catalogue_item', id, before, after);
  return after;
}

/**
 * 1312 医保目录信息查询 (and 1316 匹配, 1318 限价): a page of the catalogue as a HIS filters it (read
 * only, not audited).
 */
export function hisCatalogue(q: Queryable, f: HisCatalogueQuery) {
  return hisCataloguePage(q, f, pageWindow(f.page, f.pageSize));
}

/**
 * 1319 医保目录先自付比例信息查询: the class-B items, each once for each share given (an insurance
 * type's policy default), the item's own share before the default; the total counts those rows.
 */
export async function hisFirstShares<S extends { bp: number }>(
  q: Queryable,
  f: HisCatalogueQuery,
  shares: S[],
): Promise<{ total: number; rows: { item: HisCatalogueItem; share: S; bp: number }[] }> {
  if (shares.length === 0) return { total: 0, rows: [] };
  const w = expandedWindow(f.page, f.pageSize, shares.length);
  const page = await hisCataloguePage(q, { ...f, chrgitmLv: '02' }, w.items);
  return {
    total: page.total * shares.length,
    rows: expandRows(page.items, shares, w.skip, f.pageSize, (item, share) => ({
      item,
      share,
      bp: item.firstShareBp ?? share.bp,
    })),
  };
}
