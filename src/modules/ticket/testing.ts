// Set-up for ticket tests: the test county and the library's work calendar, an app on a movable clock
// (starting Thursday 2026-12-03, 10:00 in China), and helpers to act on tickets as someone.
import type { Db, Queryable } from '../../db/types.ts';
import type { Role } from '../../domain/accounts/roles.ts';
import { loadLibraryCalendar } from '../calendar/testing.ts';
import { addStaff, logIn } from '../accounts/testing.ts';
import type { Reply } from '../matter/testing.ts';
import { seedCounty } from '../registry/testing.ts';
import { testApp } from '../../api/testing.ts';
import type { App } from '../../api/context.ts';

export interface StaffClient {
  id: number;
  get(url: string): Promise<Reply>;
  post(url: string, payload: unknown): Promise<Reply>;
  put(url: string, payload: unknown): Promise<Reply>;
  /** the raw reply (downloads) */
  raw(url: string): Promise<Reply & { rawPayload: Buffer }>;
}

/** A staff account of the role; it logs in again whenever the clock has moved (sessions expire). */
async function staffOn(app: App, db: Db, role: Role, clock: { now: Date }): Promise<StaffClient> {
  const staff = await addStaff(db, role, { villageCode: role === 'agent' ? '000000000000' : null });
  let cookie = '';
  let loggedInAt = 0;
  const login = async () => {
    if (cookie && loggedInAt === clock.now.getTime()) return;
    cookie = await logIn(app, staff.username);
    loggedInAt = clock.now.getTime();
  };
  const send = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    await login();
    return app.inject({ method, url, headers: { cookie }, payload: payload as Record<string, unknown> });
  };
  return {
    id: staff.id,
    get: (url) => send('GET', url),
    post: (url, p) => send('POST', url, p),
    put: (url, p) => send('PUT', url, p),
    raw: (url) => send('GET', url),
  };
}

export const TICKET_START = new Date('2026-12-03T02:00:00Z');

export async function ticketApp(db: Db) {
  const clock = { now: TICKET_START };
  await seedCounty(db);
  await loadLibraryCalendar(db, clock.now);
  const app = await testApp(db, () => clock.now);
  return {
    app,
    clock,
    /** move the clock to an instant given in China time, e.g. '2026-12-04 09:00' */
    at: (chinaTime: string) => {
      clock.now = new Date(`${chinaTime.replace(' ', 'T')}:00+08:00`);
    },
    as: (role: Role): Promise<StaffClient> => staffOn(app, db, role, clock),
  };
}

export const ticketBody = (platformNo: string, extra: Record<string, unknown> = {}) => ({
  platformNo,
  receivedOn: '2026-12-03',
  category: 'complaint',
  urgency: 'normal',
  title: '门诊慢特病待遇未到账',
  content: '来电人反映其门诊慢特病待遇两个月未到账，要求尽快处理。',
  callerName: '李四',
  callerPhone: '13900000000',
  ...extra,
});

/** Row counts of every table a ticket action may write: compare before/after a refused request. */
export async function ticketSnapshot(q: Queryable): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const t of ['ticket', 'workflow_case', 'workflow_event', 'rating', 'rating_rectification']) {
    out[t] = (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`))[0].n;
  }
  out.audit = (
    await q.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_entry WHERE action <> 'access.denied' AND action NOT LIKE 'account.%'",
    )
  )[0].n;
  out.tickets = await q.query('SELECT * FROM ticket ORDER BY id');
  out.limits = await q.query('SELECT * FROM ticket_limit ORDER BY category');
  return out;
}
