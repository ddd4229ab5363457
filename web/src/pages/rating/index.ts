import type { RouteObject } from 'react-router';
import { type NavItem, page } from '../../lib/page-folder.ts';

export const routes: RouteObject[] = [{ path: 'rating', element: page(() => import('./rating-page.tsx')) }];

// the counter's rating tablet faces the citizen: outside the staff layout, no login
export const outerRoutes: RouteObject[] = [
  { path: '/rate/:token', element: page(() => import('./tablet-page.tsx')) },
];

export const nav: NavItem[] = [{ path: '/rating', label: '好差评', permission: 'rating.view', order: 110 }];
