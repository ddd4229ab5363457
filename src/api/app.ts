import { join } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { joinPermissions } from '../domain/accounts/permissions.ts';
import { createAccess } from '../modules/accounts/index.ts';
import { modules } from '../modules/index.ts';
import { installAuth } from './auth.ts';
import { Lanes } from './lanes.ts';
import type { App, Deps } from './context.ts';
import { staffErrorHandler } from './errors.ts';
import { healthRoutes } from './health.ts';
import { installSecurityHeaders, serveWorkbench } from './web.ts';
import { redactingLogger } from './log-redaction.ts';

/** The built workbench; YIBAO_WEB_DIST points elsewhere (e.g. a build of a branch under test). */
export const WEB_DIST = process.env.YIBAO_WEB_DIST || join(import.meta.dirname, '../../web/dist');
/** JSON bodies above this are refused with 413 (uploads go through multipart with their own limit). */
export const BODY_LIMIT = 1024 * 1024;
export const UPLOAD_LIMIT = 64 * 1024 * 1024;

// Schema messages reach clerks (next to a form field) and HIS vendors (err_msg): in Chinese.
z.config(z.locales.zhCN());

export interface AppOptions {
  /** pino options; the personal-data redaction (log-redaction.ts) is always added */
  logger?: FastifyServerOptions['logger'];
  /** serve the built workbench at / when present */
  serveWeb?: boolean;
  /** the workbench build to serve (default WEB_DIST) */
  webDist?: string;
}

export async function buildApp(deps: Deps, opts: AppOptions = {}): Promise<App> {
  const lanes = new Lanes();
  const app = Fastify({
    logger: redactingLogger(opts.logger ?? false),
    bodyLimit: BODY_LIMIT,
    serverFactory: (handler) => lanes.server(handler),
  }).withTypeProvider<ZodTypeProvider>();
  lanes.log = app.log;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(staffErrorHandler);
  installSecurityHeaders(app);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT, files: 1 } });
  const access = createAccess(joinPermissions(modules.map((m) => m.permissions)));
  installAuth(app, deps, access);

  healthRoutes(app, deps);

  for (const m of modules) await m.routes(app, { ...deps, access, lanes });

  // without a workbench (API tests) unknown paths still get the coded 404
  await serveWorkbench(app, opts.serveWeb === false ? '' : (opts.webDist ?? WEB_DIST));
  return app;
}
