// /api/rating: the counter's tablet (a public one-time link per completed matter), the 差评
// rectification ledger and its steps, statistics and the rectification period.
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import {
  idParams,
  inviteBody,
  rateBody,
  rectifyActionBody,
  settingsBody,
  statsQuery,
  tokenParams,
} from './contract.ts';
import * as service from './service.ts';

export const ratingRoutes: RoutesPlugin = (app, deps) => {
  const ctx = (req: Parameters<typeof staffOf>[0]): service.RatingContext => ({
    staff: staffOf(req),
    permissions: req.permissions ?? new Set(),
    now: deps.now(),
  });

  app.post(
    '/api/rating/invitations',
    { config: { permission: 'rating.invite' }, schema: { body: inviteBody } },
    async (req) => {
      const c = ctx(req);
      return deps.db.tx((tx) => service.invite(tx, c, req.body.receiptNo));
    },
  );

  // the tablet facing the citizen: no login, the token in its address is bound to one matter
  app.get(
    '/api/rating/tablet/:token',
    { config: { permission: 'public' }, schema: { params: tokenParams } },
    async (req) => service.tablet(deps.db, req.params.token, deps.now()),
  );

  app.post(
    '/api/rating/tablet/:token',
    { config: { permission: 'public' }, schema: { params: tokenParams, body: rateBody } },
    async (req) => {
      const now = deps.now();
      return deps.db.tx((tx) => service.rateAtTablet(tx, req.params.token, req.body, now));
    },
  );

  app.get('/api/rating/rectifications', { config: { permission: 'rating.view' } }, async (req) => ({
    items: await service.rectificationList(deps.db, ctx(req), (req.query as { all?: string }).all !== 'true'),
  }));

  app.get(
    '/api/rating/rectifications/:id',
    { config: { permission: 'rating.view' }, schema: { params: idParams } },
    async (req) => service.rectificationDetail(deps.db, ctx(req), req.params.id),
  );

  app.post(
    '/api/rating/rectifications/:id/actions',
    { config: { permission: 'rating.view' }, schema: { params: idParams, body: rectifyActionBody } },
    async (req) => {
      const c = ctx(req);
      await deps.db.tx((tx) =>
        service.actOnRectification(tx, c, req.params.id, req.body.action, req.body.reason),
      );
      return service.rectificationDetail(deps.db, c, req.params.id);
    },
  );

  app.get(
    '/api/rating/stats',
    { config: { permission: 'rating.view' }, schema: { querystring: statsQuery } },
    async (req) => service.statistics(deps.db, req.query.from, req.query.to),
  );

  app.get('/api/rating/settings', { config: { permission: 'rating.view' } }, async () =>
    service.settings(deps.db),
  );

  app.put(
    '/api/rating/settings',
    { config: { permission: 'rating.settings' }, schema: { body: settingsBody } },
    async (req) => {
      const c = ctx(req);
      await deps.db.tx((tx) => service.changeSettings(tx, c, req.body.rectifyDays));
      return service.settings(deps.db);
    },
  );
};
