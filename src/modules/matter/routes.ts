// /api/matter: the catalogue (办事指南) and its admin edits; applying, acting on, finding matters. The
// action route is open to everyone who sees matters: which action needs which permission (and who may
// not take it) is the workflow machine's data, checked by the kernel for each call.
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { staffActor } from '../accounts/index.ts';
import { guide, editType, typeWithHistory } from './catalogue-service.ts';
import { download } from '../../api/download.ts';
import {
  actionBody,
  applyBody,
  idParams,
  searchQuery,
  statsQuery,
  typeEditBody,
  typeParams,
  typeQuery,
} from './contract.ts';
import { exportMatters, findMatters, reminders } from './queries.ts';
import { matterStatistics, statisticsXlsx } from './stats.ts';
import { mattersXlsx } from './xlsx.ts';
import { actOn, applyMatter, type MatterContext, matterDetail } from './service.ts';

export const matterRoutes: RoutesPlugin = (app, deps) => {
  const ctx = (req: Parameters<typeof staffOf>[0]): MatterContext => ({
    staff: staffOf(req),
    permissions: req.permissions ?? new Set(),
    now: deps.now(),
  });

  app.get(
    '/api/matter/types',
    { config: { permission: 'matter.view' }, schema: { querystring: typeQuery } },
    async (req) => ({
      items: await guide(deps.db, req.query.q, req.query.all === true),
    }),
  );

  app.get(
    '/api/matter/types/:code',
    { config: { permission: 'matter.view' }, schema: { params: typeParams } },
    async (req) => typeWithHistory(deps.db, req.params.code),
  );

  app.put(
    '/api/matter/types/:code',
    { config: { permission: 'matter.catalogue' }, schema: { params: typeParams, body: typeEditBody } },
    async (req) => {
      const actor = staffActor(staffOf(req));
      const now = deps.now();
      await deps.db.tx((tx) =>
        editType(tx, req.params.code, req.body.definition, req.body.reason, actor, now),
      );
      return typeWithHistory(deps.db, req.params.code);
    },
  );

  app.post(
    '/api/matter/matters',
    { config: { permission: 'matter.accept' }, schema: { body: applyBody } },
    async (req) => {
      const c = ctx(req);
      return deps.db.tx((tx) => applyMatter(tx, c, req.body));
    },
  );

  app.get(
    '/api/matter/matters',
    { config: { permission: 'matter.view' }, schema: { querystring: searchQuery } },
    async (req) => findMatters(deps.db, ctx(req), req.query),
  );

  app.get(
    '/api/matter/matters.xlsx',
    { config: { permission: 'matter.view' }, schema: { querystring: searchQuery } },
    async (req, reply) => {
      const all = await exportMatters(deps.db, ctx(req), req.query);
      return download(reply, await mattersXlsx(all), 'matters.xlsx', '事项查询.xlsx');
    },
  );

  app.get('/api/matter/reminders', { config: { permission: 'matter.view' } }, async (req) => ({
    items: await reminders(deps.db, ctx(req)),
  }));

  app.get(
    '/api/matter/stats',
    { config: { permission: 'matter.stats' }, schema: { querystring: statsQuery } },
    async (req) => matterStatistics(deps.db, deps.now(), req.query),
  );

  app.get(
    '/api/matter/stats.xlsx',
    { config: { permission: 'matter.stats' }, schema: { querystring: statsQuery } },
    async (req, reply) => {
      const s = await matterStatistics(deps.db, deps.now(), req.query);
      return download(
        reply,
        await statisticsXlsx(s),
        'matter-stats.xlsx',
        `事项办理统计_${s.from}_${s.to}.xlsx`,
      );
    },
  );

  app.get(
    '/api/matter/matters/:id',
    { config: { permission: 'matter.view' }, schema: { params: idParams } },
    async (req) => matterDetail(deps.db, ctx(req), req.params.id),
  );

  app.post(
    '/api/matter/matters/:id/actions',
    { config: { permission: 'matter.view' }, schema: { params: idParams, body: actionBody } },
    async (req) => {
      const c = ctx(req);
      await deps.db.tx((tx) => actOn(tx, c, req.params.id, req.body));
      return matterDetail(deps.db, c, req.params.id);
    },
  );
};
