import { z } from 'zod';
import { SESSION_COOKIE } from '../../api/auth.ts';
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { limitOffset, pageQuery } from '../../api/pagination.ts';
import { ALL_STAFF, ROLE_NAMES, ROLES, mayViewFullPii } from '../../domain/accounts/roles.ts';
import { nameText } from '../../domain/shared/input-schemas.ts';
import { listAccounts } from './repository.ts';
import { addUser, login, logout, SESSION_HOURS, staffActor } from './service.ts';

const loginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });

const newAccountBody = z.object({
  username: z.string().min(1).max(64),
  displayName: nameText(64, '姓名'),
  password: z.string().min(1).max(200),
  roles: z.array(z.enum(ROLES)).min(1),
  admdvs: z
    .string()
    .regex(/^\d{6}$/)
    .nullish(),
  villageCode: z.string().max(32).nullish(),
});

export const accountRoutes: RoutesPlugin = (app, deps) => {
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

  app.post('/api/auth/logout', { config: { roles: ALL_STAFF } }, async (req, reply) => {
    await logout(deps.db, req.sessionToken!, staffOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { config: { roles: ALL_STAFF } }, async (req) => {
    const staff = staffOf(req);
    return { staff: { ...staff, fullPii: mayViewFullPii(staff.roles) } };
  });

  app.get(
    '/api/accounts',
    { config: { roles: ['admin'] }, schema: { querystring: pageQuery } },
    async (req) => {
      const { limit, offset } = limitOffset(req.query);
      const { total, items } = await listAccounts(deps.db, limit, offset);
      return {
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
        items: items.map(({ passwordHash: _h, failedLogins: _f, ...a }) => a),
      };
    },
  );

  app.post(
    '/api/accounts',
    { config: { roles: ['admin'] }, schema: { body: newAccountBody } },
    async (req, reply) => {
      const staff = await deps.db.tx((tx) => addUser(tx, staffActor(staffOf(req)), req.body));
      reply.status(201);
      return { staff };
    },
  );

  app.get('/api/roles', { config: { roles: ALL_STAFF } }, async () => ({
    items: ROLES.map((code) => ({ code, name: ROLE_NAMES[code] })),
  }));
};
