import type { Queryable } from '../../db/types.ts';

export interface Actor {
  id: number | null;
  name: string; // staff username, institution code, or 'system'
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };

/**
 * Record one audit entry inside the caller's transaction. `at` is the application's clock (the
 * request's `now`), never the database's: one clock for business and audit timestamps. The row's
 * place in the hash chain is set by the database (migration 011).
 */
export async function audit(
  tx: Queryable,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string | number | null,
  before: unknown,
  after: unknown,
  at: Date = new Date(),
): Promise<void> {
  await tx.query(
    `INSERT INTO audit_entry (actor_id, actor_name, action, entity, entity_id, before, after, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      actor.id,
      actor.name,
      action,
      entity,
      entityId === null ? null : String(entityId),
      before === undefined || before === null ? null : JSON.stringify(before),
      after === undefined || after === null ? null : JSON.stringify(after),
      at.toISOString(),
    ],
  );
}
