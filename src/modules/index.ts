// Every module's routes, registered by the server assembly. Add a module with one line here.
import type { RoutesPlugin } from '../api/context.ts';
import { accountRoutes } from './accounts/routes.ts';
import { importRoutes } from './import/routes.ts';

export const modules: RoutesPlugin[] = [accountRoutes, importRoutes];
