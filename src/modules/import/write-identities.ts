// Writing accepted identity spells: new spells in one INSERT … SELECT guarded by the natural key
// (person + identity + start date), corrected end dates and departments in one UPDATE, each
// correction audited.
import type { Tx } from '../../db/types.ts';
import type { IdentityRecord } from '../../domain/import/identities.ts';
import type { Actor } from '../audit/index.ts';
import { auditEach } from '../audit/index.ts';
import { insertIdentities, updateIdentities } from './write-repo.ts';

export async function writeIdentities(
  tx: Tx,
  actor: Actor,
  records: readonly IdentityRecord[],
  sourceRef: string,
): Promise<{ inserted: number; updated: number }> {
  const inserts = records.filter((r) => r.action === 'insert');
  const updates = records.filter((r) => r.action === 'update');
  let inserted = 0;
  if (inserts.length > 0) {
    inserted = await insertIdentities(tx, inserts, sourceRef);
  }
  if (updates.length > 0) {
    await updateIdentities(tx, updates);
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
