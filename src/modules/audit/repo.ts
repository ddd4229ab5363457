// Searching the audit trail for the audit page (稽核 and admin).
import type { Queryable } from '../../db/types.ts';
import { type AuditEntriesQuery, type AuditEntryView, chinaDayEnd, chinaDayStart } from './contract.ts';

// The person an entry is about: the person row itself, or a psnNo named in its before/after
// (identities, enrollments, status changes …). Indexed by migration 011 under the same expression.
const PERSON_KEY = `(CASE WHEN entity = 'person' THEN entity_id ELSE coalesce(after->>'psnNo', before->>'psnNo') END)`;

export async function searchEntries(
  q: Queryable,
  f: AuditEntriesQuery,
): Promise<{ items: AuditEntryView[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.person) {
    // an ID number stands for the person holding it (and for entries naming the number itself)
    const p = add(f.person);
    where.push(
      `${PERSON_KEY} = ANY(ARRAY[${p}::text] || ARRAY(SELECT psn_no FROM person WHERE certno = ${p}::char(18)))`,
    );
  }
  if (f.user) where.push(`actor_name = ${add(f.user)}`);
  if (f.action) {
    if (f.action.endsWith('.')) where.push(`starts_with(action, ${add(f.action)})`);
    else where.push(`action = ${add(f.action)}`);
  }
  if (f.from) where.push(`at >= ${add(chinaDayStart(f.from))}::timestamptz`);
  if (f.to) where.push(`at < ${add(chinaDayEnd(f.to))}::timestamptz`);
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [{ total }] = await q.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM audit_entry ${cond}`,
    params,
  );
  const items = await q.query<AuditEntryView>(
    `SELECT id, at, actor_id AS "actorId", actor_name AS "actorName", action, entity, entity_id AS "entityId",
            before, after, stream, seq, hash
       FROM audit_entry ${cond}
      ORDER BY at DESC, id DESC
      LIMIT ${add(f.pageSize)} OFFSET ${add((f.page - 1) * f.pageSize)}`,
    params,
  );
  return { items, total };
}

/** Whether the trail holds any entry of this action (e.g. whether the demo county was ever seeded). */
export async function hasEntry(q: Queryable, action: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM audit_entry WHERE action = $1 LIMIT 1', [action])).length > 0;
}
