// Writing accepted enrollment rows: new periods in one INSERT … SELECT guarded by the natural key
// (person + scheme + begin date); corrections of amounts, end date, subsidy or employer in one
// UPDATE, each audited with before and after.
import type { Tx } from '../../db/types.ts';
import type { EnrollmentRecord } from '../../domain/import/enrollments.ts';
import type { Actor } from '../audit/index.ts';
import { auditEach } from '../audit/index.ts';
import { insertEnrollments, updateEnrollments } from './write-repo.ts';

export async function writeEnrollments(
  tx: Tx,
  actor: Actor,
  records: readonly EnrollmentRecord[],
): Promise<{ inserted: number; updated: number }> {
  const inserts = records.filter((r) => r.action === 'insert');
  const updates = records.filter((r) => r.action === 'update');
  let inserted = 0;
  if (inserts.length > 0) {
    inserted = await insertEnrollments(tx, inserts);
  }
  if (updates.length > 0) {
    await updateEnrollments(tx, updates);
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
