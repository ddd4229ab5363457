// All SQL of the rating module's tables.
import type { Queryable, Tx } from '../../db/types.ts';
import type { RectifyState } from '../../domain/rating/machine.ts';

export async function rectifyDays(q: Queryable): Promise<number> {
  return (await q.query<{ d: number }>('SELECT rectify_days AS d FROM rating_setting WHERE id = 1'))[0].d;
}

export async function setRectifyDays(q: Tx, days: number, by: string, at: Date): Promise<void> {
  await q.query(
    'UPDATE rating_setting SET rectify_days = $1, updated_by = $2, updated_at = $3 WHERE id = 1',
    [days, by, at],
  );
}

export async function insertInvitation(
  q: Tx,
  i: { tokenHash: string; matterId: number; receiptNo: string; createdBy: number; at: Date; expiresAt: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO rating_invitation (token_hash, matter_id, receipt_no, created_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [i.tokenHash, i.matterId, i.receiptNo, i.createdBy, i.at, i.expiresAt],
  );
}

export interface Invitation {
  matterId: number;
  createdBy: number;
  receiptNo: string;
  expiresAt: string;
  usedAt: string | null;
}

export function invitation(q: Queryable, tokenHash: string, lock?: false): Promise<Invitation | null>;
export function invitation(q: Tx, tokenHash: string, lock: boolean): Promise<Invitation | null>;
export async function invitation(q: Queryable, tokenHash: string, lock = false): Promise<Invitation | null> {
  const rows = await q.query<Invitation>(
    `SELECT matter_id::int AS "matterId", created_by::int AS "createdBy", receipt_no AS "receiptNo", expires_at AS "expiresAt", used_at AS "usedAt"
     FROM rating_invitation WHERE token_hash = $1${lock ? ' FOR UPDATE' : ''}`,
    [tokenHash],
  );
  const r = rows[0];
  return r
    ? {
        ...r,
        expiresAt: new Date(r.expiresAt).toISOString(),
        usedAt: r.usedAt ? new Date(r.usedAt).toISOString() : null,
      }
    : null;
}

export async function markInvitationUsed(q: Tx, tokenHash: string, at: Date): Promise<void> {
  await q.query('UPDATE rating_invitation SET used_at = $2 WHERE token_hash = $1', [tokenHash, at]);
}

export async function matterRated(q: Queryable, matterId: number): Promise<boolean> {
  return (await q.query('SELECT 1 FROM rating WHERE matter_id = $1', [matterId])).length > 0;
}

export interface NewRating {
  matterId: number | null;
  ticketId?: number | null;
  receiptNo: string | null;
  channel: 'counter' | 'online' | 'callback';
  overall: number;
  indicators: Record<string, number>;
  tags: string[];
  comment: string;
  typeCode: string;
  typeName: string;
  handlerId: number | null;
  level: string | null;
  villageCode: string | null;
  at: Date;
  day: string;
}

export async function insertRating(q: Tx, r: NewRating): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO rating (matter_id, receipt_no, channel, overall, indicators, tags, comment, type_code, type_name,
       handler_id, level, village_code, rated_at, rated_on, ticket_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id::int AS id`,
    [
      r.matterId,
      r.receiptNo,
      r.channel,
      r.overall,
      JSON.stringify(r.indicators),
      JSON.stringify(r.tags),
      r.comment,
      r.typeCode,
      r.typeName,
      r.handlerId,
      r.level,
      r.villageCode,
      r.at,
      r.day,
      r.ticketId ?? null,
    ],
  );
  return rows[0].id;
}

export async function insertRectification(
  q: Tx,
  r: { caseId: number; ratingId: number; handlerId: number | null; dueOn: string; openedOn: string },
): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO rating_rectification (case_id, rating_id, handler_id, due_on, opened_on)
     VALUES ($1, $2, $3, $4, $5) RETURNING id::int AS id`,
    [r.caseId, r.ratingId, r.handlerId, r.dueOn, r.openedOn],
  );
  return rows[0].id;
}

export interface RectificationRow {
  id: number;
  caseId: number;
  ratingId: number;
  handlerId: number | null;
  dueOn: string;
  openedOn: string;
  state: RectifyState;
  overall: number;
  tags: string[];
  comment: string;
  receiptNo: string | null;
  typeName: string;
}

const RECT = `SELECT r.id::int AS id, r.case_id::int AS "caseId", r.rating_id::int AS "ratingId",
  r.handler_id::int AS "handlerId", to_char(r.due_on, 'YYYY-MM-DD') AS "dueOn",
  to_char(r.opened_on, 'YYYY-MM-DD') AS "openedOn", c.state, g.overall, g.tags, g.comment,
  g.receipt_no AS "receiptNo", g.type_name AS "typeName"
  FROM rating_rectification r JOIN workflow_case c ON c.id = r.case_id JOIN rating g ON g.id = r.rating_id`;

export async function rectification(q: Queryable, id: number): Promise<RectificationRow | null> {
  return (await q.query<RectificationRow>(`${RECT} WHERE r.id = $1`, [id]))[0] ?? null;
}

export async function rectifications(q: Queryable, openOnly: boolean): Promise<RectificationRow[]> {
  return q.query<RectificationRow>(
    `${RECT} ${openOnly ? 'WHERE c.closed_at IS NULL' : ''} ORDER BY r.due_on, r.id LIMIT 500`,
  );
}

export interface RatingStatRow {
  overall: number;
  rectification: RectifyState | null;
  typeName: string;
  handler: string;
  point: string;
  month: string;
}

/** The ratings of a period with what the statistics group them by. */
export async function ratingsBetween(q: Queryable, from: string, to: string): Promise<RatingStatRow[]> {
  return q.query<RatingStatRow>(
    `SELECT g.overall, c.state AS rectification, g.type_name AS "typeName",
       coalesce(g.handler_id::text, '') AS handler,
       CASE WHEN g.ticket_id IS NOT NULL THEN '12345' WHEN g.village_code IS NULL THEN g.level ELSE g.level || ':' || g.village_code END AS point,
       to_char(g.rated_on, 'YYYY-MM') AS month
     FROM rating g
     LEFT JOIN rating_rectification r ON r.rating_id = g.id
     LEFT JOIN workflow_case c ON c.id = r.case_id
     WHERE g.rated_on BETWEEN $1::date AND $2::date ORDER BY g.id`,
    [from, to],
  );
}
