import type { RouteObject } from 'react-router';
import { type NavItem, page } from '../../lib/page-folder.ts';

export const routes: RouteObject[] = [
  { path: 'catalogue', element: page(() => import('./catalogue-page.tsx')) },
];

export const nav: NavItem[] = [
  { path: '/catalogue', label: '医保目录', permission: 'registry.institution.view', order: 150 },
];
