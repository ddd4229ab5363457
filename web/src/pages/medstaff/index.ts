import type { RouteObject } from 'react-router';
import { type NavItem, page } from '../../lib/page-folder.ts';

export const routes: RouteObject[] = [
  { path: 'medstaff', element: page(() => import('./staff-page.tsx')) },
  { path: 'medstaff/:id', element: page(() => import('./staff-detail-page.tsx')) },
];

export const nav: NavItem[] = [
  { path: '/medstaff', label: '医保医师', permission: 'medstaff.read', order: 290 },
];
