import type { RouteObject } from 'react-router';
import { type NavItem, page } from '../../lib/page-folder.ts';

export const routes: RouteObject[] = [
  { path: 'collection', element: page(() => import('./collection-page.tsx')) },
  { path: 'unpaid', element: page(() => import('./unpaid-page.tsx')) },
];

export const nav: NavItem[] = [
  { path: '/collection', label: '征缴进度', permission: 'collection.view', order: 20 },
  { path: '/unpaid', label: '未参保名单', permission: 'collection.unpaid', order: 50 },
];
