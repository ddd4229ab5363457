// The audit entry as one more data-modifying part of a write statement: the hot HIS paths write
// their rows and the audit entry in a single round trip. Same columns and meaning as audit().
import type { Actor } from '../audit/audit.ts';

/**
 * `INSERT INTO audit_entry … SELECT … FROM source` using parameters $first … $first+5;
 * entityId is an SQL expression over `source` (e.g. `v.mdtrt_id`).
 */
export function auditPart(first: number, entityId: string, source: string): string {
  const p = (i: number) => `$${first + i}`;
  return `INSERT INTO audit_entry (actor_id, actor_name, action, entity, entity_id, before, after, at)
          SELECT ${p(0)}::bigint, ${p(1)}::text, ${p(2)}::text, ${p(3)}::text, ${entityId}, NULL, ${p(4)}::jsonb,
                 ${p(5)}::timestamptz FROM ${source}`;
}

/** `at` is the caller's clock (ISO text or Date), as for audit(). */
export function auditParams(
  actor: Actor,
  action: string,
  entity: string,
  after: unknown,
  at: string | Date,
): unknown[] {
  return [
    actor.id,
    actor.name,
    action,
    entity,
    JSON.stringify(after),
    typeof at === 'string' ? at : at.toISOString(),
  ];
}
