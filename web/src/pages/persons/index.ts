import type { RouteObject } from 'react-router';
import { type NavItem, page } from '../../lib/page-folder.ts';

export const routes: RouteObject[] = [
  { path: 'persons', element: page(() => import('./person-search-page.tsx')) },
  { path: 'persons/:psnNo', element: page(() => import('./person-page.tsx')) },
  { path: 'households/:id', element: page(() => import('./household-page.tsx')) },
];

export const nav: NavItem[] = [
  { path: '/persons', label: '人员查询', permission: 'registry.person.view', order: 30 },
];

/** A household's file lights 人员查询 and opens with its permission. */
export const sections: Record<string, string> = { '/households': '/persons' };

export const detailTitles: Record<string, string> = {
  '/persons': '人员档案',
  '/households': '家庭户档案',
};
