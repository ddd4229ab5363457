// /api/calendar: the loaded years, a year's days and history, due dates; admins load and edit.
import type { RoutesPlugin } from '../../api/context.ts';
import { staffOf } from '../../api/context.ts';
import { addWorkingDays } from '../../domain/shared/working-days.ts';
import { staffActor } from '../accounts/index.ts';
import { changeDayBody, dayParams, dueQuery, importYearBody, yearParams } from './contract.ts';
import { changeDay, importYear, listYears, workCalendarFor, yearChanges, yearDays } from './service.ts';

export const calendarRoutes: RoutesPlugin = (app, deps) => {
  app.get('/api/calendar/years', { config: { permission: 'calendar.view' } }, async () => ({
    items: await listYears(deps.db),
  }));

  app.get(
    '/api/calendar/years/:year',
    { config: { permission: 'calendar.view' }, schema: { params: yearParams } },
    async (req) => ({
      year: req.params.year,
      days: await yearDays(deps.db, req.params.year),
      changes: await yearChanges(deps.db, req.params.year),
    }),
  );

  app.put(
    '/api/calendar/years/:year',
    { config: { permission: 'calendar.edit' }, schema: { params: yearParams, body: importYearBody } },
    async (req) => {
      const actor = staffActor(staffOf(req));
      const { days, reason } = req.body;
      await deps.db.tx((tx) => importYear(tx, req.params.year, days, reason ?? null, actor, deps.now()));
      return { year: req.params.year, days: await yearDays(deps.db, req.params.year) };
    },
  );

  app.put(
    '/api/calendar/days/:day',
    { config: { permission: 'calendar.edit' }, schema: { params: dayParams, body: changeDayBody } },
    async (req) => {
      const actor = staffActor(staffOf(req));
      await deps.db.tx((tx) => changeDay(tx, req.params.day, req.body, actor, deps.now()));
      return { ok: true };
    },
  );

  // The due date of a limit of N working days counted from a day (the day itself not counted).
  app.get(
    '/api/calendar/due',
    { config: { permission: 'calendar.view' }, schema: { querystring: dueQuery } },
    async (req) => {
      const { from, days } = req.query;
      const year = Number(from.slice(0, 4));
      const cal = await workCalendarFor(deps.db, year, year + 2);
      return { from, days, due: addWorkingDays(cal, from, days) };
    },
  );
};
