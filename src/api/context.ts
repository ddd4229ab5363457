import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db/types.ts';
import type { Access } from '../modules/accounts/index.ts';
import type { Lanes } from './lanes.ts';
import { unauthorized } from '../domain/shared/errors.ts';
import type { Staff } from '../modules/accounts/index.ts';

export interface Deps {
  db: Db;
  /** The clock, passed in so tests can fix it. */
  now: () => Date;
  version: string;
  /** the server runs the demo county: the self-service login shows its codes on the page (演示) */
  demo?: boolean;
}

export type App = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  import('fastify').FastifyBaseLogger,
  ZodTypeProvider
>;

/** What the assembly adds for the modules' routes: who holds which permission. */
export interface ModuleDeps extends Deps {
  access: Access;
  /** endpoints answered before Fastify's pipeline (lanes.ts): the HIS interface */
  lanes: Lanes;
}

/** A module's routes: registered by the server assembly with the shared dependencies. */
export type RoutesPlugin = (app: App, deps: ModuleDeps) => void | Promise<void>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Who may call this route: a permission code ('<module>.<action>', held by roles as the
     * role → permission table says), 'public', 'institution' (the HIS endpoint, signed requests) or
     * 'person' (the insured person's self-service site: its own session, checked by that module).
     * Every /api route must declare it.
     */
    permission?: string;
    /** Open while the staff member must change a reset password (me, logout, the change itself). */
    duringPasswordChange?: boolean;
  }
  interface FastifyRequest {
    staff?: Staff;
    /** the signed-in staff member's permissions */
    permissions?: ReadonlySet<string>;
    sessionToken?: string;
  }
}

export function staffOf(req: FastifyRequest): Staff {
  if (!req.staff) throw unauthorized('NOT_LOGGED_IN', '请先登录');
  return req.staff;
}
