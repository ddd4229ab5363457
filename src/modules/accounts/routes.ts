import { SESSION_COOKIE } from '../../api/auth.ts';
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { permissionRoutes } from './permission-routes.ts';
import { mayViewFullPii, ROLE_NAMES, ROLES } from '../../domain/accounts/roles.ts';
import { changePasswordBody, loginBody } from './contract.ts';
import { changeOwnPassword } from './manage.ts';
import { manageRoutes } from './manage-routes.ts';
import { dummyHash } from './passwords.ts';
import { login, logout, SESSION_HOURS, type Staff, sha256 } from './service.ts';

export const accountRoutes: RoutesPlugin = (app, deps) => {
  void dummyHash(); // made now, so the first unknown name costs no more than a known one
  app.post(
    '/api/auth/login',
    { config: { permission: 'public' }, schema: { body: loginBody } },
    async (req, reply) => {
      const { token, staff, expiresAt } = await login(
        deps.db,
        req.body.username,
        req.body.password,
        deps.now(),
      );
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        maxAge: SESSION_HOURS * 3600,
        secure: process.env.YIBAO_SECURE_COOKIE === '1',
      });
      const permissions = await deps.access.permissionsOf(deps.db, staff.roles, deps.now());
      return { staff: staffView(staff, permissions), expiresAt: expiresAt.toISOString() };
    },
  );

  // logout, me and the password change stay open while a reset password awaits its change
  const duringChange = { permission: 'session', duringPasswordChange: true } as const;

  app.post('/api/auth/logout', { config: duringChange }, async (req, reply) => {
    await logout(deps.db, req.sessionToken!, staffOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { config: duringChange }, async (req) => {
    return { staff: staffView(staffOf(req), req.permissions ?? new Set()) };
  });

  app.post(
    '/api/accounts/me/password',
    { config: duringChange, schema: { body: changePasswordBody } },
    async (req) => {
      const staff = staffOf(req);
      const r = await changeOwnPassword(deps.db, staff, sha256(req.sessionToken!), req.body, deps.now());
      const changed = { ...staff, mustChangePassword: false };
      return { staff: staffView(changed, req.permissions ?? new Set()), ...r };
    },
  );

  app.get('/api/roles', { config: { permission: 'accounts.roles' } }, async () => ({
    items: ROLES.map((code) => ({ code, name: ROLE_NAMES[code] })),
  }));

  manageRoutes(app, deps);
  permissionRoutes(app, deps);
};

/** The signed-in staff member as the workbench needs it: the menu follows the permissions. */
function staffView(staff: Staff, permissions: ReadonlySet<string>) {
  return { ...staff, fullPii: mayViewFullPii(staff.roles), permissions: [...permissions].sort() };
}
