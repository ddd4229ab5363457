// Factories for tests: persons with valid resident IDs and their identity spells, inserted with
// explicit SQL (real-shaped defaults) into the test county of registry/testing.ts.
import type { Db, Tx } from '../../db/types.ts';
import { makeIdNumber } from '../../domain/registry/id-number.ts';
import { ADMDVS, VILLAGE } from '../registry/testing.ts';

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
