// The workbench's pages, each a lazy chunk so the login page loads without them (and without
// the chart library, which only the dashboard imports).
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const page = (load: () => Promise<{ default: React.ComponentType }>) => {
  const C = lazy(load);
  return <C />;
};

export const routes: RouteObject[] = [
  { path: 'dashboard', element: page(() => import('./pages/dashboard/dashboard-page.tsx')) },
  { path: 'persons', element: page(() => import('./pages/persons/person-search-page.tsx')) },
  { path: 'persons/:psnNo', element: page(() => import('./pages/persons/person-page.tsx')) },
  { path: 'households/:id', element: page(() => import('./pages/persons/household-page.tsx')) },
  { path: 'enrollments', element: page(() => import('./pages/enrollment/enrollment-page.tsx')) },
  { path: 'settlements', element: page(() => import('./pages/settlement/settlement-search-page.tsx')) },
  { path: 'settlements/:setlId', element: page(() => import('./pages/settlement/settlement-page.tsx')) },
  { path: 'institutions', element: page(() => import('./pages/institutions/institutions-page.tsx')) },
  { path: 'catalogue', element: page(() => import('./pages/catalogue/catalogue-page.tsx')) },
  { path: 'regions', element: page(() => import('./pages/registry/regions-page.tsx')) },
  { path: 'import', element: page(() => import('./pages/import/import-page.tsx')) },
  { path: 'accounts', element: page(() => import('./pages/accounts/accounts-page.tsx')) },
  { path: 'password', element: page(() => import('./pages/accounts/password-page.tsx')) },
  { path: 'permissions', element: page(() => import('./pages/accounts/permissions-page.tsx')) },
  { path: 'calendar', element: page(() => import('./pages/calendar/calendar-page.tsx')) },
  { path: 'collection', element: page(() => import('./pages/collection/collection-page.tsx')) },
  { path: 'unpaid', element: page(() => import('./pages/collection/unpaid-page.tsx')) },
  { path: 'matter', element: page(() => import('./pages/matter/search-page.tsx')) },
  { path: 'matter/counter', element: page(() => import('./pages/matter/counter-page.tsx')) },
  { path: 'matter/todo', element: page(() => import('./pages/matter/todo-page.tsx')) },
  { path: 'matter/guide', element: page(() => import('./pages/matter/guide-page.tsx')) },
  { path: 'matter/stats', element: page(() => import('./pages/matter/stats-page.tsx')) },
  { path: 'matter/:id', element: page(() => import('./pages/matter/matter-page.tsx')) },
  { path: 'ticket', element: page(() => import('./pages/ticket/ticket-list-page.tsx')) },
  { path: 'ticket/kpi', element: page(() => import('./pages/ticket/kpi-page.tsx')) },
  { path: 'ticket/import', element: page(() => import('./pages/ticket/import-page.tsx')) },
  { path: 'ticket/:id', element: page(() => import('./pages/ticket/ticket-page.tsx')) },
  { path: 'rating', element: page(() => import('./pages/rating/rating-page.tsx')) },
  { path: 'audit', element: page(() => import('./pages/audit/audit-page.tsx')) },
  { path: 'supervision', element: page(() => import('./pages/supervision/supervision-page.tsx')) },
  { path: 'suspects', element: page(() => import('./pages/supervision/suspects-page.tsx')) },
  { path: 'sampling', element: page(() => import('./pages/supervision/sampling-page.tsx')) },
  { path: 'oversight', element: page(() => import('./pages/supervision/institutions-page.tsx')) },
  { path: 'casework', element: page(() => import('./pages/casework/cases-page.tsx')) },
  { path: 'casework/ledger', element: page(() => import('./pages/casework/ledger-page.tsx')) },
  { path: 'casework/summary', element: page(() => import('./pages/casework/summary-page.tsx')) },
  { path: 'casework/:id', element: page(() => import('./pages/casework/case-page.tsx')) },
  { path: 'medstaff', element: page(() => import('./pages/medstaff/staff-page.tsx')) },
  { path: 'medstaff/:id', element: page(() => import('./pages/medstaff/staff-detail-page.tsx')) },
];
