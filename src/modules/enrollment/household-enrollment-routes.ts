// /api/registry/households/:householdNo/enrollment-plan and …/enrollments: 全户参保登记, a household's
// members enrolled in one step (the household itself is the persons module's).
import { z } from 'zod';
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { fen, psnNo, year } from '../../domain/registry/input-schemas.ts';
import { cleanText } from '../../domain/shared/input-schemas.ts';
import { staffActor } from '../accounts/index.ts';
import { assertHouseholdInScope } from '../persons/index.ts';
import { enrollHousehold, householdEnrollmentPlan } from './household-enrollment.ts';

const params = z.object({ householdNo: z.string().min(1).max(40) });
const householdEnrollmentBody = z.object({
  year,
  members: z
    .array(
      z.object({
        psnNo,
        personalFen: fen,
        fiscalFen: fen,
        assistedFen: fen,
        assistedIdentity: z.string().max(50).nullish(),
        assistedPayer: cleanText(50, '资助出资方').nullish(),
        contributionReason: cleanText(200, '缴费说明').nullish(),
      }),
    )
    .min(1, '请至少选择一名成员')
    .max(50),
});

export const householdEnrollmentRoutes: RoutesPlugin = (app, deps) => {
  // 全户参保登记: each member's prefilled amounts, then the household in one step
  app.get(
    '/api/registry/households/:householdNo/enrollment-plan',
    {
      config: { permission: 'registry.enrollment.edit' },
      schema: { params, querystring: z.object({ year }) },
    },
    async (req) =>
      deps.db.tx(async (tx) => {
        await assertHouseholdInScope(tx, staffOf(req), req.params.householdNo);
        return householdEnrollmentPlan(tx, req.params.householdNo, req.query.year);
      }),
  );

  app.post(
    '/api/registry/households/:householdNo/enrollments',
    { config: { permission: 'registry.enrollment.edit' }, schema: { params, body: householdEnrollmentBody } },
    async (req, reply) => {
      const staff = staffOf(req);
      const enrollments = await deps.db.tx(async (tx) => {
        await assertHouseholdInScope(tx, staff, req.params.householdNo);
        return enrollHousehold(tx, staffActor(staff), req.params.householdNo, req.body);
      });
      return reply.status(201).send({ enrollments });
    },
  );
};
