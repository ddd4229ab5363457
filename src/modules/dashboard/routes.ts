// /api/dashboard: the leader's 首页 — enrollment progress by township, today's and this month's
// settlements, and special-group coverage. Every figure is scoped to the staff member's region;
// "today" and "this year" default to the server's clock in China time (deps.now()).
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { limitOffset } from '../../api/pagination.ts';
import { maySeeSensitive } from '../../domain/registry/sensitive.ts';
import { chinaDay } from '../../domain/shared/calendar.ts';
import { forbidden } from '../../domain/shared/errors.ts';
import { enrollmentProgress } from '../enrollment/index.ts';
import { dateQuery, personsQuery, yearQuery } from './contract.ts';
import { figurePersons, isSensitiveIdentity, settlementSummary, specialGroups } from './queries.ts';
import { maskIdNumber } from '../../domain/shared/masking.ts';

export const dashboardRoutes: RoutesPlugin = (app, deps) => {
  const today = () => chinaDay(deps.now());
  const thisYear = () => Number(today().slice(0, 4));

  app.get(
    '/api/dashboard/enrollment',
    {
      config: { permission: 'dashboard.view' },
      schema: { querystring: yearQuery },
    },
    async (req) => enrollmentProgress(deps.db, staffOf(req).admdvs, req.query.year ?? thisYear()),
  );

  app.get(
    '/api/dashboard/settlements',
    {
      config: { permission: 'dashboard.view' },
      schema: { querystring: dateQuery },
    },
    async (req) => settlementSummary(deps.db, staffOf(req).admdvs, req.query.date ?? today()),
  );

  app.get(
    '/api/dashboard/special-groups',
    {
      config: { permission: 'dashboard.view' },
      schema: { querystring: yearQuery },
    },
    async (req) => {
      const staff = staffOf(req);
      // counts of a sensitive identity only for the roles that may see it (domain/registry/sensitive.ts)
      const year = req.query.year ?? thisYear();
      return specialGroups(deps.db, staff.admdvs, today(), year, maySeeSensitive(staff.roles));
    },
  );

  // the persons behind a figure: the same definitions as the counts (queries.ts)
  app.get(
    '/api/dashboard/persons',
    {
      config: { permission: 'dashboard.view' },
      schema: { querystring: personsQuery },
    },
    async (req) => {
      const staff = staffOf(req);
      const { page, pageSize, figure, code, townshipCode } = req.query;
      const year = req.query.year ?? thisYear();
      const withSensitive = maySeeSensitive(staff.roles);
      const { limit, offset } = limitOffset({ page, pageSize });
      const r = await deps.db.tx(async (tx) => {
        if (code && !withSensitive && (await isSensitiveIdentity(tx, code)))
          throw forbidden('SENSITIVE_FILTER_FORBIDDEN', '无权按敏感身份查询');
        return figurePersons(
          tx,
          staff.admdvs,
          year,
          withSensitive,
          { figure, code, townshipCode },
          limit,
          offset,
        );
      });
      const items = r.items.map((p) => ({ ...p, certno: maskIdNumber(p.certno) }));
      return { items, total: r.total, page, pageSize, year };
    },
  );
};
