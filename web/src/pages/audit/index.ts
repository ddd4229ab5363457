import type { RouteObject } from 'react-router';
import { type NavItem, page } from '../../lib/page-folder.ts';

export const routes: RouteObject[] = [{ path: 'audit', element: page(() => import('./audit-page.tsx')) }];

export const nav: NavItem[] = [{ path: '/audit', label: '审计日志', permission: 'audit.view', order: 210 }];
