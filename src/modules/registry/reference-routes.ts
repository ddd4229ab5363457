// /api/registry reference data: locations, enrollment progress and targets, institutions and the
// catalogue (identity types: identity-type-routes.ts).
import { z } from 'zod';
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { limitOffset, pageQuery } from '../../api/pagination.ts';
import { INSTITUTION_KINDS } from '../../domain/registry/reference-rules.ts';
import { notFound } from '../../domain/shared/errors.ts';
import { staffActor } from '../accounts/index.ts';
import {
  createCatalogueItem,
  findCatalogueItem,
  listCatalogue,
  updateCatalogueItem,
} from './catalogue-service.ts';
import {
  createInstitution,
  findInstitution,
  listInstitutions,
  QUALIFICATION_COLUMNS,
  type Qualification,
  updateInstitution,
} from './institution-service.ts';
import { enrollmentProgress, setTarget } from './progress-service.ts';
import { locations } from './locations.ts';
import { fen, isoDate, nameText, townshipCode, villageCode, year } from './schemas.ts';

const institutionBody = z.object({
  code: z.string().regex(/^[HP]\d{11}$/, '机构编码应为 H 或 P 加 11 位数字'),
  admdvs: z.string().regex(/^\d{6}$/),
  name: nameText(200, '机构名称'),
  kind: z.enum(INSTITUTION_KINDS),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullish(),
  villageCode: villageCode.nullish(),
  agreementFrom: isoDate,
  agreementTo: isoDate,
  qualSpecialOutpatient: z.boolean().default(false),
  qualOutpatientPooling: z.boolean().default(false),
  qualCrossProvince: z.boolean().default(false),
});
const catalogueBody = z.object({
  code: z.string().trim().min(1).max(50),
  name: nameText(200, '目录项目名称'),
  kind: z.enum(['drug', 'service', 'material']),
  chrgitmLv: z.enum(['01', '02', '03']),
  firstShareBp: z.number().int().min(0).max(10000).nullish(),
  priceCapFen: fen.min(1).nullish(),
  medChrgitmType: z
    .string()
    .regex(/^\d{2}$/)
    .default('14'),
  genderLimit: z.enum(['1', '2']).nullish(),
  minAge: z.number().int().min(0).max(150).nullish(),
  maxAge: z.number().int().min(0).max(150).nullish(),
  inpatientOnly: z.boolean().default(false),
  validFrom: isoDate,
  validTo: isoDate.nullish(),
});
type CatalogueBody = z.infer<typeof catalogueBody>;
const catalogueValues = (b: CatalogueBody) => ({
  ...b,
  firstShareBp: b.firstShareBp ?? null,
  priceCapFen: b.priceCapFen ?? null,
  genderLimit: b.genderLimit ?? null,
  minAge: b.minAge ?? null,
  maxAge: b.maxAge ?? null,
  validTo: b.validTo ?? null,
});
const idParams = z.object({ id: z.coerce.number().int().positive() });
const codeParams = z.object({ code: z.string().min(1).max(20) });

export const referenceRoutes: RoutesPlugin = (app, deps) => {
  app.get('/api/registry/locations', { config: { permission: 'registry.reference.view' } }, async (req) =>
    deps.db.tx((tx) => locations(tx, staffOf(req).admdvs)),
  );

  app.get(
    '/api/registry/progress',
    { config: { permission: 'registry.reference.view' }, schema: { querystring: z.object({ year }) } },
    async (req) => enrollmentProgress(deps.db, staffOf(req).admdvs, req.query.year),
  );

  app.put(
    '/api/registry/targets/:townshipCode/:year',
    {
      config: { permission: 'registry.reference.edit' },
      schema: {
        params: z.object({ townshipCode, year }),
        body: z.object({ target: z.number().int().min(0).max(10_000_000) }),
      },
    },
    async (req) =>
      deps.db.tx((tx) => setTarget(tx, staffActor(staffOf(req)), { ...req.params, target: req.body.target })),
  );

  app.get(
    '/api/registry/institutions',
    {
      config: { permission: 'registry.institution.view' },
      schema: {
        querystring: pageQuery.extend({
          q: z.string().trim().max(100).optional(),
          kind: z.enum(INSTITUTION_KINDS).optional(),
          level: z.coerce.number().int().min(1).max(3).optional(),
          qual: z.enum(Object.keys(QUALIFICATION_COLUMNS) as [Qualification, ...Qualification[]]).optional(),
          townshipCode: townshipCode.optional(),
        }),
      },
    },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      const { limit, offset } = limitOffset({ page, pageSize });
      return { ...(await deps.db.tx((tx) => listInstitutions(tx, filter, limit, offset))), page, pageSize };
    },
  );

  app.get(
    '/api/registry/institutions/:code',
    { config: { permission: 'registry.institution.view' }, schema: { params: codeParams } },
    async (req) => {
      const i = await findInstitution(deps.db, req.params.code);
      if (!i) throw notFound('INSTITUTION_NOT_FOUND', `机构 ${req.params.code} 不存在`);
      return { institution: i };
    },
  );

  app.post(
    '/api/registry/institutions',
    { config: { permission: 'registry.institution.edit' }, schema: { body: institutionBody } },
    async (req, reply) => {
      const v = { ...req.body, level: req.body.level ?? null, villageCode: req.body.villageCode ?? null };
      const institution = await deps.db.tx((tx) => createInstitution(tx, staffActor(staffOf(req)), v));
      return reply.status(201).send({ institution });
    },
  );

  app.put(
    '/api/registry/institutions/:code',
    {
      config: { permission: 'registry.institution.edit' },
      schema: { params: codeParams, body: institutionBody.omit({ code: true }) },
    },
    async (req) => {
      const v = {
        ...req.body,
        code: req.params.code,
        level: req.body.level ?? null,
        villageCode: req.body.villageCode ?? null,
      };
      return { institution: await deps.db.tx((tx) => updateInstitution(tx, staffActor(staffOf(req)), v)) };
    },
  );

  app.get(
    '/api/registry/catalogue',
    {
      config: { permission: 'registry.institution.view' },
      schema: {
        querystring: pageQuery.extend({
          q: z.string().trim().max(100).optional(),
          kind: z.enum(['drug', 'service', 'material']).optional(),
          chrgitmLv: z.enum(['01', '02', '03']).optional(),
        }),
      },
    },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      const { limit, offset } = limitOffset({ page, pageSize });
      return { ...(await deps.db.tx((tx) => listCatalogue(tx, filter, limit, offset))), page, pageSize };
    },
  );

  app.get(
    '/api/registry/catalogue/:id',
    { config: { permission: 'registry.institution.view' }, schema: { params: idParams } },
    async (req) => {
      const item = await findCatalogueItem(deps.db, req.params.id);
      if (!item) throw notFound('CATALOGUE_NOT_FOUND', `目录项目 ${req.params.id} 不存在`);
      return { item };
    },
  );

  app.post(
    '/api/registry/catalogue',
    { config: { permission: 'registry.institution.edit' }, schema: { body: catalogueBody } },
    async (req, reply) => {
      const item = await deps.db.tx((tx) =>
        createCatalogueItem(tx, staffActor(staffOf(req)), catalogueValues(req.body)),
      );
      return reply.status(201).send({ item });
    },
  );

  app.put(
    '/api/registry/catalogue/:id',
    {
      config: { permission: 'registry.institution.edit' },
      schema: { params: idParams, body: catalogueBody },
    },
    async (req) => ({
      item: await deps.db.tx((tx) =>
        updateCatalogueItem(tx, staffActor(staffOf(req)), req.params.id, catalogueValues(req.body)),
      ),
    }),
  );
};
