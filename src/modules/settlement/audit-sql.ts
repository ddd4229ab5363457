// The audit entry as one more data-modifying part of a write statement: the hot HIS paths write
// their rows and the audit entry in a single round trip. Same columns and meaning as audit().
import type { Actor } from '../audit/audit.ts';

/**
 * `INSERT INTO audit_entry … SELECT … FROM source` using parameters $first … $first+4;
 * entityId is an SQL expression over `source` (e.g. `v.mdtrt_id`).
 */
export function auditPart(first: number, entityId: string, source: string): string {
  const p = (i: number) => `$${first + i}`;
  return `INSERT INTO audit_entry (actor_id, actor_name, action, entity, entity_id, before, after)
          SELECT ${p(0)}::bigint, ${p(1)}::text, ${p(2)}::text, ${p(3)}::text, ${entityId}, NULL, ${p(4)}::jsonb FROM ${source}`;
}

export function auditParams(actor: Actor, action: string, entity: string, after: unknown): unknown[] {
  return [actor.id, actor.name, action, entity, JSON.stringify(after)];
}
