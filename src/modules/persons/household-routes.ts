// /api/registry/households…: list, the household file, create with a head, move members in.
import { z } from 'zod';
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { limitOffset, pageQuery } from '../../api/pagination.ts';
import { staffActor } from '../accounts/index.ts';
import { createHousehold, listHouseholds, moveMember, RELATIONS } from './household-service.ts';
import { disclosureFor, shownHousehold } from './disclosure.ts';
import { householdDetail } from './household-view.ts';
import { cleanText } from '../../domain/shared/input-schemas.ts';
import { isoDate, psnNo, villageCode } from '../../domain/registry/input-schemas.ts';
import {
  assertHouseholdInScope,
  assertPersonInScope,
  assertVillage,
  chinaDay,
  isAgentOnly,
} from './scope.ts';

const householdNo = z.string().min(1).max(40);
const params = z.object({ householdNo });
const newHousehold = z.object({
  villageCode,
  address: cleanText(200, '地址').nullish(),
  headPsnNo: psnNo,
  householdNo: householdNo.nullish(),
});
const memberBody = z.object({ psnNo, relation: z.enum(RELATIONS), fromDate: isoDate });

export const householdRoutes: RoutesPlugin = (app, deps) => {
  app.get(
    '/api/registry/households',
    {
      config: { permission: 'registry.person.view' },
      schema: { querystring: pageQuery.extend({ villageCode: villageCode.optional() }) },
    },
    async (req) => {
      const staff = staffOf(req);
      const { page, pageSize, ...filter } = req.query;
      if (isAgentOnly(staff)) {
        if (filter.villageCode) assertVillage(staff, filter.villageCode);
        filter.villageCode = staff.villageCode ?? '';
      }
      const { limit, offset } = limitOffset({ page, pageSize });
      const { items, total } = await deps.db.tx((tx) => listHouseholds(tx, filter, limit, offset));
      return { items, total, page, pageSize };
    },
  );

  app.get(
    '/api/registry/households/:householdNo',
    { config: { permission: 'registry.person.view' }, schema: { params } },
    async (req) => {
      return deps.db.tx(async (tx) => {
        await assertHouseholdInScope(tx, staffOf(req), req.params.householdNo);
        const detail = await householdDetail(tx, req.params.householdNo, chinaDay(deps.now()));
        return shownHousehold(await disclosureFor(tx, staffOf(req)), detail);
      });
    },
  );

  app.post(
    '/api/registry/households',
    { config: { permission: 'registry.person.edit' }, schema: { body: newHousehold } },
    async (req, reply) => {
      const staff = staffOf(req);
      assertVillage(staff, req.body.villageCode);
      const today = chinaDay(deps.now());
      const detail = await deps.db.tx(async (tx) => {
        await assertPersonInScope(tx, staff, req.body.headPsnNo);
        const no = await createHousehold(tx, staffActor(staff), req.body, today);
        return shownHousehold(await disclosureFor(tx, staff), await householdDetail(tx, no, today));
      });
      return reply.status(201).send(detail);
    },
  );

  app.post(
    '/api/registry/households/:householdNo/members',
    { config: { permission: 'registry.person.edit' }, schema: { params, body: memberBody } },
    async (req, reply) => {
      const staff = staffOf(req);
      const today = chinaDay(deps.now());
      const detail = await deps.db.tx(async (tx) => {
        await assertHouseholdInScope(tx, staff, req.params.householdNo);
        await assertPersonInScope(tx, staff, req.body.psnNo);
        await moveMember(tx, staffActor(staff), req.params.householdNo, req.body);
        const detail = await householdDetail(tx, req.params.householdNo, today);
        return shownHousehold(await disclosureFor(tx, staff), detail);
      });
      return reply.status(201).send(detail);
    },
  );
};
