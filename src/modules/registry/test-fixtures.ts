// Small factories for registry tests (and other modules' tests): a county with townships and
// villages (persons and enrollments: persons/testing.ts and enrollment/testing.ts). Each inserts with
// explicit SQL and returns what it made; defaults are real-shaped.
import type { Db, Tx } from '../../db/types.ts';

export const ADMDVS = '410926';
export const TOWNSHIP = '410926101';
export const TOWNSHIP_2 = '410926102';
export const VILLAGE = '410926101001';
export const VILLAGE_2 = '410926101002';
export const VILLAGE_OTHER_TOWNSHIP = '410926102001';
export const TODAY = '2026-03-15';

export async function addRegion(q: Tx | Db, admdvs = ADMDVS, name = '范县'): Promise<string> {
  await q.query(
    'INSERT INTO region (admdvs, name) VALUES ($1, $2) ON CONFLICT (admdvs) DO UPDATE SET name = EXCLUDED.name',
    [admdvs, name],
  );
  return admdvs;
}

export async function addTownship(q: Tx | Db, code: string, name = `乡镇${code.slice(6)}`): Promise<string> {
  await addRegion(q, code.slice(0, 6));
  await q.query('INSERT INTO township (code, admdvs, name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
    code,
    code.slice(0, 6),
    name,
  ]);
  return code;
}

export async function addVillage(q: Tx | Db, code: string, name = `村${code.slice(9)}`): Promise<string> {
  await addTownship(q, code.slice(0, 9));
  await q.query(
    `INSERT INTO village (code, township_code, admdvs, name) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [code, code.slice(0, 9), code.slice(0, 6), name],
  );
  return code;
}

/** 范县 with 城关镇 (two villages) and 濮城镇 (one village). */
export async function seedCounty(q: Tx | Db): Promise<void> {
  await addRegion(q);
  await addTownship(q, TOWNSHIP, '城关镇');
  await addTownship(q, TOWNSHIP_2, '濮城镇');
  await addVillage(q, VILLAGE, '东街村');
  await addVillage(q, VILLAGE_2, '西街村');
  await addVillage(q, VILLAGE_OTHER_TOWNSHIP, '前进村');
}

export { addInstitution, type InstitutionFixture } from '../institutions/testing.ts';
export { addCatalogueItem, type CatalogueFixture } from '../catalogue/testing.ts';
