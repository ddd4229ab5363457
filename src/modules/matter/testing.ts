// Set-up for matter tests: the test county, the library's work calendar, the catalogue, an app on a
// fixed clock (Thursday 2026-12-03, 10:00 in China), and helpers to call the matter API as someone.
import type { App } from '../../api/context.ts';
import { loginAs, testApp } from '../../api/testing.ts';
import type { Db, Queryable } from '../../db/types.ts';
import type { Role } from '../../domain/accounts/roles.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { loadLibraryCalendar } from '../calendar/testing.ts';
import { seedCounty } from '../registry/testing.ts';
import { ensureCatalogue } from './index.ts';

export const MATTER_NOW = new Date('2026-12-03T02:00:00Z');

export async function matterApp(db: Db, now = () => MATTER_NOW) {
  await seedCounty(db);
  await loadLibraryCalendar(db, now());
  await ensureCatalogue(db, SYSTEM_ACTOR, now());
  const app = await testApp(db, now);
  return { app, as: (role: Role, villageCode: string | null = null) => staffOn(app, db, role, villageCode) };
}

// biome-ignore lint/suspicious/noExplicitAny: test replies are read field by field
type Json = any;
export interface Reply {
  statusCode: number;
  body: string;
  rawPayload: Buffer;
  json(): Json;
}

export interface StaffClient {
  id: number;
  cookie: string;
  get(url: string): Promise<Reply>;
  post(url: string, payload: unknown): Promise<Reply>;
  put(url: string, payload: unknown): Promise<Reply>;
  /** apply for a matter (POST /api/matter/matters) */
  apply(payload: Record<string, unknown>): Promise<Reply>;
  act(id: number, payload: Record<string, unknown>): Promise<Reply>;
}

export async function staffOn(
  app: App,
  db: Db,
  role: Role,
  villageCode: string | null = null,
): Promise<StaffClient> {
  const cookie = await loginAs(app, db, role, villageCode);
  const send = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: { cookie }, payload: payload as Record<string, unknown> });
  const me = (await send('GET', '/api/auth/me')).json();
  return {
    id: me.staff.id,
    cookie,
    get: (url) => send('GET', url),
    post: (url, p) => send('POST', url, p),
    put: (url, p) => send('PUT', url, p),
    apply: (p) => send('POST', '/api/matter/matters', p),
    act: (id, p) => send('POST', `/api/matter/matters/${id}/actions`, p),
  };
}

/** Row counts of every table a matter may write: compare before/after a refused request. */
export async function matterSnapshot(q: Queryable): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of [
    'person',
    'household',
    'household_member',
    'enrollment',
    'person_identity',
    'person_status_change',
    'matter',
    'matter_type_change',
    'workflow_case',
    'workflow_event',
  ]) {
    out[t] = (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`))[0].n;
  }
  out.audit = (
    await q.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_entry WHERE action <> 'access.denied'")
  )[0].n;
  return out;
}
