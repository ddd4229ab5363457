// The self-service site under /m/: its own mobile layout and session, outside the staff workbench
// and its menu.
import { createElement, lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { page } from '../../lib/page-folder.ts';

const ApplyListPage = lazy(() => import('./apply-page.tsx').then((m) => ({ default: m.ApplyListPage })));
const ApplyFormPage = lazy(() => import('./apply-page.tsx').then((m) => ({ default: m.ApplyFormPage })));
const MattersPage = lazy(() => import('./matters-page.tsx').then((m) => ({ default: m.MattersPage })));
const MatterDetailPage = lazy(() =>
  import('./matters-page.tsx').then((m) => ({ default: m.MatterDetailPage })),
);

export const outerRoutes: RouteObject[] = [
  { path: '/m/login', element: page(() => import('./login-page.tsx')) },
  {
    path: '/m',
    element: page(() => import('./m-layout.tsx')),
    children: [
      { index: true, element: createElement(Navigate, { to: '/m/coverage', replace: true }) },
      { path: 'coverage', element: page(() => import('./coverage-page.tsx')) },
      { path: 'benefits', element: page(() => import('./benefits-page.tsx')) },
      { path: 'apply', element: createElement(ApplyListPage) },
      { path: 'apply/:code', element: createElement(ApplyFormPage) },
      { path: 'matters', element: createElement(MattersPage) },
      { path: 'matters/:id', element: createElement(MatterDetailPage) },
    ],
  },
];
