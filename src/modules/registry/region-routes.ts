// /api/registry/regions: every region (the province's from the reference file, any other an admin
// entered), and the admin's add and edit. Formats are checked by the domain rule, so a bad code
// gets its coded Chinese message rather than a schema error.
import { z } from 'zod';
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { limitOffset, pageQuery } from '../../api/pagination.ts';
import { REGION_LEVELS } from '../../domain/registry/region-rules.ts';
import { notFound } from '../../domain/shared/errors.ts';
import { staffActor } from '../accounts/index.ts';
import { findRegion, listRegions } from './region-repo.ts';
import { createRegion, editRegion } from './region-service.ts';

const text = z.string().max(200);
const regionBody = z.object({ admdvs: text, name: text, parent: text.nullish() });
const admdvsParams = z.object({ admdvs: z.string().max(20) });

export const regionRoutes: RoutesPlugin = (app, deps) => {
  app.get(
    '/api/registry/regions',
    {
      config: { permission: 'registry.reference.view' },
      schema: {
        querystring: pageQuery.extend({
          q: z.string().trim().max(50).optional(),
          level: z.enum(REGION_LEVELS).optional(),
          parent: z
            .string()
            .regex(/^\d{6}$/)
            .optional(),
        }),
      },
    },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      const { limit, offset } = limitOffset({ page, pageSize });
      return { ...(await deps.db.tx((tx) => listRegions(tx, filter, limit, offset))), page, pageSize };
    },
  );

  app.get(
    '/api/registry/regions/:admdvs',
    { config: { permission: 'registry.reference.view' }, schema: { params: admdvsParams } },
    async (req) => {
      const r = await findRegion(deps.db, req.params.admdvs);
      if (!r) throw notFound('REGION_NOT_FOUND', `医保区划 ${req.params.admdvs} 不存在`);
      return r;
    },
  );

  app.post(
    '/api/registry/regions',
    { config: { permission: 'registry.region.edit' }, schema: { body: regionBody } },
    async (req, reply) => {
      const b = req.body;
      const r = await deps.db.tx((tx) =>
        createRegion(tx, staffActor(staffOf(req)), { ...b, parent: b.parent ?? null }, deps.now()),
      );
      return reply.code(201).send(r);
    },
  );

  app.put(
    '/api/registry/regions/:admdvs',
    {
      config: { permission: 'registry.region.edit' },
      schema: { params: admdvsParams, body: regionBody.omit({ admdvs: true }) },
    },
    async (req) =>
      deps.db.tx((tx) =>
        editRegion(
          tx,
          staffActor(staffOf(req)),
          { admdvs: req.params.admdvs, name: req.body.name, parent: req.body.parent ?? null },
          deps.now(),
        ),
      ),
  );
};
