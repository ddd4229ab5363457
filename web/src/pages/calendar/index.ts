import type { RouteObject } from 'react-router';
import { type NavItem, page } from '../../lib/page-folder.ts';

export const routes: RouteObject[] = [
  { path: 'calendar', element: page(() => import('./calendar-page.tsx')) },
];

export const nav: NavItem[] = [
  { path: '/calendar', label: '工作日历', permission: 'calendar.view', order: 200 },
];
