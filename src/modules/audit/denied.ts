// Refused requests leave a trace: a staff member's 403 (a role check, a village or region scope)
// is written as 'access.denied' in its own small transaction, since the request's own transaction,
// if it had one, was rolled back with the refusal.
import type { Db } from '../../db/types.ts';
import { type Actor, audit } from './audit.ts';

export interface Denied {
  method: string;
  /** the route pattern ('/api/registry/persons/:psnNo'), or the URL when no route matched */
  route: string;
  url: string;
  code: string | null;
  roles: readonly string[];
}

export async function auditDenied(db: Db, actor: Actor, d: Denied, at: Date): Promise<void> {
  await db.tx((tx) =>
    audit(
      tx,
      actor,
      'access.denied',
      'route',
      `${d.method} ${d.route}`,
      null,
      {
        url: d.url.slice(0, 500),
        code: d.code,
        roles: d.roles,
      },
      at,
    ),
  );
}
