// Factories for tests: an institution under agreement 2024–2028 in the test county's region,
// inserted with explicit SQL (real-shaped defaults).
import type { Db, Tx } from '../../db/types.ts';
import { ADMDVS, addRegion } from '../registry/testing.ts';

export interface InstitutionFixture {
  code?: string;
  name?: string;
  kind?: 'hospital' | 'township_health_centre' | 'village_clinic' | 'pharmacy';
  level?: 1 | 2 | 3 | null;
  villageCode?: string | null;
}

let institutionSeq = 0;

export async function addInstitution(q: Tx | Db, f: InstitutionFixture = {}): Promise<string> {
  const kind = f.kind ?? 'hospital';
  const code =
    f.code ?? `${kind === 'pharmacy' ? 'P' : 'H'}${ADMDVS}${String(++institutionSeq).padStart(5, '0')}`;
  await addRegion(q);
  await q.query(
    `INSERT INTO institution (code, admdvs, name, kind, level, village_code, agreement_from, agreement_to)
     VALUES ($1, $2, $3, $4, $5, $6, '2024-01-01', '2028-12-31')`,
    [
      code,
      ADMDVS,
      f.name ?? `范县人民医院${institutionSeq}`,
      kind,
      f.level === undefined ? (kind === 'pharmacy' ? null : 2) : f.level,
      f.villageCode ?? null,
    ],
  );
  return code;
}
