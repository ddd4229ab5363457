// /api/registry/institutions: search and read (county staff), create and update (admin).
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { limitOffset } from '../../api/pagination.ts';
import { notFound } from '../../domain/shared/errors.ts';
import { staffActor } from '../accounts/index.ts';
import { codeParams, institutionBody, institutionQuery } from './contract.ts';
import { findInstitution, listInstitutions } from './repo.ts';
import { createInstitution, updateInstitution } from './service.ts';

export const institutionRoutes: RoutesPlugin = (app, deps) => {
  app.get(
    '/api/registry/institutions',
    { config: { permission: 'registry.institution.view' }, schema: { querystring: institutionQuery } },
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
};
