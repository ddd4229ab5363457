// Staff API of fund supervision: the rule library, the knowledge import, scan runs and their hits.
import { z } from 'zod';
import { download } from '../../api/download.ts';
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { limitOffset, pageQuery } from '../../api/pagination.ts';
import { badRequest, notFound } from '../../domain/shared/errors.ts';
import { staffActor } from '../accounts/index.ts';
import {
  knowledgeEndBody,
  ruleChangeBody,
  runBody,
  type SelfPayQuery,
  selfPayQuery,
  selfPayVisitParams,
  type StockEventQuery,
  stockBatch,
  stockEventQuery,
  stockMonthQuery,
  stockQuery,
} from './contract.ts';
import * as repo from './repo.ts';
import * as service from './service.ts';
import * as stock from './stock.ts';
import * as stockEvents from './stock-events.ts';
import * as selfPay from './selfpay.ts';
import { suspectRoutes } from './suspect-routes.ts';

const runParams = z.object({ id: z.coerce.number().int().positive() });

export const supervisionRoutes: RoutesPlugin = (app, deps) => {
  suspectRoutes(app, deps);
  app.get('/api/supervision/rules', { config: { permission: 'supervision.read' } }, async () => ({
    items: await deps.db.tx((tx) => service.listRules(tx, deps.now())),
  }));

  app.get(
    '/api/supervision/rules/:code/history',
    {
      config: { permission: 'supervision.read' },
      schema: { params: z.object({ code: z.string().max(40) }) },
    },
    async (req) => ({ items: await repo.ruleHistory(deps.db, req.params.code) }),
  );

  app.put(
    '/api/supervision/rules/:code',
    {
      config: { permission: 'supervision.rules' },
      schema: { params: z.object({ code: z.string().max(40) }), body: ruleChangeBody },
    },
    async (req) => {
      const actor = staffActor(staffOf(req));
      await deps.db.tx((tx) => service.changeRule(tx, req.params.code, req.body, actor, deps.now()));
      return { ok: true };
    },
  );

  app.get(
    '/api/supervision/knowledge',
    {
      config: { permission: 'supervision.read' },
      schema: { querystring: pageQuery.extend({ template: z.string().max(40).optional() }) },
    },
    async (req) => {
      const { page, pageSize, template } = req.query;
      const { limit, offset } = limitOffset({ page, pageSize });
      return { ...(await repo.listKnowledge(deps.db, template ?? null, limit, offset)), page, pageSize };
    },
  );

  app.post(
    '/api/supervision/knowledge/import',
    { config: { permission: 'supervision.rules' } },
    async (req, reply) => {
      const file = await req.file();
      if (!file) throw badRequest('FILE_REQUIRED', '请上传 xlsx 文件');
      const body = await file.toBuffer();
      const actor = staffActor(staffOf(req));
      const rows = await deps.db.tx((tx) => service.importKnowledge(tx, body, actor, deps.now()));
      reply.status(201);
      return { rows };
    },
  );

  app.post(
    '/api/supervision/knowledge/:id/end',
    { config: { permission: 'supervision.rules' }, schema: { params: runParams, body: knowledgeEndBody } },
    async (req) => {
      const actor = staffActor(staffOf(req));
      return deps.db.tx((tx) => service.endKnowledge(tx, req.params.id, req.body, actor, deps.now()));
    },
  );

  app.get('/api/supervision/runs', { config: { permission: 'supervision.read' } }, async () => ({
    items: await repo.listRuns(deps.db, 50),
  }));

  // the run is created in the request; its stages run after the answer (the page polls its progress)
  app.post(
    '/api/supervision/runs',
    { config: { permission: 'supervision.scan' }, schema: { body: runBody } },
    async (req, reply) => {
      const actor = staffActor(staffOf(req));
      const run = await deps.db.tx((tx) => service.createRun(tx, req.body, actor, deps.now()));
      service
        .executeRun(deps.db, run.id, deps.now)
        .catch((err) => req.log.error({ err }, 'supervision run failed'));
      reply.status(201);
      return { run };
    },
  );

  app.post(
    '/api/supervision/runs/:id/resume',
    { config: { permission: 'supervision.scan' }, schema: { params: runParams } },
    async (req) => {
      const run = await repo.findRun(deps.db, req.params.id);
      if (!run) throw notFound('SUPERVISION_RUN_NOT_FOUND', `筛查批次 ${req.params.id} 不存在`);
      if (run.status !== 'failed')
        throw badRequest('SUPERVISION_RUN_NOT_FAILED', '只有中断（失败）的筛查批次可以继续');
      service
        .executeRun(deps.db, run.id, deps.now)
        .catch((err) => req.log.error({ err }, 'supervision run failed'));
      return { run };
    },
  );

  app.get(
    '/api/supervision/runs/:id',
    { config: { permission: 'supervision.read' }, schema: { params: runParams } },
    async (req) => {
      const run = await repo.findRun(deps.db, req.params.id);
      if (!run) throw notFound('SUPERVISION_RUN_NOT_FOUND', `筛查批次 ${req.params.id} 不存在`);
      return { run, summary: await repo.hitSummary(deps.db, run.id) };
    },
  );

  app.get(
    '/api/supervision/runs/:id/hits',
    {
      config: { permission: 'supervision.read' },
      schema: {
        params: runParams,
        querystring: pageQuery.extend({
          rule: z.string().max(40).optional(),
          institution: z.string().max(12).optional(),
        }),
      },
    },
    async (req) => {
      const { page, pageSize, rule, institution } = req.query;
      const { limit, offset } = limitOffset({ page, pageSize });
      const r = await repo.listHits(
        deps.db,
        { runId: req.params.id, rule: rule ?? null, institution: institution ?? null },
        limit,
        offset,
      );
      return { ...r, page, pageSize };
    },
  );

  app.get(
    '/api/supervision/runs/:id/hits.xlsx',
    { config: { permission: 'supervision.read' }, schema: { params: runParams } },
    async (req, reply) =>
      download(
        reply,
        await service.hitsXlsx(deps.db, req.params.id),
        `hits-${req.params.id}.xlsx`,
        `筛查批次${req.params.id}疑点.xlsx`,
      ),
  );

  // 进销存: the monthly stock of items per institution, imported as a workbook
  app.get(
    '/api/supervision/stock',
    { config: { permission: 'supervision.read' }, schema: { querystring: pageQuery.merge(stockQuery) } },
    async (req) => {
      const { page, pageSize, institution, month } = req.query;
      const { limit, offset } = limitOffset({ page, pageSize });
      const f = { institution: institution || null, month: month ?? null };
      return { ...(await stock.listStock(deps.db, f, limit, offset)), page, pageSize };
    },
  );

  app.get(
    '/api/supervision/stock.xlsx',
    { config: { permission: 'supervision.read' }, schema: { querystring: stockQuery } },
    async (req, reply) => {
      const f = { institution: req.query.institution || null, month: req.query.month ?? null };
      const { items } = await stock.listStock(deps.db, f, 200_000, 0);
      return download(reply, await stock.stockXlsx(items), 'stock.xlsx', '进销存.xlsx');
    },
  );

  // 进销存 as institutions' systems report it through the HIS (3501–3507), record by record
  const eventFilter = (q: StockEventQuery) => ({
    institution: q.institution || null,
    kind: q.kind ?? null,
    item: q.item || null,
    from: q.from ?? null,
    to: q.to ?? null,
    deleted: q.deleted === '1',
  });
  app.get(
    '/api/supervision/stock-events',
    {
      config: { permission: 'supervision.read' },
      schema: { querystring: pageQuery.merge(stockEventQuery) },
    },
    async (req) => {
      const { page, pageSize } = req.query;
      const { limit, offset } = limitOffset({ page, pageSize });
      return {
        ...(await stockEvents.listStockEvents(deps.db, eventFilter(req.query), limit, offset)),
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/api/supervision/stock-events.xlsx',
    { config: { permission: 'supervision.read' }, schema: { querystring: stockEventQuery } },
    async (req, reply) => {
      const { items } = await stockEvents.listStockEvents(deps.db, eventFilter(req.query), 200_000, 0);
      return download(
        reply,
        await stockEvents.stockEventsXlsx(items),
        'stock-events.xlsx',
        '机构上传进销存.xlsx',
      );
    },
  );

  // 自费就诊 the institutions reported (4202/4205/4201A), insured persons first in mind
  const selfPayFilter = (q: SelfPayQuery) => ({
    institution: q.institution || null,
    from: q.from ?? null,
    to: q.to ?? null,
    insured: q.insured === '1',
  });
  app.get(
    '/api/supervision/selfpay-visits',
    { config: { permission: 'supervision.read' }, schema: { querystring: pageQuery.merge(selfPayQuery) } },
    async (req) => {
      const { page, pageSize } = req.query;
      const { limit, offset } = limitOffset({ page, pageSize });
      return {
        ...(await selfPay.listSelfPayVisits(deps.db, selfPayFilter(req.query), limit, offset)),
        page,
        pageSize,
      };
    },
  );
  app.get(
    '/api/supervision/selfpay-visits/:id',
    { config: { permission: 'supervision.read' }, schema: { params: selfPayVisitParams } },
    async (req) => selfPay.selfPayVisitDetail(deps.db, req.params.id),
  );
  app.get(
    '/api/supervision/selfpay-visits.xlsx',
    { config: { permission: 'supervision.read' }, schema: { querystring: selfPayQuery } },
    async (req, reply) => {
      const { items } = await selfPay.listSelfPayVisits(deps.db, selfPayFilter(req.query), 200_000, 0);
      return download(reply, await selfPay.selfPayXlsx(items), 'selfpay-visits.xlsx', '自费就诊.xlsx');
    },
  );

  // a month of reported records beside what the fund settled, per institution and item
  app.get(
    '/api/supervision/stock-events/months',
    { config: { permission: 'supervision.read' }, schema: { querystring: stockMonthQuery } },
    async (req) => ({
      items: await stockEvents.stockMonth(deps.db, {
        institution: req.query.institution || null,
        month: req.query.month,
      }),
    }),
  );

  app.get(
    '/api/supervision/stock-events/months.xlsx',
    { config: { permission: 'supervision.read' }, schema: { querystring: stockMonthQuery } },
    async (req, reply) => {
      const { month } = req.query;
      const rows = await stockEvents.stockMonth(deps.db, {
        institution: req.query.institution || null,
        month,
      });
      return download(
        reply,
        await stockEvents.stockMonthXlsx(month, rows),
        `stock-month-${month}.xlsx`,
        `进销存对比${month}.xlsx`,
      );
    },
  );

  app.post(
    '/api/supervision/stock/import',
    { config: { permission: 'supervision.scan' }, schema: { querystring: z.object({ batch: stockBatch }) } },
    async (req, reply) => {
      const file = await req.file();
      if (!file) throw badRequest('FILE_REQUIRED', '请上传 xlsx 文件');
      const body = await file.toBuffer();
      const actor = staffActor(staffOf(req));
      const r = await deps.db.tx((tx) => stock.importStock(tx, body, req.query.batch, actor, deps.now()));
      reply.status(201);
      return r;
    },
  );
};
