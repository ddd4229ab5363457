// Fixtures for import tests: a small county, persons built from real-shaped ID numbers, and csv
// text the way a ledger would carry it.
import type { Db, Tx } from '../../db/types.ts';
import { makeIdNumber } from '../../domain/registry/id-number.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import type { ImportRequest } from './service.ts';

export const ADMDVS = '410926';
export const TOWNSHIP = '410926101';
export const VILLAGE_A = '410926101001';
export const VILLAGE_B = '410926101002';
export const TODAY = '2026-03-15';

export async function seedCounty(db: Tx | Db): Promise<void> {
  await db.exec(`
    INSERT INTO region (admdvs, name) VALUES ('${ADMDVS}', '范县') ON CONFLICT (admdvs) DO UPDATE SET name = EXCLUDED.name;
    INSERT INTO township (code, admdvs, name) VALUES ('${TOWNSHIP}', '${ADMDVS}', '城关镇');
    INSERT INTO village (code, township_code, admdvs, name) VALUES
      ('${VILLAGE_A}', '${TOWNSHIP}', '${ADMDVS}', '东街村'),
      ('${VILLAGE_B}', '${TOWNSHIP}', '${ADMDVS}', '西街村');`);
}

/** The n-th test person's ID number (valid check digit), born 1950–1999. */
export function certOf(n: number): string {
  const year = 1950 + (n % 50);
  const month = String(1 + (n % 12)).padStart(2, '0');
  const day = String(1 + (n % 28)).padStart(2, '0');
  return makeIdNumber(ADMDVS, `${year}-${month}-${day}`, n % 1000);
}

/** Insert a registered person directly (the registry's own service is not under test here). */
export async function addPerson(
  db: Tx | Db,
  n: number,
  name: string,
  opts: { village?: string; status?: string; deathDate?: string } = {},
): Promise<string> {
  const certno = certOf(n);
  const psnNo = `${ADMDVS}${String(900000 + n).padStart(10, '0')}`;
  await db.query(
    `INSERT INTO person (psn_no, admdvs, certno, name, gender, birth_date, village_code, status, status_date, death_date)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
    [
      psnNo,
      ADMDVS,
      certno,
      name,
      Number(certno[16]) % 2 === 1 ? '1' : '2',
      `${certno.slice(6, 10)}-${certno.slice(10, 12)}-${certno.slice(12, 14)}`,
      opts.village ?? VILLAGE_A,
      opts.status ?? 'normal',
      opts.deathDate ?? null,
    ],
  );
  return psnNo;
}

export function csvOf(rows: readonly (readonly (string | number)[])[]): Buffer {
  return Buffer.from(`${rows.map((r) => r.join(',')).join('\n')}\n`, 'utf8');
}

export function request(
  kind: ImportRequest['kind'],
  bytes: ImportRequest['source'],
  over: Partial<ImportRequest> = {},
): ImportRequest {
  return {
    kind,
    mode: 'all_or_nothing',
    fileName: `${kind}.csv`,
    source: bytes,
    actor: SYSTEM_ACTOR,
    staffAdmdvs: null,
    today: TODAY,
    ...over,
  };
}
