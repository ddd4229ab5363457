// /api/registry/persons…: search, register, the person file, corrections, reveal, status, identities.
import { z } from 'zod';
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { limitOffset, pageQuery } from '../../api/pagination.ts';
import { PERSON_STATUSES } from '../../domain/registry/person-rules.ts';
import { checkFilter, shownStatus } from '../../domain/registry/sensitive.ts';
import { staffActor } from '../accounts/index.ts';
import { disclosureFor, shownListRow, shownPersonFile } from './disclosure.ts';
import { addIdentitySpell, endIdentitySpell } from './identity-service.ts';
import { personKeyFilter } from './person-lookup.ts';
import { listPersons } from './person-repo.ts';
import { personFile, publicPerson, registerPerson, revealPerson, updatePerson } from './person-service.ts';
import {
  isoDate,
  nameText,
  psnNo,
  text,
  townshipCode,
  villageCode,
} from '../../domain/registry/input-schemas.ts';
import { assertPersonInScope, assertVillage, chinaDay, isAgentOnly } from './scope.ts';
import { applyStatusChange } from './status-service.ts';
import { householdVillage } from './place-repo.ts';

const listQuery = pageQuery.extend({
  certno: z.string().trim().max(30).optional(),
  /** the counter's free box: a resident ID or a 16-digit person number */
  q: z.string().trim().max(30).optional(),
  name: z.string().trim().max(50).optional(),
  villageCode: villageCode.optional(),
  townshipCode: townshipCode.optional(),
  identity: z.string().max(50).optional(),
  status: z.enum(PERSON_STATUSES).optional(),
  /** 未参保 in this coverage year */
  uncoveredYear: z.coerce.number().int().min(2000).max(2100).optional(),
});
const psnParams = z.object({ psnNo });
const newPerson = z.object({
  certno: z.string().trim().min(1).max(20),
  name: nameText(50, '姓名'),
  gender: z.enum(['1', '2']).nullish(),
  birthDate: isoDate.nullish(),
  phone: z.string().max(20).nullish(),
  villageCode,
  householdNo: z.string().min(1).max(40).nullish(),
  relation: z.string().min(1).max(10).nullish(),
});
const patchPerson = z
  .object({
    phone: z.string().max(20).nullable().optional(),
    villageCode: villageCode.optional(),
    name: nameText(50, '姓名').optional(),
  })
  .strict();
const statusBody = z.object({
  status: z.enum(PERSON_STATUSES),
  effectiveDate: isoDate,
  source: text(100),
  note: z.string().max(500).nullish(),
});
const identityBody = z.object({
  identityCode: text(50),
  sourceDept: text(50),
  validFrom: isoDate,
  validTo: isoDate.nullish(),
  sourceRef: z.string().max(200).nullish(),
});
const endIdentityBody = z.object({ validTo: isoDate, reason: text(200) });

export const personRoutes: RoutesPlugin = (app, deps) => {
  app.get(
    '/api/registry/persons',
    { config: { permission: 'registry.person.view' }, schema: { querystring: listQuery } },
    async (req) => {
      const staff = staffOf(req);
      const { page, pageSize, ...filter } = req.query;
      if (isAgentOnly(staff)) {
        if (filter.villageCode) assertVillage(staff, filter.villageCode);
        filter.villageCode = staff.villageCode ?? '';
      }
      const today = chinaDay(deps.now());
      const { limit, offset } = limitOffset({ page, pageSize });
      const { items, total } = await deps.db.tx(async (tx) => {
        const d = await disclosureFor(tx, staff);
        const refused = checkFilter(d, filter);
        if (refused) throw refused;
        const r = await listPersons(tx, await personKeyFilter(tx, filter), today, limit, offset);
        return { total: r.total, items: r.items.map((p) => shownListRow(d, publicPerson(p, today))) };
      });
      // the year coveredThisYear refers to (coveredNextYear: the one after)
      return { items, total, page, pageSize, year: Number(today.slice(0, 4)) };
    },
  );

  app.post(
    '/api/registry/persons',
    { config: { permission: 'registry.person.edit' }, schema: { body: newPerson } },
    async (req, reply) => {
      const staff = staffOf(req);
      assertVillage(staff, req.body.villageCode);
      const today = chinaDay(deps.now());
      const person = await deps.db.tx(async (tx) => {
        if (req.body.householdNo && isAgentOnly(staff)) {
          const village = await householdVillage(tx, req.body.householdNo);
          if (village !== undefined) assertVillage(staff, village);
        }
        return registerPerson(tx, staffActor(staff), req.body, today);
      });
      return reply.status(201).send({ person: publicPerson(person, today) });
    },
  );

  app.get(
    '/api/registry/persons/:psnNo',
    { config: { permission: 'registry.person.view' }, schema: { params: psnParams } },
    async (req) => {
      const staff = staffOf(req);
      return deps.db.tx(async (tx) => {
        await assertPersonInScope(tx, staff, req.params.psnNo);
        const file = await personFile(tx, req.params.psnNo, chinaDay(deps.now()));
        return shownPersonFile(await disclosureFor(tx, staff), file);
      });
    },
  );

  app.patch(
    '/api/registry/persons/:psnNo',
    { config: { permission: 'registry.person.edit' }, schema: { params: psnParams, body: patchPerson } },
    async (req) => {
      const staff = staffOf(req);
      if (req.body.villageCode) assertVillage(staff, req.body.villageCode);
      const { person, d } = await deps.db.tx(async (tx) => {
        await assertPersonInScope(tx, staff, req.params.psnNo);
        const person = await updatePerson(tx, staffActor(staff), req.params.psnNo, req.body);
        return { person, d: await disclosureFor(tx, staff) };
      });
      return { person: shownStatus(d, publicPerson(person, chinaDay(deps.now()))) };
    },
  );

  app.post(
    '/api/registry/persons/:psnNo/reveal',
    { config: { permission: 'registry.person.reveal' }, schema: { params: psnParams } },
    async (req) => deps.db.tx((tx) => revealPerson(tx, staffActor(staffOf(req)), req.params.psnNo)),
  );

  app.post(
    '/api/registry/persons/:psnNo/status',
    { config: { permission: 'registry.person.status' }, schema: { params: psnParams, body: statusBody } },
    async (req) =>
      deps.db.tx((tx) =>
        applyStatusChange(tx, staffActor(staffOf(req)), req.params.psnNo, req.body, chinaDay(deps.now())),
      ),
  );

  app.post(
    '/api/registry/persons/:psnNo/identities',
    { config: { permission: 'registry.person.status' }, schema: { params: psnParams, body: identityBody } },
    async (req, reply) => {
      const spell = await deps.db.tx((tx) =>
        addIdentitySpell(tx, staffActor(staffOf(req)), req.params.psnNo, req.body),
      );
      return reply.status(201).send({ identity: spell });
    },
  );

  app.post(
    '/api/registry/identities/:id/end',
    {
      config: { permission: 'registry.person.status' },
      schema: { params: z.object({ id: z.coerce.number().int().positive() }), body: endIdentityBody },
    },
    async (req) => ({
      identity: await deps.db.tx((tx) =>
        endIdentitySpell(tx, staffActor(staffOf(req)), req.params.id, req.body),
      ),
    }),
  );
};
