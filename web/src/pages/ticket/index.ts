import type { RouteObject } from 'react-router';
import { type NavItem, page } from '../../lib/page-folder.ts';

export const routes: RouteObject[] = [
  { path: 'ticket', element: page(() => import('./ticket-list-page.tsx')) },
  { path: 'ticket/kpi', element: page(() => import('./kpi-page.tsx')) },
  { path: 'ticket/import', element: page(() => import('./import-page.tsx')) },
  { path: 'ticket/:id', element: page(() => import('./ticket-page.tsx')) },
];

export const nav: NavItem[] = [
  { path: '/ticket', label: '12345 工单', permission: 'ticket.view', order: 120 },
];
