// All SQL of the region table (医保区划).
import type { Queryable, Tx } from '../../db/types.ts';
import type { RegionLevel } from '../../domain/registry/region-rules.ts';
import type { Region } from './contract.ts';

export type { Region };

export interface RegionFilter {
  q?: string;
  level?: RegionLevel;
  parent?: string;
}

const likeOf = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listRegions(q: Queryable, f: RegionFilter, limit: number, offset: number) {
  const params: unknown[] = [];
  const where = ['true'];
  if (f.q) {
    params.push(likeOf(f.q));
    where.push(`(r.name LIKE $${params.length} OR r.admdvs LIKE $${params.length})`);
  }
  if (f.level) {
    params.push(f.level);
    where.push(`r.level = $${params.length}`);
  }
  if (f.parent) {
    params.push(f.parent);
    where.push(`r.parent = $${params.length}`);
  }
  const w = where.join(' AND ');
  const [{ total }] = await q.query<{ total: number }>(
    `SELECT count(*)::bigint AS total FROM region r WHERE ${w}`,
    params,
  );
  const items = await q.query<Region>(
    `SELECT r.admdvs, r.name, r.level, r.parent, p.name AS "parentName",
            (SELECT count(*)::int FROM institution i WHERE i.admdvs = r.admdvs) AS institutions
       FROM region r LEFT JOIN region p ON p.admdvs = r.parent
      WHERE ${w} ORDER BY r.admdvs LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return { items, total: Number(total) };
}

export function findRegion(q: Queryable, admdvs: string, lock?: false): Promise<Region | null>;
export function findRegion(q: Tx, admdvs: string, lock: boolean): Promise<Region | null>;
export async function findRegion(q: Queryable, admdvs: string, lock = false): Promise<Region | null> {
  const [row] = await q.query<Region>(
    `SELECT r.admdvs, r.name, r.level, r.parent, p.name AS "parentName",
            (SELECT count(*)::int FROM institution i WHERE i.admdvs = r.admdvs) AS institutions
       FROM region r LEFT JOIN region p ON p.admdvs = r.parent
      WHERE r.admdvs = $1${lock ? ' FOR UPDATE OF r' : ''}`,
    [admdvs],
  );
  return row ?? null;
}

export async function insertRegion(
  q: Tx,
  r: { admdvs: string; name: string; level: RegionLevel; parent: string | null },
  at: Date,
): Promise<void> {
  await q.query('INSERT INTO region (admdvs, name, level, parent, updated_at) VALUES ($1, $2, $3, $4, $5)', [
    r.admdvs,
    r.name,
    r.level,
    r.parent,
    at.toISOString(),
  ]);
}

export async function updateRegion(
  q: Tx,
  r: { admdvs: string; name: string; parent: string | null },
  at: Date,
): Promise<void> {
  await q.query('UPDATE region SET name = $2, parent = $3, updated_at = $4 WHERE admdvs = $1', [
    r.admdvs,
    r.name,
    r.parent,
    at.toISOString(),
  ]);
}
