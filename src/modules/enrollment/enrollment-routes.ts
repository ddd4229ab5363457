// /api/registry/enrollments…: list, enroll, correct, stop. Errors carry details.field so the UI
// can show them beside the offending field.
import { z } from 'zod';
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { limitOffset, pageQuery } from '../../api/pagination.ts';
import { INSUTYPES } from '../../domain/registry/enrollment-rules.ts';
import { enrollmentState } from '../../domain/registry/enrollment-state.ts';
import { shownReason } from '../../domain/registry/sensitive.ts';
import { correctionNeedsReview, stopNeedsReview } from '../../domain/matter/review-rules.ts';
import { conflict, notFound } from '../../domain/shared/errors.ts';
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

// 一事两岗两审: a correction of a past year or one lowering an amount, and the stop of a past year,
// are matters (参保缴费更正 / 暂停、终止参保) approved by a second post, never a direct edit.
const needsMatter = (what: string, matter: string) =>
  conflict(
    'ENROLLMENT_NEEDS_REVIEW',
    `${what}须经两岗审核，不能直接修改：请在综合受理中办理“${matter}”事项，由另一岗位审核后生效`,
  );

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
        if (correctionNeedsReview(e, req.body, chinaDay(deps.now())))
          throw needsMatter(
            '更正以往年度的参保记录或减少缴费金额',
            '城乡居民参保信息变更登记（参保缴费更正）',
          );
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
        if (stopNeedsReview(e.beginDate, chinaDay(deps.now())))
          throw needsMatter('以往年度的参保记录停保', '城乡居民参保信息变更登记（暂停、终止参保）');
        return stopEnrollmentById(tx, staffActor(staff), req.params.id, req.body);
      });
      return { enrollment };
    },
  );
};
