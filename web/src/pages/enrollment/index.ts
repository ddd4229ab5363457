// The page keeps its URL /enrollments (bookmarks) while the folder takes the module's word.
import type { RouteObject } from 'react-router';
import { type NavItem, page } from '../../lib/page-folder.ts';

export const routes: RouteObject[] = [
  { path: 'enrollments', element: page(() => import('./enrollment-page.tsx')) },
];

export const nav: NavItem[] = [
  { path: '/enrollments', label: '参保登记', permission: 'registry.enrollment.edit', order: 40 },
];
