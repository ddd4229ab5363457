// Regions (医保区划): the province's codes come from the reference file; an admin adds any other
// region and corrects a name or parent. Every write is audited.
import type { Tx } from '../../db/types.ts';
import { checkRegion, regionLevel } from '../../domain/registry/region-rules.ts';
import { badRequest, conflict, notFound } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';
import { findRegion, insertRegion, type Region, updateRegion } from './region-repo.ts';

export interface RegionValues {
  admdvs: string;
  name: string;
  parent: string | null;
}

async function validate(tx: Tx, v: RegionValues): Promise<RegionValues> {
  const clean = { admdvs: v.admdvs.trim(), name: v.name.trim(), parent: v.parent?.trim() || null };
  const err = checkRegion(clean);
  if (err) throw err;
  if (clean.parent !== null && !(await findRegion(tx, clean.parent))) {
    throw badRequest('REGION_PARENT_NOT_FOUND', `上级区划 ${clean.parent} 不存在，请先添加上级区划`, {
      field: 'parent',
    });
  }
  return clean;
}

export async function createRegion(tx: Tx, actor: Actor, v: RegionValues, now: Date): Promise<Region> {
  const clean = await validate(tx, v);
  if (await findRegion(tx, clean.admdvs)) {
    throw conflict('REGION_DUPLICATE', `区划代码 ${clean.admdvs} 已存在`, { field: 'admdvs' });
  }
  await insertRegion(tx, { ...clean, level: regionLevel(clean.admdvs) }, now);
  const after = (await findRegion(tx, clean.admdvs)) as Region;
  await audit(tx, actor, 'region.create', 'region', clean.admdvs, null, after, now);
  return after;
}

export async function editRegion(tx: Tx, actor: Actor, v: RegionValues, now: Date): Promise<Region> {
  const before = await findRegion(tx, v.admdvs, true);
  if (!before) throw notFound('REGION_NOT_FOUND', `医保区划 ${v.admdvs} 不存在`, { field: 'admdvs' });
  const clean = await validate(tx, v);
  await updateRegion(tx, clean, now);
  const after = (await findRegion(tx, clean.admdvs)) as Region;
  await audit(tx, actor, 'region.update', 'region', clean.admdvs, before, after, now);
  return after;
}
