// Who may do what, as the running server knows it: the modules' permission defaults joined once at
// start-up, the admin's overrides read from the database and re-read at most every few seconds (so a
// change made through another server process reaches this one too).
import type { Queryable, Tx } from '../../db/types.ts';
import { grants, type PermissionDef, permissionsOf } from '../../domain/accounts/permissions.ts';
import { ROLES, type Role } from '../../domain/accounts/roles.ts';
import { badRequest } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';
import * as repo from './permission-repo.ts';

const REFRESH_MS = 5_000;

export interface Access {
  readonly defs: ReadonlyMap<string, PermissionDef>;
  /** the permissions of these roles now (re-reads the overrides when stale) */
  permissionsOf(q: Queryable, roles: readonly Role[], now: Date): Promise<Set<string>>;
  /** forget the cached overrides (after a change) */
  invalidate(): void;
  matrix(q: Queryable, now: Date): Promise<ReadonlyMap<Role, ReadonlySet<string>>>;
}

export function createAccess(defs: ReadonlyMap<string, PermissionDef>): Access {
  let table: Map<Role, Set<string>> | null = null;
  let readAt = 0;
  const current = async (q: Queryable, now: Date) => {
    if (!table || now.getTime() - readAt > REFRESH_MS || now.getTime() < readAt) {
      table = grants(defs, await repo.overrides(q));
      readAt = now.getTime();
    }
    return table;
  };
  return {
    defs,
    permissionsOf: async (q, roles, now) => permissionsOf(roles, await current(q, now)),
    invalidate: () => {
      table = null;
    },
    matrix: (q, now) => current(q, now),
  };
}

/** The admin grants or withdraws one permission of one role (back to the default when it matches). */
export async function setGrant(
  tx: Tx,
  access: Access,
  role: string,
  permission: string,
  granted: boolean,
  actor: Actor,
  now: Date,
): Promise<void> {
  const def = access.defs.get(permission);
  if (!def) throw badRequest('PERMISSION_UNKNOWN', `权限 ${permission} 不存在`, { field: 'permission' });
  if (!(ROLES as readonly string[]).includes(role)) throw badRequest('ROLE_UNKNOWN', `角色 ${role} 不存在`);
  if (role === 'admin' && permission === 'accounts.permissions' && !granted) {
    throw badRequest('PERMISSION_LOCKOUT', '不能收回系统管理员的权限管理权限（否则无人能再修改权限）');
  }
  const before = await repo.lockOverride(tx, role, permission);
  const byDefault = def.roles.includes(role as Role);
  if (granted === byDefault) await repo.clearOverride(tx, role, permission);
  else await repo.setOverride(tx, { role: role as Role, permission, granted }, actor.name, now);
  await audit(tx, actor, 'permission.set', 'role_permission', `${role}/${permission}`, before, { granted });
  access.invalidate();
}
