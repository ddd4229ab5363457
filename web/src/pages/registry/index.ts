// The registry module's web pages: 医保区划 (persons and enrollments have their own folders).
import type { RouteObject } from 'react-router';
import { type NavItem, page } from '../../lib/page-folder.ts';

export const routes: RouteObject[] = [{ path: 'regions', element: page(() => import('./regions-page.tsx')) }];

export const nav: NavItem[] = [
  { path: '/regions', label: '医保区划', permission: 'registry.region.edit', order: 160 },
];
