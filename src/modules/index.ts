// Every module's routes, registered by the server assembly. Add a module with one line here.
import type { RoutesPlugin } from '../api/context.ts';
import { accountRoutes } from './accounts/routes.ts';
import { calendarRoutes } from './calendar/index.ts';
import { collectionRoutes } from './collection/index.ts';
import { dashboardRoutes } from './dashboard/routes.ts';
import { hisRoutes } from './his/routes.ts';
import { importRoutes } from './import/routes.ts';
import { policyRoutes } from './policy/routes.ts';
import { registryRoutes } from './registry/routes.ts';
import { settlementRoutes } from './settlement/routes.ts';

export const modules: RoutesPlugin[] = [
  accountRoutes,
  importRoutes,
  policyRoutes,
  settlementRoutes,
  hisRoutes,
  registryRoutes,
  dashboardRoutes,
  calendarRoutes,
  collectionRoutes,
];
