import type { RouteObject } from 'react-router';
import { type NavItem, page } from '../../lib/page-folder.ts';

export const routes: RouteObject[] = [
  { path: 'matter', element: page(() => import('./search-page.tsx')) },
  { path: 'matter/counter', element: page(() => import('./counter-page.tsx')) },
  { path: 'matter/todo', element: page(() => import('./todo-page.tsx')) },
  { path: 'matter/guide', element: page(() => import('./guide-page.tsx')) },
  { path: 'matter/stats', element: page(() => import('./stats-page.tsx')) },
  { path: 'matter/:id', element: page(() => import('./matter-page.tsx')) },
];

export const nav: NavItem[] = [
  { path: '/matter/counter', label: '综合受理', permission: 'matter.accept', order: 60 },
  { path: '/matter/todo', label: '我的待办', permission: 'matter.view', order: 70 },
  { path: '/matter/guide', label: '办事指南', permission: 'matter.view', order: 80 },
  { path: '/matter/stats', label: '事项统计', permission: 'matter.stats', order: 90 },
  // after its sub-pages: the menu highlights the first entry whose path begins the location
  { path: '/matter', label: '事项查询', permission: 'matter.view', order: 100 },
];
