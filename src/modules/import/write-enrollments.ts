// Writing accepted enrollment rows: new periods in one INSERT … SELECT guarded by the natural key
// (person + scheme + begin date); corrections of amounts, end date, subsidy or employer in one
// UPDATE, each audited with before and after.
import type { Queryable } from '../../db/types.ts';
import type { EnrollmentRecord } from '../../domain/import/enrollments.ts';
import type { Actor } from '../audit/index.ts';
import { auditEach } from '../audit/index.ts';

const cols = (rs: readonly EnrollmentRecord[]) => [
  rs.map((r) => r.psnNo),
  rs.map((r) => r.admdvs),
  rs.map((r) => r.insutype),
  rs.map((r) => r.beginDate),
  rs.map((r) => r.endDate),
  rs.map((r) => r.personalFen),
  rs.map((r) => r.fiscalFen),
  rs.map((r) => r.assistedFen),
  rs.map((r) => r.assistedPayer),
  rs.map((r) => r.assistedIdentity),
  rs.map((r) => r.employerName),
];

const UNNEST = `unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::date[], $6::bigint[], $7::bigint[],
                       $8::bigint[], $9::text[], $10::text[], $11::text[])
  AS s(psn_no, admdvs, insutype, begin_date, end_date, personal, fiscal, assisted, payer, identity, employer)`;

export async function writeEnrollments(
  tx: Queryable,
  actor: Actor,
  records: readonly EnrollmentRecord[],
): Promise<{ inserted: number; updated: number }> {
  const inserts = records.filter((r) => r.action === 'insert');
  const updates = records.filter((r) => r.action === 'update');
  let inserted = 0;
  if (inserts.length > 0) {
    const [r] = await tx.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO enrollment (psn_no, admdvs, insutype, begin_date, end_date, personal_fen, fiscal_fen,
                                 assisted_fen, assisted_payer, assisted_identity, employer_name)
         SELECT s.psn_no, s.admdvs, s.insutype, s.begin_date, s.end_date, s.personal, s.fiscal, s.assisted,
                s.payer, s.identity, s.employer
           FROM ${UNNEST}
          WHERE NOT EXISTS (SELECT 1 FROM enrollment e
                             WHERE e.psn_no = s.psn_no AND e.insutype = s.insutype AND e.begin_date = s.begin_date)
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      cols(inserts),
    );
    inserted = r.n;
  }
  if (updates.length > 0) {
    await tx.query(
      `UPDATE enrollment e SET end_date = s.end_date, personal_fen = s.personal, fiscal_fen = s.fiscal,
              assisted_fen = s.assisted, assisted_payer = coalesce(s.payer, e.assisted_payer),
              assisted_identity = s.identity, employer_name = s.employer
         FROM ${UNNEST}
        WHERE e.psn_no = s.psn_no AND e.insutype = s.insutype AND e.begin_date = s.begin_date`,
      cols(updates),
    );
    await auditEach(
      tx,
      actor,
      'enrollment.update',
      'enrollment',
      updates.map((r) => ({
        id: r.existingId!,
        before: r.before,
        after: {
          endDate: r.endDate,
          personalFen: r.personalFen,
          fiscalFen: r.fiscalFen,
          assistedFen: r.assistedFen,
          assistedIdentity: r.assistedIdentity,
          employerName: r.employerName,
        },
      })),
    );
  }
  return { inserted, updated: updates.length };
}
