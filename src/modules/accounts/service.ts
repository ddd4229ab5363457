// Logging in and out, and the session behind a cookie.
import { createHash, randomBytes } from 'node:crypto';
import type { Db, Queryable } from '../../db/types.ts';
import { LOCKED_MESSAGE } from '../../domain/accounts/lockout.ts';
import type { Role } from '../../domain/accounts/roles.ts';
import { unauthorized } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';
import { argon2Hasher, dummyHash, type PasswordHasher } from './passwords.ts';
import * as repo from './repository.ts';
import { clearAttempts, reserveAttempt } from './throttle-repo.ts';

export { type AddUserInput, addUser } from './manage.ts';

export const SESSION_HOURS = 8;

export interface Staff {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  admdvs: string | null;
  villageCode: string | null;
  /** institution logins (定点机构用户) only: the institution whose suspects they see */
  fixmedinsCode: string | null;
  /** set by an admin's reset: only the change-password page, me and logout answer until changed */
  mustChangePassword: boolean;
}

export const staffActor = (s: Staff): Actor => ({ id: s.id, name: s.username });

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export const accountLocked = () => unauthorized('ACCOUNT_LOCKED', LOCKED_MESSAGE);

/**
 * Log in. Known and unknown names take the same path: reserve an attempt on the lower-case name
 * (refused unchecked when locked), one argon2 verification (against a dummy hash for an unknown
 * name), the same error and the same audit entry on failure.
 */
export async function login(
  db: Db,
  username: string,
  password: string,
  now: Date,
  hasher: PasswordHasher = argon2Hasher,
): Promise<{ token: string; staff: Staff; expiresAt: Date }> {
  const reserved = await reserveAttempt(db, username, now);
  if (!reserved) throw accountLocked();
  const account = await repo.findByUsername(db, username);
  const matches = await hasher.verify(account?.passwordHash ?? (await dummyHash()), password);
  if (!account || !account.active || !matches) {
    await db.tx((tx) =>
      audit(
        tx,
        { id: account?.id ?? null, name: username.slice(0, 64) },
        'account.login_failed',
        'staff_account',
        account?.id ?? null,
        null,
        { username: username.slice(0, 64), attempt: reserved.attempts, locked: reserved.locked },
        now,
      ),
    );
    if (reserved.locked) throw accountLocked();
    // Same message whether the account exists or not, so user names cannot be probed.
    throw unauthorized('LOGIN_FAILED', '工号或密码错误');
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await db.tx(async (tx) => {
    await clearAttempts(tx, username, reserved.attempts, now);
    await repo.insertSession(tx, sha256(token), account.id, expiresAt);
    await audit(
      tx,
      staffActor(toStaff(account)),
      'account.login',
      'staff_account',
      account.id,
      null,
      null,
      now,
    );
  });
  return { token, staff: toStaff(account), expiresAt };
}

export async function logout(db: Db, token: string, staff: Staff): Promise<void> {
  await db.tx(async (tx) => {
    await repo.deleteSession(tx, sha256(token));
    await audit(tx, staffActor(staff), 'account.logout', 'staff_account', staff.id, null, null);
  });
}

/** The staff member behind a session cookie, or an error saying why not. */
export async function authenticate(q: Queryable, token: string | undefined, now: Date): Promise<Staff> {
  if (!token) throw unauthorized('NOT_LOGGED_IN', '请先登录');
  const found = await repo.findBySessionHash(q, sha256(token));
  if (!found || !found.account.active) throw unauthorized('NOT_LOGGED_IN', '请先登录');
  if (new Date(found.expiresAt).getTime() <= now.getTime()) {
    throw unauthorized('SESSION_EXPIRED', '登录已过期，请重新登录');
  }
  return toStaff(found.account);
}

export function toStaff(a: repo.StaffAccount): Staff {
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    roles: a.roles,
    admdvs: a.admdvs,
    villageCode: a.villageCode,
    fixmedinsCode: a.fixmedinsCode,
    mustChangePassword: a.mustChangePassword,
  };
}
