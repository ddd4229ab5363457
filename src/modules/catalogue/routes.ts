// /api/registry/catalogue: search and read (county staff), create and update (admin). The catalogue
// is maintained under the institutions' permissions (registry.institution.*: 定点机构与医保目录).
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { limitOffset } from '../../api/pagination.ts';
import { notFound } from '../../domain/shared/errors.ts';
import { staffActor } from '../accounts/index.ts';
import { type CatalogueBody, catalogueBody, catalogueQuery, idParams } from './contract.ts';
import { findCatalogueItem, listCatalogue } from './repo.ts';
import { createCatalogueItem, updateCatalogueItem } from './service.ts';

const catalogueValues = (b: CatalogueBody) => ({
  ...b,
  firstShareBp: b.firstShareBp ?? null,
  priceCapFen: b.priceCapFen ?? null,
  genderLimit: b.genderLimit ?? null,
  minAge: b.minAge ?? null,
  maxAge: b.maxAge ?? null,
  validTo: b.validTo ?? null,
});

export const catalogueRoutes: RoutesPlugin = (app, deps) => {
  app.get(
    '/api/registry/catalogue',
    { config: { permission: 'registry.institution.view' }, schema: { querystring: catalogueQuery } },
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
