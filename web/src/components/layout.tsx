// The authenticated frame: side menu filtered by role, header with the staff name and logout.
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Suspense, useEffect } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_NAMES } from '../../../src/domain/accounts/roles.ts';
import { mayOpen, navFor, PASSWORD_PATH, pageTitle, sectionOf } from '../lib/nav.ts';
import { NoAccess } from './no-access.tsx';
import { useSession } from '../lib/session.tsx';
import { Loading } from './page-state.tsx';
import { Reminders } from './reminders.tsx';

export function AppLayout() {
  const { staff, loading, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    document.title = pageTitle(location.pathname);
  }, [location.pathname]);
  if (loading) return <Loading tip="正在确认登录状态…" />;
  if (!staff) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  // after an admin's reset, nothing but the password change until it is done
  if (staff.mustChangePassword && location.pathname !== PASSWORD_PATH) {
    return <Navigate to={PASSWORD_PATH} replace />;
  }
  const items = navFor(staff.permissions);
  // a detail page lights its section (a household file: 人员查询)
  const selected = sectionOf(location.pathname) ?? undefined;
  const allowed = mayOpen(location.pathname, staff.permissions);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0}>
        <div style={{ padding: '16px 20px', fontWeight: 700, fontSize: 16 }}>医保经办工作台</div>
        <Menu
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={items.map((i) => ({ key: i.path, label: i.label }))}
          onClick={(e) => navigate(e.key)}
          aria-label="主菜单"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end', paddingInline: 24 }}
        >
          <Space>
            {staff.permissions.includes('matter.view') && <Reminders staffId={staff.id} />}
            <Typography.Text data-testid="staff-name">{staff.displayName}</Typography.Text>
            {staff.roles.map((r) => (
              <Tag key={r}>{ROLE_NAMES[r] ?? r}</Tag>
            ))}
            <Button type="text" onClick={() => navigate(PASSWORD_PATH)}>
              修改密码
            </Button>
            <Button
              onClick={async () => {
                await logout();
                navigate('/login', { replace: true });
              }}
            >
              退出登录
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 16 }}>
          {allowed ? (
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          ) : (
            <NoAccess />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
