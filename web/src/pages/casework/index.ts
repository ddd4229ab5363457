import type { RouteObject } from 'react-router';
import { type NavItem, page } from '../../lib/page-folder.ts';

export const routes: RouteObject[] = [
  { path: 'casework', element: page(() => import('./cases-page.tsx')) },
  { path: 'casework/ledger', element: page(() => import('./ledger-page.tsx')) },
  { path: 'casework/summary', element: page(() => import('./summary-page.tsx')) },
  { path: 'casework/:id', element: page(() => import('./case-page.tsx')) },
];

// the sub-pages before their section, like /matter's
export const nav: NavItem[] = [
  { path: '/casework/ledger', label: '资金台账', permission: 'casework.read', order: 260 },
  { path: '/casework/summary', label: '监管汇总', permission: 'casework.read', order: 270 },
  { path: '/casework', label: '违规案件', permission: 'casework.read', order: 280 },
];
