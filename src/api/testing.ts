// API test helpers: an app on a fresh test database with a fixed clock, and logged-in staff.
import type { Db } from '../db/types.ts';
import type { Role } from '../domain/accounts/roles.ts';
import { addStaff, logIn, TEST_PASSWORD } from '../modules/accounts/testing.ts';
import { buildApp } from './app.ts';
import type { App } from './context.ts';

export { TEST_PASSWORD };

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
  const staff = await addStaff(db, role, {
    villageCode: role === 'agent' ? (villageCode ?? '000000000000') : villageCode,
    fixmedinsCode,
  });
  return logIn(app, staff.username);
}
