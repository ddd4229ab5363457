// /api/registry reference data: locations, enrollment progress and targets (identity types:
// identity-type-routes.ts; institutions and the catalogue: modules/institutions and modules/catalogue).
import { z } from 'zod';
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { staffActor } from '../accounts/index.ts';
import { enrollmentProgress, setTarget } from './progress-service.ts';
import { locations } from './locations.ts';
import { townshipCode, year } from './schemas.ts';

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
};
