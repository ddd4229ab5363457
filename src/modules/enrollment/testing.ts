// Factories for tests: enrollments and enrollment targets, inserted with explicit SQL (real-shaped
// defaults).
import type { Db, Tx } from '../../db/types.ts';

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
