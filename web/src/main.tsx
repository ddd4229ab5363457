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
import { outerRoutes, routes } from './routes.ts';

dayjs.locale('zh-cn');
// antd's package is CommonJS to TypeScript's NodeNext resolution but ESM to Vite: accept both shapes.
const zhCN: Locale =
  (zhCNModule as unknown as { default?: Locale }).default ?? (zhCNModule as unknown as Locale);

function Home() {
  const { staff } = useSession();
  return <Navigate to={staff ? homeFor(staff.permissions) : '/login'} replace />;
}

const NotFound = lazy(() => import('./pages/not-found.tsx'));

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // the counter's rating tablet, the insured person's self-service site: no staff layout or menu
  ...outerRoutes,
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
