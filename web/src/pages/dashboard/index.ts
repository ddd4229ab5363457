// The only folder that draws charts with echarts: its page is a lazy chunk like every other.
import type { RouteObject } from 'react-router';
import { type NavItem, page } from '../../lib/page-folder.ts';

export const routes: RouteObject[] = [
  { path: 'dashboard', element: page(() => import('./dashboard-page.tsx')) },
];

export const nav: NavItem[] = [
  { path: '/dashboard', label: '首页', permission: 'dashboard.view', order: 10 },
];
