import type { RouteObject } from 'react-router';
import { type NavItem, page } from '../../lib/page-folder.ts';

export const routes: RouteObject[] = [
  { path: 'supervision', element: page(() => import('./supervision-page.tsx')) },
  { path: 'suspects', element: page(() => import('./suspects-page.tsx')) },
  { path: 'sampling', element: page(() => import('./sampling-page.tsx')) },
  { path: 'oversight', element: page(() => import('./institutions-page.tsx')) },
];

export const nav: NavItem[] = [
  { path: '/supervision', label: '基金监管', permission: 'supervision.read', order: 220 },
  { path: '/suspects', label: '疑点处理', permission: 'supervision.suspect.view', order: 230 },
  { path: '/sampling', label: '病历抽查', permission: 'supervision.sample', order: 240 },
  { path: '/oversight', label: '机构监管画像', permission: 'supervision.suspect.view', order: 250 },
];
