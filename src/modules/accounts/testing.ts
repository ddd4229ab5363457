// Factories for any module's tests: staff accounts created as the system, and a login through the
// API that hands back the session cookie.
import type { App } from '../../api/context.ts';
import type { Db } from '../../db/types.ts';
import type { Role } from '../../domain/accounts/roles.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import type { AddUserInput } from './manage.ts';
import { addUser, type Staff } from './service.ts';

/** The password of every test account. */
export const TEST_PASSWORD = 'test-password-1';

/** Where an account works (an agent needs a village, an institution account its institution). */
export type StaffPlace = Pick<AddUserInput, 'admdvs' | 'villageCode' | 'fixmedinsCode'>;

/** A staff account with one role and a fresh username, created as the system. */
export async function addStaff(
  db: Db,
  role: Role,
  place: StaffPlace = {},
  o: { username?: string; password?: string } = {},
): Promise<Staff> {
  const username = o.username ?? `${role}_${Math.random().toString(36).slice(2, 8)}`;
  return db.tx((tx) =>
    addUser(tx, SYSTEM_ACTOR, {
      username,
      displayName: username,
      password: o.password ?? TEST_PASSWORD,
      roles: [role],
      ...place,
    }),
  );
}

/** Log in through POST /api/auth/login; returns the Cookie header value. */
export async function logIn(app: App, username: string, password = TEST_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'yibao_session');
  return `yibao_session=${cookie!.value}`;
}
