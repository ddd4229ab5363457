// The persons module's HTTP routes, under the /api/registry URLs they were published with: persons
// with their identities and status, households, identity types.
import type { RoutesPlugin } from '../../api/context.ts';
import { householdRoutes } from './household-routes.ts';
import { identityTypeRoutes } from './identity-type-routes.ts';
import { personRoutes } from './person-routes.ts';

export const personModuleRoutes: RoutesPlugin = async (app, deps) => {
  await personRoutes(app, deps);
  await householdRoutes(app, deps);
  await identityTypeRoutes(app, deps);
};
