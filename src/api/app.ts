import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { modules } from '../modules/index.ts';
import { installAuth } from './auth.ts';
import type { App, Deps } from './context.ts';
import { errorBody, staffErrorHandler } from './errors.ts';
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
}

export async function buildApp(deps: Deps, opts: AppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: redactingLogger(opts.logger ?? false),
    bodyLimit: BODY_LIMIT,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(staffErrorHandler);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT, files: 1 } });
  installAuth(app, deps);

  app.get('/api/health', { config: { roles: 'public' } }, async () => ({
    status: 'ok',
    version: deps.version,
    engine: deps.db.engine,
  }));

  for (const register of modules) await register(app, deps);

  if (opts.serveWeb !== false && existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/fsi/') || req.method !== 'GET') {
      return reply.status(404).send(errorBody({ code: 'NOT_FOUND', message: '请求的接口不存在' }));
    }
    // client-side routes of the workbench
    if (existsSync(join(WEB_DIST, 'index.html'))) return reply.sendFile('index.html');
    return reply.status(404).send(errorBody({ code: 'NOT_FOUND', message: '工作台尚未构建' }));
  });
  return app;
}
