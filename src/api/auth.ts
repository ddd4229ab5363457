import type { FastifyReply, FastifyRequest } from 'fastify';
import { forbidden } from '../domain/shared/errors.ts';
import { authenticate } from '../modules/accounts/index.ts';
import { auditDenied } from '../modules/audit/index.ts';
import type { App, Deps } from './context.ts';
import type { Access } from '../modules/accounts/index.ts';

export const SESSION_COOKIE = 'yibao_session';

const OPEN = new Set(['public', 'institution', 'person']);

/**
 * Every /api route must declare `config.permission` (a known code, or 'public' / 'institution'); a
 * route that forgets, or names a permission no module declares, is refused at start-up, so no
 * endpoint is ever open by accident. Staff routes then need a live session holding the permission,
 * and a session whose password awaits its forced change reaches only routes marked
 * `duringPasswordChange` (those need a session only).
 */
export function installAuth(app: App, deps: Deps, access: Access): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const p = route.config?.permission;
    if (p === undefined) {
      throw new Error(`路由 ${route.method} ${route.url} 没有声明所需权限 (config.permission)`);
    }
    if (p !== undefined && !OPEN.has(p) && p !== 'session' && !access.defs.has(p)) {
      throw new Error(`路由 ${route.method} ${route.url} 声明的权限 ${p} 没有任何模块定义`);
    }
  });

  app.addHook('onRequest', async (req: FastifyRequest, _reply: FastifyReply) => {
    const config = req.routeOptions.config;
    const permission = config?.permission;
    if (permission === undefined || OPEN.has(permission)) return; // not an /api route, or open
    const token = req.cookies[SESSION_COOKIE];
    const staff = await authenticate(deps.db, token, deps.now());
    req.staff = staff;
    req.sessionToken = token;
    req.permissions = await access.permissionsOf(deps.db, staff.roles, deps.now());
    // After an admin's reset the session may only change the password (or log out).
    if (staff.mustChangePassword && config?.duringPasswordChange !== true) {
      throw forbidden('PASSWORD_CHANGE_REQUIRED', '密码已被管理员重置，请先修改密码');
    }
    if (permission === 'session') return;
    if (!req.permissions.has(permission)) {
      const def = access.defs.get(permission);
      // the code stays ROLE_FORBIDDEN: clients already know it; the message names the permission
      throw forbidden('ROLE_FORBIDDEN', `当前角色没有“${def?.name ?? permission}”的权限`);
    }
  });

  // Every refusal of a signed-in staff member (this role check, or a scope check deeper in a
  // service) is audited; the refusal is still the response if writing the entry fails.
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode !== 403 || !req.staff) return payload;
    try {
      await auditDenied(
        deps.db,
        { id: req.staff.id, name: req.staff.username },
        {
          method: req.method,
          route: req.routeOptions.url ?? req.url.split('?')[0],
          url: req.url,
          code: errorCodeOf(payload),
          roles: req.staff.roles,
        },
        deps.now(),
      );
    } catch (err) {
      req.log.error({ err }, 'could not audit a refused request');
    }
    return payload;
  });
}

function errorCodeOf(payload: unknown): string | null {
  if (typeof payload !== 'string') return null;
  try {
    return (JSON.parse(payload) as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    return null;
  }
}
