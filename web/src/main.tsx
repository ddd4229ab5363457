import { App as AntApp, ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale/index.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AppLayout } from './components/layout.tsx';
import { Loading } from './components/page-state.tsx';
import { homeFor } from './lib/nav.ts';
import { SessionProvider, useSession } from './lib/session.tsx';
import LoginPage from './pages/login.tsx';
import { routes } from './routes.tsx';
import { selfserviceRoutes } from './pages/selfservice/routes.tsx';

dayjs.locale('zh-cn');
// antd's package is CommonJS to TypeScript's NodeNext resolution but ESM to Vite: accept both shapes.
const zhCN: Locale =
  (zhCNModule as unknown as { default?: Locale }).default ?? (zhCNModule as unknown as Locale);

function Home() {
  const { staff } = useSession();
  return <Navigate to={staff ? homeFor(staff.permissions) : '/login'} replace />;
}

const NotFound = lazy(() => import('./pages/not-found.tsx'));
// the counter's rating tablet faces the citizen: outside the staff layout, no login
const TabletPage = lazy(() => import('./pages/rating/tablet-page.tsx'));

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/rate/:token', element: <TabletPage /> },
  // the insured person's self-service site: its own mobile layout and session, no staff menu
  ...selfserviceRoutes,
  {
    element: <AppLayout />,
    children: [{ index: true, element: <Home /> }, ...routes, { path: '*', element: <NotFound /> }],
  },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <SessionProvider>
          <Suspense fallback={<Loading />}>
            <RouterProvider router={router} />
          </Suspense>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
