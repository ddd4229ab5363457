// Permissions, not role lists: every route and every menu entry names a permission code
// ('<module>.<action>'); which roles hold it is data — each module's defaults (its permissions.ts),
// overridden per role by the admin (role_permission), so a bureau can give its village agents the
// settlement search or take a page away from the leader without a code change.
import { ROLES, type Role } from './roles.ts';

export interface PermissionDef {
  /** Chinese name shown in the permission matrix */
  name: string;
  /** roles holding it by default */
  roles: readonly Role[];
}

export type PermissionDefs = Readonly<Record<string, PermissionDef>>;

export interface Override {
  role: Role;
  permission: string;
  granted: boolean;
}

const CODE = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;

/** Joins the modules' permission sets; a code declared twice or malformed is a programming error. */
export function joinPermissions(sets: readonly PermissionDefs[]): Map<string, PermissionDef> {
  const all = new Map<string, PermissionDef>();
  for (const set of sets) {
    for (const [code, def] of Object.entries(set)) {
      if (!CODE.test(code)) throw new Error(`权限代码格式错误: ${code}`);
      if (all.has(code)) throw new Error(`权限代码重复声明: ${code}`);
      all.set(code, def);
    }
  }
  return all;
}

/** What each role holds: the defaults with the admin's overrides applied (unknown codes ignored). */
export function grants(
  defs: ReadonlyMap<string, PermissionDef>,
  overrides: readonly Override[],
): Map<Role, Set<string>> {
  const out = new Map<Role, Set<string>>(ROLES.map((r) => [r, new Set<string>()]));
  for (const [code, def] of defs) for (const r of def.roles) out.get(r)!.add(code);
  for (const o of overrides) {
    if (!defs.has(o.permission) || !out.has(o.role)) continue;
    if (o.granted) out.get(o.role)!.add(o.permission);
    else out.get(o.role)!.delete(o.permission);
  }
  return out;
}

/** The permissions of a staff member holding these roles. */
export function permissionsOf(
  roles: readonly Role[],
  table: ReadonlyMap<Role, ReadonlySet<string>>,
): Set<string> {
  const out = new Set<string>();
  for (const r of roles) for (const p of table.get(r) ?? []) out.add(p);
  return out;
}
