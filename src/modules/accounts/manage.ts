// Managing accounts: an admin creates, resets, disables or re-enables an account and ends its
// sessions; everyone changes their own password. Each is one transaction with its audit entry;
// no password or hash ever enters the audit trail.
import type { Db, Tx } from '../../db/types.ts';
import { isRole } from '../../domain/accounts/roles.ts';
import { badRequest, conflict, forbidden, notFound } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';
import { argon2Hasher, assertAcceptable, type PasswordHasher, temporaryPassword } from './passwords.ts';
import * as repo from './repository.ts';
import type { Staff } from './service.ts';
import { clearAttempts, reserveAttempt, unlock } from './throttle-repo.ts';

export interface AddUserInput {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
  admdvs?: string | null;
  villageCode?: string | null;
  /** required for the institution role */
  fixmedinsCode?: string | null;
  /** an admin chose the password: the owner must change it at first login */
  mustChangePassword?: boolean;
}

/** Only the demo county may use the published demo password. */
export interface AddUserOptions {
  demo?: boolean;
}

export async function addUser(
  tx: Tx,
  actor: Actor,
  input: AddUserInput,
  o: AddUserOptions = {},
): Promise<Staff> {
  const roles = input.roles.filter(isRole);
  if (roles.length === 0 || roles.length !== input.roles.length) {
    throw badRequest('ROLE_INVALID', `角色不正确：${input.roles.join(',')}`);
  }
  if (!/^[A-Za-z0-9_.-]{3,32}$/.test(input.username)) {
    throw badRequest('USERNAME_INVALID', '工号须为3至32位字母、数字或 _ . -', {
      field: 'username',
      message: '工号须为3至32位字母、数字或 _ . -',
    });
  }
  assertAcceptable(input.password, { username: input.username, demo: o.demo });
  if (roles.includes('agent') && !input.villageCode) {
    throw badRequest('AGENT_NEEDS_VILLAGE', '村级代办账号必须指定所属村（社区）', {
      field: 'villageCode',
      message: '村级代办账号必须指定所属村（社区）',
    });
  }
  if (roles.includes('institution')) {
    if (roles.length > 1 || !input.fixmedinsCode) {
      throw badRequest('INSTITUTION_USER_INVALID', '定点机构用户须指定所属机构，且不能兼任其他角色', {
        field: 'fixmedinsCode',
        message: '请指定所属定点机构（不能兼任其他角色）',
      });
    }
    if (!(await repo.institutionExists(tx, input.fixmedinsCode))) {
      throw badRequest('INSTITUTION_UNKNOWN', `定点机构 ${input.fixmedinsCode} 不存在`, {
        field: 'fixmedinsCode',
        message: '该机构编码不存在',
      });
    }
  }
  if (await repo.findByUsername(tx, input.username)) {
    throw conflict('USERNAME_TAKEN', `工号 ${input.username} 已存在`, {
      field: 'username',
      message: '该工号已存在',
    });
  }
  const staff: Omit<Staff, 'id'> = {
    username: input.username,
    displayName: input.displayName,
    roles,
    admdvs: input.admdvs ?? null,
    villageCode: input.villageCode ?? null,
    fixmedinsCode: roles.includes('institution') ? (input.fixmedinsCode ?? null) : null,
    mustChangePassword: input.mustChangePassword ?? false,
  };
  const id = await repo.insertAccount(tx, {
    ...staff,
    passwordHash: await argon2Hasher.hash(input.password),
  });
  await audit(tx, actor, 'account.create', 'staff_account', id, null, { id, ...staff });
  return { id, ...staff };
}

/**
 * Change one's own password: the old one is checked like a login (it counts towards the lockout,
 * so a session left open cannot be used to guess it), then the new one must pass the policy.
 * The other sessions of the account end; the current one stays.
 */
export async function changeOwnPassword(
  db: Db,
  staff: Staff,
  sessionHash: string,
  input: { oldPassword: string; newPassword: string },
  now: Date,
  hasher: PasswordHasher = argon2Hasher,
): Promise<{ endedSessions: number }> {
  assertAcceptable(input.newPassword, { username: staff.username, field: 'newPassword' });
  if (input.newPassword === input.oldPassword) {
    throw badRequest('PASSWORD_UNCHANGED', '新密码不能与原密码相同', {
      field: 'newPassword',
      message: '新密码不能与原密码相同',
    });
  }
  const reserved = await reserveAttempt(db, staff.username, now);
  if (!reserved) {
    throw forbidden('ACCOUNT_LOCKED', '原密码错误次数过多，已临时锁定，请稍后再试');
  }
  const account = await repo.findByUsername(db, staff.username);
  if (!account || !(await hasher.verify(account.passwordHash, input.oldPassword))) {
    throw badRequest('OLD_PASSWORD_WRONG', '原密码不正确', { field: 'oldPassword', message: '原密码不正确' });
  }
  const passwordHash = await hasher.hash(input.newPassword);
  return db.tx(async (tx) => {
    await clearAttempts(tx, staff.username, reserved.attempts, now);
    await repo.setPassword(tx, staff.id, passwordHash, false);
    const endedSessions = await repo.deleteSessionsOf(tx, staff.id, sessionHash);
    await audit(
      tx,
      { id: staff.id, name: staff.username },
      'account.password_change',
      'staff_account',
      staff.id,
      null,
      {
        endedSessions,
      },
    );
    return { endedSessions };
  });
}

async function target(tx: Tx, id: number) {
  const account = await repo.findByIdForUpdate(tx, id);
  if (!account) throw notFound('ACCOUNT_NOT_FOUND', `账号 ${id} 不存在`);
  return account;
}

/**
 * An admin resets a password: the one given (checked by the policy) or a generated one, returned
 * once. The owner must change it at the next login; their sessions end and any lock is lifted.
 */
export async function resetPassword(
  tx: Tx,
  actor: Actor,
  id: number,
  given: string | null,
): Promise<{ temporaryPassword: string | null }> {
  const account = await target(tx, id);
  if (given !== null) assertAcceptable(given, { username: account.username });
  const password = given ?? temporaryPassword(account.username);
  await repo.setPassword(tx, id, await argon2Hasher.hash(password), true);
  const endedSessions = await repo.deleteSessionsOf(tx, id);
  await unlock(tx, account.username);
  await audit(tx, actor, 'account.password_reset', 'staff_account', id, null, {
    generated: given === null,
    endedSessions,
  });
  return { temporaryPassword: given === null ? password : null };
}

/** Disable (its sessions end at once) or re-enable (any lock lifted) an account; never one's own. */
export async function setAccountActive(tx: Tx, actor: Actor, id: number, active: boolean) {
  const account = await target(tx, id);
  if (actor.id === id && !active) throw badRequest('ACCOUNT_SELF_DISABLE', '不能停用自己的账号');
  await repo.setActive(tx, id, active);
  const endedSessions = active ? 0 : await repo.deleteSessionsOf(tx, id);
  if (active) await unlock(tx, account.username);
  await audit(
    tx,
    actor,
    active ? 'account.enable' : 'account.disable',
    'staff_account',
    id,
    { active: account.active },
    { active, endedSessions },
  );
  return { active, endedSessions };
}

/** End every session of an account (a lost phone, a shared computer). */
export async function revokeSessions(tx: Tx, actor: Actor, id: number) {
  await target(tx, id);
  const endedSessions = await repo.deleteSessionsOf(tx, id);
  await audit(tx, actor, 'account.revoke_sessions', 'staff_account', id, null, { endedSessions });
  return { endedSessions };
}
