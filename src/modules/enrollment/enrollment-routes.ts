// /api/registry/enrollments…: list, enroll, correct, stop. Errors carry details.field so the UI
// can show them beside the offending field.
import { z } from 'zod';
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { limitOffset, pageQuery } from '../../api/pagination.ts';
import { INSUTYPES } from '../../domain/registry/enrollment-rules.ts';
import { enrollmentState } from '../../domain/registry/enrollment-state.ts';
import { shownReason } from '../../domain/registry/sensitive.ts';
import { notFound } from '../../domain/shared/errors.ts';
import { staffActor } from '../accounts/index.ts';
import { contributionSuggestion } from './contribution-suggestion.ts';
import { findEnrollment, listEnrollments } from './enrollment-repo.ts';
import { correctEnrollment, enroll, stopEnrollmentById } from './enrollment-service.ts';
import { cleanText } from '../../domain/shared/input-schemas.ts';
import { fen, isoDate, psnNo, text, year } from '../../domain/registry/input-schemas.ts';
import { assertPersonInScope, chinaDay, disclosureFor, isAgentOnly } from '../persons/index.ts';

const body = z.object({
  psnNo,
  insutype: z.enum(INSUTYPES),
  beginDate: isoDate,
  endDate: isoDate.nullish(),
  personalFen: fen,
  fiscalFen: fen,
  assistedFen: fen,
  assistedPayer: cleanText(50, '资助出资方').nullish(),
  assistedIdentity: z.string().max(50).nullish(),
  employerCode: z.string().max(50).nullish(),
  employerName: cleanText(200, '参保单位名称').nullish(),
  contributionReason: cleanText(200, '缴费说明').nullish(),
});
const idParams = z.object({ id: z.coerce.number().int().positive() });
const listQuery = pageQuery.extend({
  psnNo: psnNo.optional(),
  insutype: z.enum(INSUTYPES).optional(),
  year: year.optional(),
});

export const enrollmentRoutes: RoutesPlugin = (app, deps) => {
  // the amounts the counter's form prefills for a resident (390) year
  app.get(
    '/api/registry/contribution-suggestion',
    {
      config: { permission: 'registry.enrollment.edit' },
      schema: { querystring: z.object({ psnNo, year }) },
    },
    async (req) => {
      const staff = staffOf(req);
      return deps.db.tx(async (tx) => {
        await assertPersonInScope(tx, staff, req.query.psnNo);
        return contributionSuggestion(tx, req.query.psnNo, req.query.year);
      });
    },
  );

  app.get(
    '/api/registry/enrollments',
    { config: { permission: 'registry.enrollment.view' }, schema: { querystring: listQuery } },
    async (req) => {
      const staff = staffOf(req);
      const { page, pageSize, ...filter } = req.query;
      const { limit, offset } = limitOffset({ page, pageSize });
      const today = chinaDay(deps.now());
      const scoped = isAgentOnly(staff) ? { ...filter, villageCode: staff.villageCode ?? '' } : filter;
      const { items, total } = await deps.db.tx(async (tx) => {
        const d = await disclosureFor(tx, staff);
        const r = await listEnrollments(tx, scoped, limit, offset);
        return {
          total: r.total,
          items: r.items.map((e) => ({
            ...e,
            stopReason: shownReason(d, e.stopReason),
            state: enrollmentState(e, today),
          })),
        };
      });
      return { items, total, page, pageSize };
    },
  );

  app.post(
    '/api/registry/enrollments',
    { config: { permission: 'registry.enrollment.edit' }, schema: { body } },
    async (req, reply) => {
      const staff = staffOf(req);
      const enrollment = await deps.db.tx(async (tx) => {
        await assertPersonInScope(tx, staff, req.body.psnNo);
        return enroll(tx, staffActor(staff), req.body, chinaDay(deps.now()));
      });
      return reply.status(201).send({ enrollment });
    },
  );

  app.put(
    '/api/registry/enrollments/:id',
    { config: { permission: 'registry.enrollment.edit' }, schema: { params: idParams, body } },
    async (req) => {
      const staff = staffOf(req);
      const enrollment = await deps.db.tx(async (tx) => {
        const e = await findEnrollment(tx, req.params.id);
        if (!e) throw notFound('ENROLLMENT_NOT_FOUND', `参保记录 ${req.params.id} 不存在`);
        await assertPersonInScope(tx, staff, e.psnNo);
        return correctEnrollment(tx, staffActor(staff), req.params.id, req.body);
      });
      return { enrollment };
    },
  );

  app.post(
    '/api/registry/enrollments/:id/stop',
    {
      config: { permission: 'registry.enrollment.edit' },
      schema: { params: idParams, body: z.object({ stoppedOn: isoDate, reason: text(200) }) },
    },
    async (req) => {
      const staff = staffOf(req);
      const enrollment = await deps.db.tx(async (tx) => {
        const e = await findEnrollment(tx, req.params.id);
        if (!e) throw notFound('ENROLLMENT_NOT_FOUND', `参保记录 ${req.params.id} 不存在`);
        await assertPersonInScope(tx, staff, e.psnNo);
        return stopEnrollmentById(tx, staffActor(staff), req.params.id, req.body);
      });
      return { enrollment };
    },
  );
};
