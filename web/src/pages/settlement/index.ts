// The pages keep their URLs /settlements (bookmarks) while the folder takes the module's word.
import type { RouteObject } from 'react-router';
import { type NavItem, page } from '../../lib/page-folder.ts';

export const routes: RouteObject[] = [
  { path: 'settlements', element: page(() => import('./settlement-search-page.tsx')) },
  { path: 'settlements/:setlId', element: page(() => import('./settlement-page.tsx')) },
  { path: 'filings', element: page(() => import('./filings-page.tsx')) },
];

export const nav: NavItem[] = [
  { path: '/settlements', label: '结算查询', permission: 'settlement.search', order: 130 },
  { path: '/filings', label: '异地备案与门慢资格', permission: 'settlement.search', order: 131 },
];

export const detailTitles: Record<string, string> = { '/settlements': '结算单' };
