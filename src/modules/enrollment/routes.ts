// The enrollment module's HTTP routes, under the /api/registry URLs they were published with:
// enrollments, a household's enrollment, progress and targets.
import type { RoutesPlugin } from '../../api/context.ts';
import { enrollmentRoutes } from './enrollment-routes.ts';
import { householdEnrollmentRoutes } from './household-enrollment-routes.ts';
import { progressRoutes } from './progress-routes.ts';

export const enrollmentModuleRoutes: RoutesPlugin = async (app, deps) => {
  await enrollmentRoutes(app, deps);
  await householdEnrollmentRoutes(app, deps);
  await progressRoutes(app, deps);
};
