// All SQL of the ticket module's tables.
import type { Queryable, Tx } from '../../db/types.ts';
import type { TicketCategory } from '../../domain/ticket/codes.ts';
import type { CategoryLimit } from '../../domain/ticket/limits.ts';
import type { ListQuery, TicketRow } from './contract.ts';

const day = (c: string) => `to_char(${c}, 'YYYY-MM-DD')`;
const COLUMNS = `t.id::int AS id, t.case_id::int AS "caseId", t.platform_no AS "platformNo", t.source,
  t.category, t.urgency, t.title, t.content, t.caller_name AS "callerName", t.caller_phone AS "callerPhone",
  ${day('t.received_on')} AS "receivedOn", t.post, ${day('t.first_dispatched_on')} AS "firstDispatchedOn",
  t.dispatched_at AS "dispatchedAt", t.sign_deadline AS "signDeadline", t.signed_at AS "signedAt",
  ${day('t.finish_due')} AS "finishDue", t.extension_days AS "extensionDays", t.requested_days AS "requestedDays",
  ${day('t.replied_on')} AS "repliedOn", t.reply, ${day('t.closed_on')} AS "closedOn", t.satisfaction,
  t.reopen_count AS "reopenCount", t.return_count AS "returnCount", t.supervise_count AS "superviseCount",
  t.last_supervised_at AS "lastSupervisedAt", c.state`;
const FROM = 'FROM ticket t JOIN workflow_case c ON c.id = t.case_id';

const iso = (v: unknown): string | null =>
  v === null || v === undefined ? null : new Date(v as string).toISOString();
const rowOf = (r: TicketRow): TicketRow => ({
  ...r,
  dispatchedAt: iso(r.dispatchedAt),
  signDeadline: iso(r.signDeadline),
  signedAt: iso(r.signedAt),
  lastSupervisedAt: iso(r.lastSupervisedAt),
});

export async function limits(q: Queryable): Promise<CategoryLimit[]> {
  return q.query<CategoryLimit>(
    `SELECT category, sign_days AS "signDays", urgent_sign_hours AS "urgentSignHours", finish_days AS "finishDays"
     FROM ticket_limit ORDER BY array_position(ARRAY['consult','help','complaint','report','suggestion'], category)`,
  );
}

export async function limitOf(q: Queryable, category: TicketCategory): Promise<CategoryLimit> {
  return (await limits(q)).find((l) => l.category === category)!;
}

export async function setLimit(q: Tx, l: CategoryLimit, by: string, at: Date): Promise<void> {
  await q.query(
    `UPDATE ticket_limit SET sign_days = $2, urgent_sign_hours = $3, finish_days = $4, updated_by = $5, updated_at = $6
     WHERE category = $1`,
    [l.category, l.signDays, l.urgentSignHours, l.finishDays, by, at],
  );
}

export async function numberTaken(q: Queryable, platformNos: string[]): Promise<string[]> {
  const rows = await q.query<{ no: string }>(
    'SELECT platform_no AS no FROM ticket WHERE platform_no = ANY($1)',
    [platformNos],
  );
  return rows.map((r) => r.no);
}

export interface NewTicket {
  caseId: number;
  platformNo: string;
  source: 'manual' | 'import';
  category: string;
  urgency: string;
  title: string;
  content: string;
  callerName: string;
  callerPhone: string;
  receivedOn: string;
  registeredBy: number;
}

export async function insertTicket(q: Tx, t: NewTicket): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO ticket (case_id, platform_no, source, category, urgency, title, content, caller_name, caller_phone,
       received_on, registered_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id::int AS id`,
    [
      t.caseId,
      t.platformNo,
      t.source,
      t.category,
      t.urgency,
      t.title,
      t.content,
      t.callerName,
      t.callerPhone,
      t.receivedOn,
      t.registeredBy,
    ],
  );
  return rows[0].id;
}

export function findTicket(q: Queryable, id: number, lock?: false): Promise<TicketRow | null>;
export function findTicket(q: Tx, id: number, lock: boolean): Promise<TicketRow | null>;
export async function findTicket(q: Queryable, id: number, lock = false): Promise<TicketRow | null> {
  const rows = await q.query<TicketRow>(
    `SELECT ${COLUMNS} ${FROM} WHERE t.id = $1${lock ? ' FOR UPDATE OF t' : ''}`,
    [id],
  );
  return rows[0] ? rowOf(rows[0]) : null;
}

/** The fields a transition changes, by column name. */
export type TicketChange = Partial<{
  post: string | null;
  first_dispatched_on: string;
  dispatched_at: Date;
  sign_deadline: Date;
  signed_at: Date | null;
  finish_due: string;
  extension_days: number;
  requested_days: number | null;
  replied_on: string | null;
  reply: string | null;
  closed_on: string | null;
  satisfaction: string | null;
  reopen_count: number;
  return_count: number;
  supervise_count: number;
  last_supervised_at: Date;
}>;

export async function updateTicket(q: Tx, id: number, change: TicketChange): Promise<void> {
  const keys = Object.keys(change) as (keyof TicketChange)[];
  if (!keys.length) return;
  const sets = keys.map((k, i) => `${k} = $${i + 2}`).join(', ');
  await q.query(`UPDATE ticket SET ${sets} WHERE id = $1`, [id, ...keys.map((k) => change[k])]);
}

export async function listTickets(
  q: Queryable,
  f: ListQuery & { overdueAt?: { at: Date; today: string } },
): Promise<{ items: TicketRow[]; total: number }> {
  const where: string[] = [];
  const args: unknown[] = [];
  const arg = (v: unknown) => {
    args.push(v);
    return `$${args.length}`;
  };
  if (f.q)
    where.push(
      `(t.platform_no ILIKE ${arg(`%${f.q}%`)} OR t.title ILIKE $${args.length} OR t.caller_name = ${arg(f.q)})`,
    );
  if (f.state) where.push(`c.state = ${arg(f.state)}`);
  if (f.category) where.push(`t.category = ${arg(f.category)}`);
  if (f.post) where.push(`t.post = ${arg(f.post)}`);
  if (f.from) where.push(`t.received_on >= ${arg(f.from)}::date`);
  if (f.to) where.push(`t.received_on <= ${arg(f.to)}::date`);
  if (f.overdueAt) {
    const at = arg(f.overdueAt.at);
    const today = arg(f.overdueAt.today);
    where.push(`((c.state = 'dispatched' AND t.sign_deadline < ${at}::timestamptz)
      OR (c.state IN ('handling', 'extension_requested', 'replied') AND t.finish_due < ${today}::date))`);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (await q.query<{ n: number }>(`SELECT count(*)::int AS n ${FROM} ${w}`, args))[0].n;
  const rows = await q.query<TicketRow>(
    `SELECT ${COLUMNS} ${FROM} ${w} ORDER BY t.received_on DESC, t.id DESC LIMIT ${arg(f.limit)} OFFSET ${arg(f.offset)}`,
    args,
  );
  return { items: rows.map(rowOf), total };
}

/** Every ticket first dispatched in a period, for the KPI figures. */
export async function dispatchedBetween(q: Queryable, from: string, to: string): Promise<TicketRow[]> {
  const rows = await q.query<TicketRow>(
    `SELECT ${COLUMNS} ${FROM} WHERE t.first_dispatched_on BETWEEN $1::date AND $2::date ORDER BY t.id`,
    [from, to],
  );
  return rows.map(rowOf);
}
