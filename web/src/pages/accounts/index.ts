// 用户与权限管理, and every staff member's own password page (in the header, not the menu).
import type { RouteObject } from 'react-router';
import { type NavItem, page } from '../../lib/page-folder.ts';

export const routes: RouteObject[] = [
  { path: 'accounts', element: page(() => import('./accounts-page.tsx')) },
  { path: 'password', element: page(() => import('./password-page.tsx')) },
  { path: 'permissions', element: page(() => import('./permissions-page.tsx')) },
];

export const nav: NavItem[] = [
  { path: '/accounts', label: '用户管理', permission: 'accounts.manage', order: 180 },
  { path: '/permissions', label: '权限管理', permission: 'accounts.permissions', order: 190 },
];
