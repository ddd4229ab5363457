// /api/registry/progress and /api/registry/targets: 参保进度 per township and the county, and the
// admin's 应参保人数 (the permission codes are the registry's reference ones they were published with).
import { z } from 'zod';
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { townshipCode, year } from '../../domain/registry/input-schemas.ts';
import { staffActor } from '../accounts/index.ts';
import { enrollmentProgress, setTarget } from './progress-service.ts';

export const progressRoutes: RoutesPlugin = (app, deps) => {
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
