// The registry's HTTP routes (see /api/registry in the API plan): persons and identities,
// households, enrollments, and reference data (places, progress, institutions, catalogue).
import type { RoutesPlugin } from '../../api/context.ts';
import { enrollmentRoutes } from './enrollment-routes.ts';
import { householdRoutes } from './household-routes.ts';
import { identityTypeRoutes } from './identity-type-routes.ts';
import { personRoutes } from './person-routes.ts';
import { referenceRoutes } from './reference-routes.ts';
import { regionRoutes } from './region-routes.ts';

export const registryRoutes: RoutesPlugin = async (app, deps) => {
  await personRoutes(app, deps);
  await householdRoutes(app, deps);
  await enrollmentRoutes(app, deps);
  await referenceRoutes(app, deps);
  await identityTypeRoutes(app, deps);
  await regionRoutes(app, deps);
};
