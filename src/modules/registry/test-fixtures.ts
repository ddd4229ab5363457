// Small factories for registry tests (and other modules' tests): a county with townships and
// villages, persons with valid resident IDs, identities, enrollments, institutions and catalogue
// items. Each inserts with explicit SQL and returns what it made; defaults are real-shaped.
import type { Db, Tx } from '../../db/types.ts';
import { makeIdNumber } from '../../domain/registry/id-number.ts';

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

export interface PersonFixture {
  name?: string;
  birthDate?: string;
  /** 0–999; odd = male, even = female */
  seq?: number;
  villageCode?: string;
  phone?: string | null;
  status?: 'normal' | 'deceased' | 'imprisoned' | 'moved_out';
  deathDate?: string | null;
  householdNo?: string | null;
}

let fixtureSeq = 0;

/** A unique valid resident ID (different birth dates keep them apart). */
export function nextCertno(birthDate?: string, seq?: number): string {
  fixtureSeq++;
  const bd =
    birthDate ??
    `19${50 + (fixtureSeq % 50)}-${String(1 + (fixtureSeq % 12)).padStart(2, '0')}-${String(1 + (fixtureSeq % 28)).padStart(2, '0')}`;
  return makeIdNumber(ADMDVS, bd, seq ?? fixtureSeq % 1000);
}

/** Insert a person directly (psn_no from person_serial, like the service); returns psn_no and certno. */
export async function addPerson(
  q: Tx | Db,
  f: PersonFixture = {},
): Promise<{ psnNo: string; certno: string }> {
  const certno = nextCertno(f.birthDate, f.seq);
  const villageCode = f.villageCode ?? VILLAGE;
  const status = f.status ?? (f.deathDate ? 'deceased' : 'normal');
  const [row] = await q.query<{ psn_no: string }>(
    `INSERT INTO person (psn_no, admdvs, certno, name, gender, birth_date, phone, village_code, household_no,
                         status, status_date, death_date)
     SELECT $1::text || lpad(nextval('person_serial')::text, 10, '0'), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10
     RETURNING psn_no`,
    [
      villageCode.slice(0, 6),
      certno,
      f.name ?? '张三',
      Number(certno[16]) % 2 === 1 ? '1' : '2',
      `${certno.slice(6, 10)}-${certno.slice(10, 12)}-${certno.slice(12, 14)}`,
      f.phone === undefined ? '13812345678' : f.phone,
      villageCode,
      f.householdNo ?? null,
      status,
      f.deathDate ?? null,
    ],
  );
  return { psnNo: row.psn_no, certno };
}

export async function addIdentity(
  q: Tx | Db,
  psnNo: string,
  code: string,
  validFrom: string,
  validTo: string | null = null,
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO person_identity (psn_no, admdvs, identity_code, source_dept, valid_from, valid_to)
     SELECT $1, p.admdvs, $2, t.department, $3, $4 FROM person p, identity_type t WHERE p.psn_no = $1 AND t.code = $2
     RETURNING id`,
    [psnNo, code, validFrom, validTo],
  );
  return row.id;
}

export interface EnrollmentFixture {
  insutype?: '310' | '390' | '510';
  beginDate?: string;
  endDate?: string;
  personalFen?: number;
  fiscalFen?: number;
  assistedFen?: number;
  assistedIdentity?: string | null;
  employerName?: string | null;
  status?: 'active' | 'stopped';
}

export async function addEnrollment(q: Tx | Db, psnNo: string, f: EnrollmentFixture = {}): Promise<number> {
  const insutype = f.insutype ?? '390';
  const beginDate = f.beginDate ?? '2026-01-01';
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO enrollment (psn_no, admdvs, insutype, begin_date, end_date, status, personal_fen, fiscal_fen,
                             assisted_fen, assisted_identity, employer_name)
     SELECT $1, admdvs, $2, $3, $4, $5, $6, $7, $8, $9, $10 FROM person WHERE psn_no = $1
     RETURNING id`,
    [
      psnNo,
      insutype,
      beginDate,
      f.endDate ?? `${beginDate.slice(0, 4)}-12-31`,
      f.status ?? 'active',
      f.personalFen ?? 40000,
      f.fiscalFen ?? 70000,
      f.assistedFen ?? 0,
      f.assistedIdentity ?? null,
      f.employerName ?? (insutype === '310' ? '范县第一中学' : null),
    ],
  );
  return row.id;
}

export async function setTarget(
  q: Tx | Db,
  townshipCode: string,
  year: number,
  target: number,
): Promise<void> {
  await q.query(
    `INSERT INTO enrollment_target (township_code, year, target) VALUES ($1, $2, $3)
     ON CONFLICT (township_code, year) DO UPDATE SET target = EXCLUDED.target`,
    [townshipCode, year, target],
  );
}

export { addInstitution, type InstitutionFixture } from '../institutions/testing.ts';
export { addCatalogueItem, type CatalogueFixture } from '../catalogue/testing.ts';
