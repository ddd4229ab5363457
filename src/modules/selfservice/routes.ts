// /api/m: the insured person's self-service site. The login routes are public (rate-limited per ID
// number and address); every other route is 'person': the person's own session cookie, separate from
// the staff session, decides whose data is read — never a number in the request.
import type { FastifyRequest } from 'fastify';
import type { RoutesPlugin } from '../../api/context.ts';
import { selfserviceError } from '../../domain/selfservice/errors.ts';
import { PHOTO_MAX_BYTES } from '../../domain/selfservice/online-matters.ts';
import { SESSION_MINUTES } from '../../domain/selfservice/one-time-code.ts';
import { rateBody } from '../rating/index.ts';
import * as auth from './auth-service.ts';
import { applyBody, codeRequestBody, idParams, uploadQuery, verifyBody } from './contract.ts';
import * as service from './service.ts';
import { type SmsSender, senderFor } from './sms.ts';

export const PERSON_COOKIE = 'yibao_person';
const PERSON = { permission: 'person' } as const;

export function selfserviceRoutesWith(sender?: SmsSender): RoutesPlugin {
  return (app, deps) => {
    const sms = sender ?? senderFor(deps.demo === true, process.env);
    const ctx = async (req: FastifyRequest): Promise<service.PersonContext> => {
      const now = deps.now();
      return { psnNo: await auth.sessionPerson(deps.db, req.cookies[PERSON_COOKIE], now), now };
    };

    app.post(
      '/api/m/auth/code',
      { config: { permission: 'public' }, schema: { body: codeRequestBody } },
      async (req) =>
        auth.requestCode(deps.db, sms, deps.demo === true, { ...req.body, ip: req.ip }, deps.now()),
    );

    app.post(
      '/api/m/auth/verify',
      { config: { permission: 'public' }, schema: { body: verifyBody } },
      async (req, reply) => {
        const now = deps.now();
        const token = await auth.verifyCode(deps.db, { ...req.body, ip: req.ip }, now);
        reply.setCookie(PERSON_COOKIE, token, {
          httpOnly: true,
          sameSite: 'strict',
          path: '/',
          maxAge: SESSION_MINUTES * 60,
          secure: process.env.YIBAO_SECURE_COOKIE === '1',
        });
        const psnNo = await auth.sessionPerson(deps.db, token, now);
        return deps.db.tx((tx) => service.me(tx, { psnNo, now }));
      },
    );

    app.post('/api/m/auth/logout', { config: { permission: 'public' } }, async (req, reply) => {
      await auth.logout(deps.db, req.cookies[PERSON_COOKIE], deps.now());
      reply.clearCookie(PERSON_COOKIE, { path: '/' });
      return { ok: true };
    });

    app.get('/api/m/me', { config: PERSON }, async (req) => {
      const c = await ctx(req);
      return deps.db.tx((tx) => service.me(tx, c));
    });

    app.get('/api/m/coverage', { config: PERSON }, async (req) => {
      const c = await ctx(req);
      return deps.db.tx((tx) => service.coverage(tx, c));
    });

    app.get('/api/m/benefits', { config: PERSON }, async (req) => {
      const c = await ctx(req);
      return deps.db.tx((tx) => service.benefits(tx, c));
    });

    app.get('/api/m/matter-types', { config: PERSON }, async (req) => {
      await ctx(req);
      return { items: await service.matterTypes(deps.db) };
    });

    app.post('/api/m/uploads', { config: PERSON, schema: { querystring: uploadQuery } }, async (req) => {
      const c = await ctx(req);
      const file = await req.file({ limits: { fileSize: PHOTO_MAX_BYTES, files: 1 } });
      if (!file) throw selfserviceError('SELFSERVICE_UPLOAD_TYPE');
      let bytes: Buffer;
      try {
        bytes = await file.toBuffer();
      } catch {
        throw selfserviceError('SELFSERVICE_UPLOAD_TOO_LARGE');
      }
      if (file.file.truncated) throw selfserviceError('SELFSERVICE_UPLOAD_TOO_LARGE');
      return deps.db.tx((tx) => service.upload(tx, c, req.query.material, bytes));
    });

    app.post('/api/m/matters', { config: PERSON, schema: { body: applyBody } }, async (req) => {
      const c = await ctx(req);
      return deps.db.tx((tx) => service.apply(tx, c, req.body));
    });

    app.get('/api/m/matters', { config: PERSON }, async (req) => {
      const c = await ctx(req);
      return deps.db.tx((tx) => service.myMatters(tx, c));
    });

    app.get('/api/m/matters/:id', { config: PERSON, schema: { params: idParams } }, async (req) => {
      const c = await ctx(req);
      return deps.db.tx((tx) => service.myMatter(tx, c, req.params.id));
    });

    app.post(
      '/api/m/matters/:id/rating',
      { config: PERSON, schema: { params: idParams, body: rateBody } },
      async (req) => {
        const c = await ctx(req);
        return deps.db.tx((tx) => service.rate(tx, c, req.params.id, req.body));
      },
    );
  };
}

export const selfserviceRoutes: RoutesPlugin = selfserviceRoutesWith();
