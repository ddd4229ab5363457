import { SESSION_COOKIE } from '../../api/auth.ts';
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { ALL_STAFF, mayViewFullPii, ROLE_NAMES, ROLES } from '../../domain/accounts/roles.ts';
import { changePasswordBody, loginBody } from './contract.ts';
import { changeOwnPassword } from './manage.ts';
import { manageRoutes } from './manage-routes.ts';
import { dummyHash } from './passwords.ts';
import { login, logout, SESSION_HOURS, sha256 } from './service.ts';

export const accountRoutes: RoutesPlugin = (app, deps) => {
  void dummyHash(); // made now, so the first unknown name costs no more than a known one
  app.post(
    '/api/auth/login',
    { config: { roles: 'public' }, schema: { body: loginBody } },
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
      return {
        staff: { ...staff, fullPii: mayViewFullPii(staff.roles) },
        expiresAt: expiresAt.toISOString(),
      };
    },
  );

  // logout, me and the password change stay open while a reset password awaits its change
  const duringChange = { roles: ALL_STAFF, duringPasswordChange: true } as const;

  app.post('/api/auth/logout', { config: duringChange }, async (req, reply) => {
    await logout(deps.db, req.sessionToken!, staffOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { config: duringChange }, async (req) => {
    const staff = staffOf(req);
    return { staff: { ...staff, fullPii: mayViewFullPii(staff.roles) } };
  });

  app.post(
    '/api/accounts/me/password',
    { config: duringChange, schema: { body: changePasswordBody } },
    async (req) => {
      const staff = staffOf(req);
      const r = await changeOwnPassword(deps.db, staff, sha256(req.sessionToken!), req.body, deps.now());
      const changed = { ...staff, mustChangePassword: false };
      return { staff: { ...changed, fullPii: mayViewFullPii(changed.roles) }, ...r };
    },
  );

  app.get('/api/roles', { config: { roles: ALL_STAFF } }, async () => ({
    items: ROLES.map((code) => ({ code, name: ROLE_NAMES[code] })),
  }));

  manageRoutes(app, deps);
};
