// The self-service site under /m/: its own mobile layout, outside the staff workbench and its menu.
import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';

const MLayout = lazy(() => import('./m-layout.tsx'));
const MLoginPage = lazy(() => import('./login-page.tsx'));
const CoveragePage = lazy(() => import('./coverage-page.tsx'));
const BenefitsPage = lazy(() => import('./benefits-page.tsx'));
const ApplyListPage = lazy(() => import('./apply-page.tsx').then((m) => ({ default: m.ApplyListPage })));
const ApplyFormPage = lazy(() => import('./apply-page.tsx').then((m) => ({ default: m.ApplyFormPage })));
const MattersPage = lazy(() => import('./matters-page.tsx').then((m) => ({ default: m.MattersPage })));
const MatterDetailPage = lazy(() =>
  import('./matters-page.tsx').then((m) => ({ default: m.MatterDetailPage })),
);

export const selfserviceRoutes: RouteObject[] = [
  { path: '/m/login', element: <MLoginPage /> },
  {
    path: '/m',
    element: <MLayout />,
    children: [
      { index: true, element: <Navigate to="/m/coverage" replace /> },
      { path: 'coverage', element: <CoveragePage /> },
      { path: 'benefits', element: <BenefitsPage /> },
      { path: 'apply', element: <ApplyListPage /> },
      { path: 'apply/:code', element: <ApplyFormPage /> },
      { path: 'matters', element: <MattersPage /> },
      { path: 'matters/:id', element: <MatterDetailPage /> },
    ],
  },
];
