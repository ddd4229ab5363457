// Writing the audit trail: one entry, many entries set-based (an import's changes), or the entry as
// one more part of another write statement (the hot HIS paths, one round trip). The row's place in
// the hash chain is set by the database (migration 011); `at` is always the application's clock.
import type { Db, Tx } from '../../db/types.ts';
import type { Actor } from './audit.ts';

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

export interface NewEntry {
  actor: Actor;
  action: string;
  entity: string;
  entityId: string | number | null;
  before: unknown;
  after: unknown;
  at: Date;
}

export async function insertEntry(tx: Tx | Db, e: NewEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_entry (actor_id, actor_name, action, entity, entity_id, before, after, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      e.actor.id,
      e.actor.name,
      e.action,
      e.entity,
      e.entityId === null ? null : String(e.entityId),
      json(e.before),
      json(e.after),
      e.at.toISOString(),
    ],
  );
}

/** Per-entity entries for the changes one step made to existing records, in one statement. */
export async function auditEach(
  tx: Tx,
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

/**
 * The entry as a data-modifying part of another statement: `INSERT INTO audit_entry … SELECT … FROM
 * source` using parameters $first … $first+5 (auditParams); entityId is an SQL expression over
 * `source` (e.g. `v.mdtrt_id`).
 */
export function auditPart(first: number, entityId: string, source: string): string {
  const p = (i: number) => `$${first + i}`;
  return `INSERT INTO audit_entry (actor_id, actor_name, action, entity, entity_id, before, after, at)
          SELECT ${p(0)}::bigint, ${p(1)}::text, ${p(2)}::text, ${p(3)}::text, ${entityId}, NULL, ${p(4)}::jsonb,
                 ${p(5)}::timestamptz FROM ${source}`;
}

/** The parameters of auditPart; `at` is the caller's clock (ISO text or Date), as for audit(). */
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
