import type { RouteObject } from 'react-router';
import { type NavItem, page } from '../../lib/page-folder.ts';

export const routes: RouteObject[] = [
  { path: 'institutions', element: page(() => import('./institutions-page.tsx')) },
];

export const nav: NavItem[] = [
  { path: '/institutions', label: '定点机构', permission: 'registry.institution.view', order: 140 },
];
