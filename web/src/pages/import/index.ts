import type { RouteObject } from 'react-router';
import { type NavItem, page } from '../../lib/page-folder.ts';

export const routes: RouteObject[] = [{ path: 'import', element: page(() => import('./import-page.tsx')) }];

export const nav: NavItem[] = [{ path: '/import', label: '台账导入', permission: 'import.run', order: 170 }];
