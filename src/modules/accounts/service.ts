import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Db, Queryable } from '../../db/types.ts';
import { afterFailure, afterSuccess, isLocked } from '../../domain/accounts/lockout.ts';
import { isRole, type Role } from '../../domain/accounts/roles.ts';
import { badRequest, conflict, unauthorized } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/audit.ts';
import * as repo from './repository.ts';

export const SESSION_HOURS = 8;

export interface Staff {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  admdvs: string | null;
  villageCode: string | null;
}

export const staffActor = (s: Staff): Actor => ({ id: s.id, name: s.username });

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function login(
  db: Db,
  username: string,
  password: string,
  now: Date,
): Promise<{ token: string; staff: Staff; expiresAt: Date }> {
  const account = await repo.findByUsername(db, username);
  // Same message whether the account exists or not, so usernames cannot be probed.
  const wrong = unauthorized('LOGIN_FAILED', '工号或密码错误');
  if (!account || !account.active) throw wrong;
  if (isLocked(account, now)) {
    throw unauthorized('ACCOUNT_LOCKED', '连续登录失败次数过多，账号已临时锁定，请15分钟后再试');
  }
  const ok = await verify(account.passwordHash, password);
  if (!ok) {
    const s = afterFailure(account, now);
    await db.tx(async (tx) => {
      await repo.saveLoginState(tx, account.id, s.failedLogins, s.lockedUntil);
      await audit(
        tx,
        { id: account.id, name: account.username },
        'account.login_failed',
        'staff_account',
        account.id,
        null,
        {
          locked: s.lockedUntil !== null,
        },
        now,
      );
    });
    if (s.lockedUntil)
      throw unauthorized('ACCOUNT_LOCKED', '连续登录失败次数过多，账号已临时锁定，请15分钟后再试');
    throw wrong;
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await db.tx(async (tx) => {
    const s = afterSuccess();
    await repo.saveLoginState(tx, account.id, s.failedLogins, s.lockedUntil);
    await repo.insertSession(tx, sha256(token), account.id, expiresAt);
    await audit(
      tx,
      { id: account.id, name: account.username },
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

export interface AddUserInput {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
  admdvs?: string | null;
  villageCode?: string | null;
}

export async function addUser(tx: Queryable, actor: Actor, input: AddUserInput): Promise<Staff> {
  const roles = input.roles.filter(isRole);
  if (roles.length === 0 || roles.length !== input.roles.length) {
    throw badRequest('ROLE_INVALID', `角色不正确：${input.roles.join(',')}`);
  }
  if (!/^[A-Za-z0-9_.-]{3,32}$/.test(input.username)) {
    throw badRequest('USERNAME_INVALID', '工号须为3至32位字母、数字或 _ . -');
  }
  if (input.password.length < 8) throw badRequest('PASSWORD_TOO_SHORT', '密码至少8位');
  if (roles.includes('agent') && !input.villageCode) {
    throw badRequest('AGENT_NEEDS_VILLAGE', '村级代办账号必须指定所属村（社区）');
  }
  if (await repo.findByUsername(tx, input.username)) {
    throw conflict('USERNAME_TAKEN', `工号 ${input.username} 已存在`);
  }
  const passwordHash = await hash(input.password);
  const id = await repo.insertAccount(tx, {
    username: input.username,
    displayName: input.displayName,
    passwordHash,
    roles,
    admdvs: input.admdvs ?? null,
    villageCode: input.villageCode ?? null,
  });
  const staff: Staff = {
    id,
    username: input.username,
    displayName: input.displayName,
    roles,
    admdvs: input.admdvs ?? null,
    villageCode: input.villageCode ?? null,
  };
  await audit(tx, actor, 'account.create', 'staff_account', id, null, staff);
  return staff;
}

function toStaff(a: repo.StaffAccount): Staff {
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    roles: a.roles,
    admdvs: a.admdvs,
    villageCode: a.villageCode,
  };
}
