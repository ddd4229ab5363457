// Staff and institution API of suspects (疑点) and monthly record sampling (病历抽查).
import { excel, yuanCell } from '../../api/excel.ts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { download } from '../../api/download.ts';
import { type ModuleDeps, type App, staffOf } from '../../api/context.ts';
import { limitOffset, pageQuery } from '../../api/pagination.ts';
import { chinaDay } from '../../domain/shared/calendar.ts';
import { notFound } from '../../domain/shared/errors.ts';
import { SUSPECT_SOURCES, SUSPECT_STATES } from '../../domain/supervision/suspect-machine.ts';
import { bulkSuspectBody, drawBody, raiseBody, reviewBody, suspectActionBody } from './contract.ts';
import { idParams } from '../../domain/shared/input-schemas.ts';
import * as repo from './suspect-repo.ts';
import * as service from './suspect-service.ts';

const suspectQuery = pageQuery.extend({
  state: z.enum(Object.keys(SUSPECT_STATES) as [string, ...string[]]).optional(),
  rule: z.string().max(40).optional(),
  institution: z.string().max(20).optional(),
  source: z.enum(['scan', 'sample', 'realtime']).optional(),
  overdue: z.enum(['1']).optional(),
  open: z.enum(['1', '0']).optional(),
});

export function suspectRoutes(app: App, deps: ModuleDeps) {
  const ctx = (req: FastifyRequest): service.SuspectContext => ({
    staff: staffOf(req),
    permissions: req.permissions ?? new Set(),
    now: deps.now(),
  });
  const filterOf = (q: z.infer<typeof suspectQuery>): repo.SuspectFilter => ({
    state: q.state ?? null,
    rule: q.rule ?? null,
    institution: q.institution ?? null,
    source: q.source ?? null,
    overdueOn: q.overdue ? chinaDay(deps.now()) : null,
    open: q.open === undefined ? null : q.open === '1',
  });

  app.post(
    '/api/supervision/runs/:id/suspects',
    { config: { permission: 'supervision.suspect.review' }, schema: { params: idParams, body: raiseBody } },
    async (req, reply) => {
      const c = ctx(req);
      const r = await deps.db.tx((tx) =>
        service.raiseFromRun(
          tx,
          req.params.id,
          { rule: req.body.rule ?? null, institution: req.body.institution ?? null },
          c,
        ),
      );
      reply.status(201);
      return r;
    },
  );

  app.get(
    '/api/supervision/suspects',
    { config: { permission: 'supervision.suspect.view' }, schema: { querystring: suspectQuery } },
    async (req) => {
      const { limit, offset } = limitOffset(req.query);
      const c = ctx(req);
      const r = await service.listSuspects(deps.db, filterOf(req.query), c, limit, offset);
      return { ...r, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/api/supervision/suspects/summary',
    {
      config: { permission: 'supervision.suspect.view' },
      schema: { querystring: z.object({ institution: z.string().max(20).optional() }) },
    },
    async (req) => ({ items: await service.summary(deps.db, req.query.institution ?? null, ctx(req)) }),
  );

  app.get(
    '/api/supervision/suspects.xlsx',
    { config: { permission: 'supervision.suspect.view' }, schema: { querystring: suspectQuery } },
    async (req, reply) => {
      const r = await service.listSuspects(deps.db, filterOf(req.query), ctx(req), 50_000, 0);
      const wb = new (await excel()).Workbook();
      const ws = wb.addWorksheet('疑点');
      ws.columns = [
        { header: '疑点号', key: 'id', width: 10 },
        { header: '来源', key: 'source', width: 10 },
        { header: '规则', key: 'rule', width: 24 },
        { header: '机构', key: 'inst', width: 24 },
        { header: '就诊ID', key: 'mdtrt', width: 24 },
        { header: '参保人', key: 'person', width: 10 },
        { header: '疑点金额（元）', key: 'amount', width: 14 },
        { header: '认定金额（元）', key: 'confirmed', width: 14 },
        { header: '状态', key: 'state', width: 12 },
        { header: '办理时限', key: 'due', width: 12 },
        { header: '审核意见', key: 'finding', width: 40 },
        { header: '机构申诉', key: 'appeal', width: 40 },
      ];
      for (const s of r.items)
        ws.addRow({
          id: s.id,
          source: SUSPECT_SOURCES[s.source],
          rule: s.ruleName ?? s.ruleCode,
          inst: s.institutionName ?? s.fixmedinsCode,
          mdtrt: s.mdtrtId,
          person: s.personName,
          amount: yuanCell(s.amountFen),
          confirmed: s.confirmedFen === null ? null : yuanCell(s.confirmedFen),
          state: SUSPECT_STATES[s.state],
          due: s.dueOn,
          finding: s.finding,
          appeal: s.appeal,
        });
      ws.getColumn('amount').numFmt = '#,##0.00';
      ws.getColumn('confirmed').numFmt = '#,##0.00';
      const body = Buffer.from(await wb.xlsx.writeBuffer());
      return download(reply, body, 'suspects.xlsx', '疑点清单.xlsx');
    },
  );

  app.get(
    '/api/supervision/suspects/:id',
    { config: { permission: 'supervision.suspect.view' }, schema: { params: idParams } },
    async (req) => service.suspectDetail(deps.db, req.params.id, ctx(req)),
  );

  app.post(
    '/api/supervision/suspects/:id/actions',
    {
      config: { permission: 'supervision.suspect.view' },
      schema: { params: idParams, body: suspectActionBody },
    },
    async (req) => {
      const c = ctx(req);
      return { suspect: await deps.db.tx((tx) => service.actOnSuspect(tx, req.params.id, req.body, c)) };
    },
  );

  app.post(
    '/api/supervision/suspects/bulk',
    { config: { permission: 'supervision.suspect.view' }, schema: { body: bulkSuspectBody } },
    async (req) => {
      const c = ctx(req);
      const { ids, ...body } = req.body;
      return deps.db.tx((tx) => service.bulkAct(tx, ids, body, c));
    },
  );

  app.get(
    '/api/supervision/institutions',
    {
      config: { permission: 'supervision.suspect.view' },
      schema: {
        querystring: z.object({
          from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 yyyy-MM-dd'),
          to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 yyyy-MM-dd'),
        }),
      },
    },
    async (req) => service.institutionView(deps.db, req.query.from, req.query.to, ctx(req)),
  );

  // ---- sampling ----
  const reviewerIds = async () => {
    const matrix = await deps.access.matrix(deps.db, deps.now());
    const roles = [...matrix].filter(([, p]) => p.has('supervision.sample')).map(([r]) => r);
    return repo.staffWithRoles(deps.db, roles);
  };

  app.get('/api/supervision/reviewers', { config: { permission: 'supervision.sample' } }, async () => ({
    items: await reviewerIds(),
  }));

  app.post(
    '/api/supervision/samples',
    { config: { permission: 'supervision.sample' }, schema: { body: drawBody } },
    async (req, reply) => {
      const c = ctx(req);
      const allowed = new Set((await reviewerIds()).map((r) => r.id));
      const r = await deps.db.tx((tx) => service.drawSamples(tx, req.body, allowed, c));
      reply.status(201);
      return r;
    },
  );

  app.get(
    '/api/supervision/samples',
    {
      config: { permission: 'supervision.read' },
      schema: {
        querystring: z.object({
          period: z
            .string()
            .regex(/^\d{4}-\d{2}$/)
            .optional(),
        }),
      },
    },
    async (req) => ({ items: await repo.listSamples(deps.db, req.query.period ?? null) }),
  );

  app.get(
    '/api/supervision/samples/:id',
    { config: { permission: 'supervision.read' }, schema: { params: idParams } },
    async (req) => {
      const sample = await repo.findSample(deps.db, req.params.id);
      if (!sample) throw notFound('SAMPLE_NOT_FOUND', `抽查批次 ${req.params.id} 不存在`);
      return { sample, records: await repo.sampleRecords(deps.db, sample.id) };
    },
  );

  app.post(
    '/api/supervision/sample-records/:id/review',
    { config: { permission: 'supervision.sample' }, schema: { params: idParams, body: reviewBody } },
    async (req) => {
      const c = ctx(req);
      return deps.db.tx((tx) => service.reviewRecord(tx, req.params.id, req.body, c));
    },
  );
}
