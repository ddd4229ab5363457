// Set-up for self-service tests: the matter test county on a movable clock, an app in demo mode or
// not (or with a given SMS sender), persons with a phone on file and a client that logs in as one.
import { buildApp } from '../../api/app.ts';
import type { App } from '../../api/context.ts';
import type { Db, Queryable } from '../../db/types.ts';
import { MATTER_NOW, matterApp, type Reply, staffOn } from '../matter/testing.ts';
import { addEnrollment } from '../enrollment/testing.ts';
import { addPerson } from '../persons/testing.ts';
import { PERSON_COOKIE } from './routes.ts';

export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

export interface Clock {
  now: Date;
}

/** The matter test county and an app on `clock`; `demo` turns the demo SMS sink on. */
export async function selfApp(db: Db, demo: boolean, clock: Clock = { now: MATTER_NOW }) {
  await matterApp(db, () => clock.now); // seeds the county, calendar and catalogue
  const app = await buildApp({ db, now: () => clock.now, version: 'test', demo }, { serveWeb: false });
  await app.ready();
  return { app, clock, staff: (role: 'clerk' | 'reviewer') => staffOn(app, db, role) };
}

/** An insured person with a phone and a 390 enrollment of the clock's year. */
export async function insured(db: Db, name = '王小明', phone = '13838001234') {
  const p = await addPerson(db, { name, phone });
  await addEnrollment(db, p.psnNo, { insutype: '390', beginDate: '2026-01-01', endDate: '2026-12-31' });
  return { ...p, name, phone };
}

export const post = (app: App, url: string, payload: unknown, cookie?: string, ip = '10.0.0.1') =>
  app.inject({
    method: 'POST',
    url,
    payload: payload as Record<string, unknown>,
    headers: cookie ? { cookie } : {},
    remoteAddress: ip,
  });

export const codeOf = (r: Reply): string => /(\d{6})/.exec(r.json().demo.text)![1];

export interface PersonClient {
  cookie: string;
  get(url: string): Promise<Reply>;
  post(url: string, payload: unknown): Promise<Reply>;
  upload(material: string, bytes: Buffer, type?: string): Promise<Reply>;
}

export function personClient(app: App, cookie: string): PersonClient {
  return {
    cookie,
    get: (url) => app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url, payload) => post(app, url, payload, cookie),
    upload(material, bytes, type = 'image/png') {
      const boundary = '----yibao';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: ${type}\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return app.inject({
        method: 'POST',
        url: `/api/m/uploads?material=${encodeURIComponent(material)}`,
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: body,
      });
    },
  };
}

/** Log in through the demo sink; returns the person's client. */
export async function loginPerson(app: App, p: { certno: string; name: string }, ip = '10.0.0.1') {
  const sent = await post(app, '/api/m/auth/code', { certno: p.certno, name: p.name }, undefined, ip);
  if (sent.statusCode !== 200) throw new Error(sent.body);
  const r = await post(
    app,
    '/api/m/auth/verify',
    { certno: p.certno, name: p.name, code: codeOf(sent) },
    undefined,
    ip,
  );
  if (r.statusCode !== 200) throw new Error(r.body);
  const c = r.cookies.find((x) => x.name === PERSON_COOKIE)!;
  return personClient(app, `${PERSON_COOKIE}=${c.value}`);
}

/** Row counts of what the self-service routes write (and the audit). */
export async function selfSnapshot(q: Queryable): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of [
    'matter',
    'workflow_case',
    'rating',
    'selfservice_upload',
    'selfservice_session',
    'person',
  ])
    out[t] = (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`))[0].n;
  out.phones = (await q.query<{ n: number }>('SELECT count(DISTINCT phone)::int AS n FROM person'))[0].n;
  return out;
}
