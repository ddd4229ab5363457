// API test helpers: an app on a fresh test database with a fixed clock, and logged-in staff.
import type { Db } from '../db/types.ts';
import type { Role } from '../domain/accounts/roles.ts';
import { SYSTEM_ACTOR } from '../modules/audit/audit.ts';
import { addUser } from '../modules/accounts/service.ts';
import { buildApp } from './app.ts';
import type { App } from './context.ts';

export const TEST_PASSWORD = 'test-password-1';

export async function testApp(db: Db, now = () => new Date()): Promise<App> {
  const app = await buildApp({ db, now, version: 'test' }, { serveWeb: false });
  await app.ready();
  return app;
}

/** Create a staff account with the role and log in; returns the Cookie header value. */
export async function loginAs(
  app: App,
  db: Db,
  role: Role,
  villageCode: string | null = null,
  fixmedinsCode: string | null = null,
): Promise<string> {
  const username = `${role}_${Math.random().toString(36).slice(2, 8)}`;
  await db.tx((tx) =>
    addUser(tx, SYSTEM_ACTOR, {
      username,
      displayName: username,
      password: TEST_PASSWORD,
      roles: [role],
      villageCode: role === 'agent' ? (villageCode ?? '000000000000') : villageCode,
      fixmedinsCode,
    }),
  );
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: TEST_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'yibao_session');
  return `yibao_session=${cookie!.value}`;
}
