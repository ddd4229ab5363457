// Writing accepted identity spells: new spells in one INSERT … SELECT guarded by the natural key
// (person + identity + start date), corrected end dates and departments in one UPDATE, each
// correction audited.
import type { Queryable } from '../../db/types.ts';
import type { IdentityRecord } from '../../domain/import/identities.ts';
import type { Actor } from '../audit/index.ts';
import { auditEach } from '../audit/index.ts';

export async function writeIdentities(
  tx: Queryable,
  actor: Actor,
  records: readonly IdentityRecord[],
  sourceRef: string,
): Promise<{ inserted: number; updated: number }> {
  const inserts = records.filter((r) => r.action === 'insert');
  const updates = records.filter((r) => r.action === 'update');
  let inserted = 0;
  if (inserts.length > 0) {
    const [r] = await tx.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO person_identity (psn_no, admdvs, identity_code, source_dept, valid_from, valid_to, source_ref)
         SELECT s.psn_no, s.admdvs, s.code, s.dept, s.valid_from, s.valid_to, $7
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[])
                AS s(psn_no, admdvs, code, dept, valid_from, valid_to)
          WHERE NOT EXISTS (SELECT 1 FROM person_identity i
                             WHERE i.psn_no = s.psn_no AND i.identity_code = s.code AND i.valid_from = s.valid_from)
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [
        inserts.map((r) => r.psnNo),
        inserts.map((r) => r.admdvs),
        inserts.map((r) => r.identityCode),
        inserts.map((r) => r.sourceDept),
        inserts.map((r) => r.validFrom),
        inserts.map((r) => r.validTo),
        sourceRef,
      ],
    );
    inserted = r.n;
  }
  if (updates.length > 0) {
    await tx.query(
      `UPDATE person_identity i SET valid_to = u.valid_to, source_dept = u.dept
         FROM unnest($1::bigint[], $2::date[], $3::text[]) AS u(id, valid_to, dept)
        WHERE i.id = u.id`,
      [updates.map((r) => r.existingId), updates.map((r) => r.validTo), updates.map((r) => r.sourceDept)],
    );
    await auditEach(
      tx,
      actor,
      'identity.update',
      'person_identity',
      updates.map((r) => ({
        id: r.existingId!,
        before: r.before,
        after: { sourceDept: r.sourceDept, validTo: r.validTo },
      })),
    );
  }
  return { inserted, updated: updates.length };
}
