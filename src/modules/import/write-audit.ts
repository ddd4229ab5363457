// Per-entity audit rows for the changes an import makes to existing records, written set-based
// (one statement, however many rows) in the import's transaction.
import type { Queryable } from '../../db/types.ts';
import type { Actor } from '../audit/audit.ts';

export async function auditEach(
  tx: Queryable,
  actor: Actor,
  action: string,
  entity: string,
  items: readonly { id: string | number; before: unknown; after: unknown }[],
  at: Date = new Date(), // the application's clock, as for audit()
): Promise<void> {
  if (items.length === 0) return;
  await tx.query(
    `INSERT INTO audit_entry (actor_id, actor_name, action, entity, entity_id, before, after, at)
     SELECT $1, $2, $3, $4, a.id, a.before::jsonb, a.after::jsonb, $8
       FROM unnest($5::text[], $6::text[], $7::text[]) AS a(id, before, after)`,
    [
      actor.id,
      actor.name,
      action,
      entity,
      items.map((i) => String(i.id)),
      items.map((i) => (i.before == null ? null : JSON.stringify(i.before))),
      items.map((i) => (i.after == null ? null : JSON.stringify(i.after))),
      at.toISOString(),
    ],
  );
}
