// /api/accounts/permissions: the role → permission table (权限管理) — every module's permissions
// with their default roles and the roles holding them now; the admin grants or withdraws one.
import { z } from 'zod';
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { ROLE_NAMES, ROLES } from '../../domain/accounts/roles.ts';
import { setGrant } from './access.ts';
import { staffActor } from './service.ts';

const params = z.object({ role: z.enum(ROLES), permission: z.string().min(3).max(80) });
const body = z.object({ granted: z.boolean() });

export const permissionRoutes: RoutesPlugin = (app, deps) => {
  const matrix = async () => {
    const table = await deps.access.matrix(deps.db, deps.now());
    return {
      roles: ROLES.map((code) => ({ code, name: ROLE_NAMES[code] })),
      permissions: [...deps.access.defs].map(([code, def]) => ({
        code,
        name: def.name,
        module: code.split('.')[0],
        defaultRoles: [...def.roles],
        roles: ROLES.filter((r) => table.get(r)?.has(code)),
      })),
    };
  };

  app.get('/api/accounts/permissions', { config: { permission: 'accounts.permissions' } }, matrix);

  app.put(
    '/api/accounts/permissions/:role/:permission',
    { config: { permission: 'accounts.permissions' }, schema: { params, body } },
    async (req) => {
      const { role, permission } = req.params;
      await deps.db.tx((tx) =>
        setGrant(tx, deps.access, role, permission, req.body.granted, staffActor(staffOf(req)), deps.now()),
      );
      return matrix();
    },
  );
};
