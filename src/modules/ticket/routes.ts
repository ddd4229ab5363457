// /api/ticket: register and import the city platform's 12345 tickets, act on them, list and export
// them, the 督办 list, the KPI figures and the limits. The action route is open to everyone who sees
// tickets: which action needs which permission is the workflow machine's data, checked per call.
import { download } from '../../api/download.ts';
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import {
  actionBody,
  idParams,
  importBody,
  kpiQuery,
  limitBody,
  limitParams,
  listQuery,
  registerBody,
} from './contract.ts';
import * as service from './service.ts';
import { readRows, ticketsXlsx } from './xlsx.ts';

export const ticketRoutes: RoutesPlugin = (app, deps) => {
  const ctx = (req: Parameters<typeof staffOf>[0]): service.TicketContext => ({
    staff: staffOf(req),
    permissions: req.permissions ?? new Set(),
    now: deps.now(),
  });

  app.post(
    '/api/ticket/tickets',
    { config: { permission: 'ticket.register' }, schema: { body: registerBody } },
    async (req) => {
      const c = ctx(req);
      const id = await deps.db.tx((tx) => service.registerTicket(tx, c, req.body));
      return service.ticketDetail(deps.db, c, id);
    },
  );

  app.post(
    '/api/ticket/import',
    { config: { permission: 'ticket.register' }, schema: { body: importBody }, bodyLimit: 16_000_000 },
    async (req) => {
      const c = ctx(req);
      const rows = await readRows(Buffer.from(req.body.content, 'base64'));
      return deps.db.tx((tx) => service.importTickets(tx, c, rows));
    },
  );

  app.get(
    '/api/ticket/tickets',
    { config: { permission: 'ticket.view' }, schema: { querystring: listQuery } },
    async (req) => service.listTickets(deps.db, ctx(req), req.query),
  );

  app.get(
    '/api/ticket/tickets.xlsx',
    { config: { permission: 'ticket.view' }, schema: { querystring: listQuery } },
    async (req, reply) => {
      const c = ctx(req);
      const { items } = await service.listTickets(deps.db, c, { ...req.query, limit: 200, offset: 0 });
      const all = [...items];
      for (let offset = 200; all.length === offset && offset < 20_000; offset += 200)
        all.push(...(await service.listTickets(deps.db, c, { ...req.query, limit: 200, offset })).items);
      return download(reply, await ticketsXlsx(all), 'tickets.xlsx', '12345工单.xlsx');
    },
  );

  app.get('/api/ticket/overdue', { config: { permission: 'ticket.view' } }, async (req) =>
    service.overdueTickets(deps.db, ctx(req)),
  );

  app.get(
    '/api/ticket/tickets/:id',
    { config: { permission: 'ticket.view' }, schema: { params: idParams } },
    async (req) => service.ticketDetail(deps.db, ctx(req), req.params.id),
  );

  app.post(
    '/api/ticket/tickets/:id/actions',
    { config: { permission: 'ticket.view' }, schema: { params: idParams, body: actionBody } },
    async (req) => {
      const c = ctx(req);
      await deps.db.tx((tx) => service.actOn(tx, c, req.params.id, req.body));
      return service.ticketDetail(deps.db, c, req.params.id);
    },
  );

  app.get(
    '/api/ticket/kpi',
    { config: { permission: 'ticket.view' }, schema: { querystring: kpiQuery } },
    async (req) => service.kpiOf(deps.db, req.query.period),
  );

  app.get('/api/ticket/limits', { config: { permission: 'ticket.view' } }, async () => ({
    items: await service.limits(deps.db),
  }));

  app.put(
    '/api/ticket/limits/:category',
    { config: { permission: 'ticket.limits' }, schema: { params: limitParams, body: limitBody } },
    async (req) => {
      const c = ctx(req);
      await deps.db.tx((tx) => service.changeLimit(tx, c, { category: req.params.category, ...req.body }));
      return { items: await service.limits(deps.db) };
    },
  );
};
