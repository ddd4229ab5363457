import type { FastifyReply, FastifyRequest } from 'fastify';
import { forbidden } from '../domain/shared/errors.ts';
import { authenticate } from '../modules/accounts/service.ts';
import type { App, Deps } from './context.ts';

export const SESSION_COOKIE = 'yibao_session';

/**
 * Every /api route must declare `config.roles`; a route that forgets is refused at start-up, so
 * no endpoint is ever open by accident. Staff routes then need a live session with one of the roles,
 * and a session whose password awaits its forced change reaches only routes marked
 * `duringPasswordChange`.
 */
export function installAuth(app: App, deps: Deps): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    if (route.config?.roles === undefined) {
      throw new Error(`路由 ${route.method} ${route.url} 没有声明允许的角色 (config.roles)`);
    }
  });

  app.addHook('onRequest', async (req: FastifyRequest, _reply: FastifyReply) => {
    const allowed = req.routeOptions.config?.roles;
    if (allowed === undefined || allowed === 'public' || allowed === 'institution') return;
    const token = req.cookies[SESSION_COOKIE];
    const staff = await authenticate(deps.db, token, deps.now());
    req.staff = staff;
    req.sessionToken = token;
    // After an admin's reset the session may only change the password (or log out).
    if (staff.mustChangePassword && req.routeOptions.config?.duringPasswordChange !== true) {
      throw forbidden('PASSWORD_CHANGE_REQUIRED', '密码已被管理员重置，请先修改密码');
    }
    if (!staff.roles.some((r) => allowed.includes(r))) {
      throw forbidden('ROLE_FORBIDDEN', '当前角色无权进行此操作');
    }
  });
}
