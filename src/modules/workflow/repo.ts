// All SQL of the workflow kernel's tables.
import type { Queryable, Tx } from '../../db/types.ts';
import type { WorkflowEvent } from '../../domain/workflow/machine.ts';
import type { EventRow } from './contract.ts';

export interface CaseRow {
  id: number;
  module: string;
  machine: string;
  subject: string | null;
  state: string;
  openedBy: number;
  openedAt: string;
  stateSince: string;
  dueOn: string | null;
  closedAt: string | null;
  eventCount: number;
}

/** A stored event; the machine's state and action names are only known to its module. */
export type { EventRow };

const CASE_COLUMNS = `id::int AS id, module, machine, subject, state, opened_by::int AS "openedBy",
  opened_at AS "openedAt", state_since AS "stateSince", to_char(due_on, 'YYYY-MM-DD') AS "dueOn",
  closed_at AS "closedAt", event_count AS "eventCount"`;

export interface NewCase {
  module: string;
  machine: string;
  subject: string | null;
  state: string;
  openedBy: number;
  at: Date;
  dueOn: string | null;
  closed: boolean;
}

export async function insertCase(tx: Tx, c: NewCase): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO workflow_case
       (module, machine, subject, state, opened_by, opened_at, state_since, due_on, closed_at, event_count)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7, CASE WHEN $8::boolean THEN $6::timestamptz END, 1)
     RETURNING id::int AS id`,
    [c.module, c.machine, c.subject, c.state, c.openedBy, c.at, c.dueOn, c.closed],
  );
  return rows[0].id;
}

/** The case, locked for the rest of the transaction (serialises concurrent transitions). */
export async function lockCase(tx: Tx, id: number): Promise<CaseRow | null> {
  const rows = await tx.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM workflow_case WHERE id = $1 FOR UPDATE`, [
    id,
  ]);
  return rows[0] ? caseOf(rows[0]) : null;
}

export async function findCase(db: Queryable, id: number): Promise<CaseRow | null> {
  const rows = await db.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM workflow_case WHERE id = $1`, [id]);
  return rows[0] ? caseOf(rows[0]) : null;
}

// Timestamps come back as ISO strings on `pg` and may come back as Date on PGlite: one form here.
const iso = (v: unknown): string => new Date(v as string).toISOString();
const isoOrNull = (v: unknown): string | null => (v === null ? null : iso(v));
const caseOf = (r: CaseRow): CaseRow => ({
  ...r,
  openedAt: iso(r.openedAt),
  stateSince: iso(r.stateSince),
  closedAt: isoOrNull(r.closedAt),
});

export async function events<S extends string, A extends string>(
  db: Queryable,
  caseId: number,
): Promise<EventRow<S, A>[]> {
  const rows = await db.query<EventRow<S, A>>(
    `SELECT seq, action, from_state AS "from", to_state AS "to", actor_id::int AS "actorId", at, reason
     FROM workflow_event WHERE case_id = $1 ORDER BY seq`,
    [caseId],
  );
  return rows.map((r) => ({ ...r, at: iso(r.at) }));
}

export async function insertEvent(tx: Tx, caseId: number, seq: number, e: WorkflowEvent<string, string>) {
  await tx.query(
    `INSERT INTO workflow_event (case_id, seq, action, from_state, to_state, actor_id, at, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [caseId, seq, e.action, e.from, e.to, e.actorId, e.at, e.reason],
  );
}

export async function moveCase(
  tx: Tx,
  id: number,
  m: { state: string; at: Date; dueOn: string | null; closed: boolean; eventCount: number },
): Promise<void> {
  await tx.query(
    `UPDATE workflow_case SET state = $2, state_since = $3, due_on = $4,
       closed_at = CASE WHEN $5::boolean THEN $3::timestamptz END, event_count = $6
     WHERE id = $1`,
    [id, m.state, m.at, m.dueOn, m.closed, m.eventCount],
  );
}

/** Open cases of a module whose current state is due on or before `day` (the overdue queue). */
export async function dueBy(db: Queryable, module: string, day: string): Promise<CaseRow[]> {
  const rows = await db.query<CaseRow>(
    `SELECT ${CASE_COLUMNS} FROM workflow_case
     WHERE module = $1 AND closed_at IS NULL AND due_on <= $2::date ORDER BY due_on, id`,
    [module, day],
  );
  return rows.map(caseOf);
}
