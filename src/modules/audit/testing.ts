// Test helpers for the audit trail: tampering as the database owner would (the append-only
// trigger switched off for one statement), to prove the hash chain reports it.
import type { Db, Queryable } from '../../db/types.ts';
import { type Actor, audit } from './audit.ts';

export async function tamper(db: Db, sql: string, params: unknown[] = []): Promise<void> {
  await db.tx(async (tx) => {
    await tx.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only');
    await tx.query(sql, params);
    await tx.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only');
  });
}

export const CLERK: Actor = { id: null, name: 'clerk01' };

/** n audit entries, one transaction each, at the given instant. */
export async function someEntries(db: Db, n: number, at: Date, actor: Actor = CLERK): Promise<void> {
  for (let i = 1; i <= n; i++) {
    await db.tx((tx) =>
      audit(tx, actor, 'person.update', 'person', `432524000000000${i % 10}`, { i }, { i: i + 1 }, at),
    );
  }
}

export async function entryIds(q: Queryable): Promise<number[]> {
  return (await q.query<{ id: number }>('SELECT id FROM audit_entry ORDER BY stream, seq')).map((r) => r.id);
}
