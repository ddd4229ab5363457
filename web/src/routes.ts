// The workbench's pages, as the page folders declare them: each a lazy chunk, so the login page
// loads without them (and without the chart library, which only the dashboard imports).
import type { RouteObject } from 'react-router';
import { pageFolders } from './pages/index.ts';

/** Pages inside the staff layout, under its menu. */
export const routes: RouteObject[] = pageFolders.flatMap((f) => f.routes ?? []);

/** Pages with their own layout or none: the counter's rating tablet, the self-service site. */
export const outerRoutes: RouteObject[] = pageFolders.flatMap((f) => f.outerRoutes ?? []);
