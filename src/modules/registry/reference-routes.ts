// /api/registry/locations: the county's places for pickers (regions: region-routes.ts; identity types:
// modules/persons; progress and targets: modules/enrollment; institutions and the catalogue: their
// own modules).
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { locations } from './locations.ts';

export const referenceRoutes: RoutesPlugin = (app, deps) => {
  app.get('/api/registry/locations', { config: { permission: 'registry.reference.view' } }, async (req) =>
    deps.db.tx((tx) => locations(tx, staffOf(req).admdvs)),
  );
};
