import type { Queryable } from '../../db/types.ts';

export interface Actor {
  id: number | null;
  name: string; // staff username, institution code, or 'system'
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };

/** Record one audit entry inside the caller's transaction. */
export async function audit(
  tx: Queryable,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string | number | null,
  before: unknown,
  after: unknown,
): Promise<void> {
  await tx.query(
    `INSERT INTO audit_entry (actor_id, actor_name, action, entity, entity_id, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      actor.id,
      actor.name,
      action,
      entity,
      entityId === null ? null : String(entityId),
      before === undefined || before === null ? null : JSON.stringify(before),
      after === undefined || after === null ? null : JSON.stringify(after),
    ],
  );
}
