// /api/casework: violation cases (open, act, outcomes, points, documents), the money ledger and the
// leader's summary for a period.
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { chinaDay } from '../../domain/shared/calendar.ts';
import {
  actionBody,
  caseQuery,
  docParams,
  idParams,
  openBody,
  outcomeBody,
  dayRangeQuery,
  periodQuery,
  pointsBody,
} from './contract.ts';
import { caseDocument, DOCUMENT_TITLES } from './documents.ts';
import * as repo from './repo.ts';
import * as service from './service.ts';
import { leaderSummary, ledgerXlsx } from './summary.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

export const caseworkRoutes: RoutesPlugin = (app, deps) => {
  const ctx = (req: Parameters<typeof staffOf>[0]): service.CaseContext => ({
    staff: staffOf(req),
    permissions: req.permissions ?? new Set(),
    now: deps.now(),
  });
  const periodOf = (q: { from: string; to: string; institution?: string }): repo.PeriodFilter => ({
    from: q.from,
    to: q.to,
    institution: q.institution ?? null,
  });

  app.post(
    '/api/casework/cases',
    { config: { permission: 'casework.investigate' }, schema: { body: openBody } },
    async (req, reply) => {
      const c = ctx(req);
      const id = await deps.db.tx((tx) => service.openCase(tx, req.body, c));
      reply.status(201);
      return service.caseDetail(deps.db, id, c);
    },
  );

  app.get(
    '/api/casework/cases',
    { config: { permission: 'casework.read' }, schema: { querystring: caseQuery } },
    async (req) => {
      const { page, pageSize } = req.query;
      const r = await repo.listCases(
        deps.db,
        {
          state: req.query.state ?? null,
          institution: req.query.institution ?? null,
          overdueOn: req.query.overdue ? chinaDay(deps.now()) : null,
        },
        pageSize,
        (page - 1) * pageSize,
      );
      return { ...r, page, pageSize };
    },
  );

  app.get(
    '/api/casework/cases/:id',
    { config: { permission: 'casework.read' }, schema: { params: idParams } },
    async (req) => service.caseDetail(deps.db, req.params.id, ctx(req)),
  );

  // each transition checks its own permission in the machine
  app.post(
    '/api/casework/cases/:id/actions',
    { config: { permission: 'casework.read' }, schema: { params: idParams, body: actionBody } },
    async (req) => {
      const c = ctx(req);
      await deps.db.tx((tx) => service.act(tx, req.params.id, req.body, c));
      return service.caseDetail(deps.db, req.params.id, c);
    },
  );

  app.post(
    '/api/casework/cases/:id/outcomes',
    { config: { permission: 'casework.decide' }, schema: { params: idParams, body: outcomeBody } },
    async (req, reply) => {
      const c = ctx(req);
      const r = await deps.db.tx((tx) => service.addOutcome(tx, req.params.id, req.body, c));
      reply.status(201);
      return r;
    },
  );

  app.post(
    '/api/casework/cases/:id/points',
    { config: { permission: 'casework.decide' }, schema: { params: idParams, body: pointsBody } },
    async (req, reply) => {
      const c = ctx(req);
      const r = await deps.db.tx((tx) => service.scorePoints(tx, req.params.id, req.body, c));
      reply.status(201);
      return r;
    },
  );

  app.get(
    '/api/casework/cases/:id/documents/:kind',
    { config: { permission: 'casework.read' }, schema: { params: docParams } },
    async (req, reply) => {
      const k = await service.findCase(deps.db, req.params.id);
      const doc = await caseDocument(
        req.params.kind,
        k,
        await repo.outcomes(deps.db, k.id),
        chinaDay(deps.now()),
      );
      reply
        .header('content-type', DOCX)
        .header('content-disposition', attachment(`${DOCUMENT_TITLES[req.params.kind]}-案件${k.id}.docx`));
      return doc;
    },
  );

  app.get(
    '/api/casework/ledger',
    { config: { permission: 'casework.read' }, schema: { querystring: periodQuery } },
    async (req) => ({
      items: await repo.ledger(deps.db, periodOf(req.query)),
      totals: await repo.ledgerTotals(deps.db, periodOf(req.query)),
    }),
  );

  app.get(
    '/api/casework/ledger.xlsx',
    { config: { permission: 'casework.read' }, schema: { querystring: periodQuery } },
    async (req, reply) => {
      const body = await ledgerXlsx(deps.db, periodOf(req.query));
      reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`资金台账-${req.query.from}-${req.query.to}.xlsx`));
      return body;
    },
  );

  app.get(
    '/api/casework/institutions',
    { config: { permission: 'casework.read' }, schema: { querystring: dayRangeQuery } },
    async (req) => ({ items: await service.institutionFigures(deps.db, req.query.from, req.query.to) }),
  );

  app.get(
    '/api/casework/summary',
    { config: { permission: 'casework.read' }, schema: { querystring: periodQuery } },
    async (req) => leaderSummary(deps.db, periodOf(req.query)),
  );
};
