// Shared set-up for the registry's API tests: a county, an app on a fixed clock, and counters.
import type { Db, Queryable } from '../../db/types.ts';
import { testApp } from '../../api/testing.ts';
import { seedCounty, TODAY } from './test-fixtures.ts';

export const NOW = () => new Date(`${TODAY}T02:00:00Z`); // 10:00 in China

export const seedOnly = (db: Db) => seedCounty(db);

export async function registryApp(db: Db) {
  await seedCounty(db);
  return testApp(db, NOW);
}

export async function countRows(q: Queryable, table: string): Promise<number> {
  const [{ n }] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return n;
}

/** Row counts of every table a registry write may touch: compare before/after a refused request. */
export async function snapshot(q: Queryable): Promise<Record<string, number>> {
  const tables = [
    'person',
    'person_status_change',
    'person_identity',
    'household',
    'household_member',
    'enrollment',
    'enrollment_target',
    'institution',
    'catalogue_item',
    'audit_entry',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = await countRows(q, t);
  // a refusal is audited itself (access.denied): every other new entry would be a write
  out.audit_entry -= (
    await q.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_entry WHERE action = 'access.denied'")
  )[0].n;
  return out;
}
export * from './test-fixtures.ts';
