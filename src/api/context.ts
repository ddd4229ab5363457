import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db/types.ts';
import type { Role } from '../domain/accounts/roles.ts';
import { unauthorized } from '../domain/shared/errors.ts';
import type { Staff } from '../modules/accounts/service.ts';

export interface Deps {
  db: Db;
  /** The clock, passed in so tests can fix it. */
  now: () => Date;
  version: string;
}

export type App = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  import('fastify').FastifyBaseLogger,
  ZodTypeProvider
>;

/** A module's routes: registered by the server assembly with the shared dependencies. */
export type RoutesPlugin = (app: App, deps: Deps) => void | Promise<void>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route: staff roles, or 'public'. Every /api route must declare it. */
    roles?: readonly Role[] | 'public' | 'institution';
    /** Open while the staff member must change a reset password (me, logout, the change itself). */
    duringPasswordChange?: boolean;
  }
  interface FastifyRequest {
    staff?: Staff;
    sessionToken?: string;
  }
}

export function staffOf(req: FastifyRequest): Staff {
  if (!req.staff) throw unauthorized('NOT_LOGGED_IN', '请先登录');
  return req.staff;
}
