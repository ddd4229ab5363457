// Who acts, and the one call every module records its writes with.
import type { Db, Tx } from '../../db/types.ts';
import { insertEntry } from './write-repo.ts';

export interface Actor {
  id: number | null;
  name: string; // staff username, institution code, or 'system'
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };

/**
 * Record one audit entry inside the caller's transaction (or, for the audit of a read that runs on
 * the database outside any transaction, as a statement of its own). `at` is the application's clock (the
 * request's `now`), never the database's: one clock for business and audit timestamps. The row's
 * place in the hash chain is set by the database (migration 011).
 */
export async function audit(
  tx: Tx | Db,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string | number | null,
  before: unknown,
  after: unknown,
  at: Date = new Date(),
): Promise<void> {
  await insertEntry(tx, { actor, action, entity, entityId, before, after, at });
}
