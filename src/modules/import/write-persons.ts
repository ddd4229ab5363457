// Writing accepted person rows: new persons go straight into `person` with COPY (the unique
// certno guards against a concurrent registration: the whole import then fails and can simply be
// re-run); the few updates and household memberships are set-based statements.
import type { Tx } from '../../db/types.ts';
import type { PersonRecord } from '../../domain/import/persons.ts';
import type { Actor } from '../audit/index.ts';
import { auditEach } from '../audit/index.ts';
import { copyPersons, insertHouseholds, insertMembers, reserveSerials, updatePersons } from './write-repo.ts';

/** psn_no: the pooling region + a 10-digit serial from person_serial (002_registry.sql). */
export const psnNoFor = (admdvs: string, serial: number) => `${admdvs}${String(serial).padStart(10, '0')}`;

export async function writePersons(
  tx: Tx,
  actor: Actor,
  records: readonly PersonRecord[],
  today: string,
): Promise<{ inserted: number; updated: number }> {
  const inserts = records.filter((r) => r.action === 'insert');
  const updates = records.filter((r) => r.action === 'update');

  const newHouseholds = records.filter((r) => r.newHousehold);
  if (newHouseholds.length > 0) {
    await insertHouseholds(tx, newHouseholds);
  }

  const serials = await reserveSerials(tx, inserts.length);
  inserts.forEach((r, i) => {
    r.psnNo = psnNoFor(r.admdvs, serials[i]);
  });
  if (inserts.length > 0) {
    await copyPersons(tx, inserts);
  }

  if (updates.length > 0) {
    await updatePersons(tx, updates);
    await auditEach(
      tx,
      actor,
      'person.update',
      'person',
      updates.map((r) => ({
        id: r.psnNo!,
        before: r.before,
        after: { phone: r.phone, villageCode: r.villageCode, householdNo: r.householdNo },
      })),
    );
  }

  const joins = records.filter((r) => r.joinsHousehold);
  if (joins.length > 0) {
    await insertMembers(tx, joins, today);
  }
  return { inserted: inserts.length, updated: updates.length };
}
