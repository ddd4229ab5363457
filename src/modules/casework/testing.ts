// Set-up for casework tests: staff clients on the test app, and row counts to compare around a refusal.
import type { App } from '../../api/context.ts';
import { loginAs } from '../../api/testing.ts';
import type { Db, Queryable } from '../../db/types.ts';
import type { Role } from '../../domain/accounts/roles.ts';

export async function staffClient(app: App, db: Db, role: Role) {
  const cookie = await loginAs(app, db, role);
  const send = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: { cookie }, payload: payload as Record<string, unknown> });
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, p: unknown) => send('POST', url, p),
    act: (id: number, action: string, extra: Record<string, unknown> = {}) =>
      send('POST', `/api/casework/cases/${id}/actions`, { action, ...extra }),
    outcome: (id: number, body: Record<string, unknown>) =>
      send('POST', `/api/casework/cases/${id}/outcomes`, body),
  };
}
export type CaseClient = Awaited<ReturnType<typeof staffClient>>;

/** Row counts of the case tables and the audit: compare before/after a refused request. */
export async function caseworkSnapshot(q: Queryable): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of [
    'casework_case',
    'casework_outcome',
    'casework_ledger',
    'workflow_case',
    'workflow_event',
    'medstaff_point',
  ])
    out[t] = (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`))[0].n;
  out.audit = (
    await q.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action NOT LIKE 'account.%' AND action <> 'access.denied'`,
    )
  )[0].n;
  return out;
}
