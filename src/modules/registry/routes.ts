// The registry's HTTP routes (see /api/registry in the API plan): reference data — regions and the
// county's places. Persons, enrollment, institutions and the catalogue serve their /api/registry
// URLs from their own modules.
import type { RoutesPlugin } from '../../api/context.ts';
import { referenceRoutes } from './reference-routes.ts';
import { regionRoutes } from './region-routes.ts';

export const registryRoutes: RoutesPlugin = async (app, deps) => {
  await referenceRoutes(app, deps);
  await regionRoutes(app, deps);
};
