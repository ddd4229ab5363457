// The self-service site's frame: a phone-width column, the person's name, and tabs at the bottom —
// no staff menu. A lost session goes back to the login page.
import { Button, Flex, Layout, Segmented, Typography } from 'antd';
import { useEffect } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import type { Me } from '../../../../src/modules/selfservice/contract.ts';
import { mApi, setLoggedOutHandler } from './m-api.ts';
import { useM } from './use-m.ts';

const TABS = [
  { value: '/m/coverage', label: '我的参保' },
  { value: '/m/benefits', label: '本年待遇' },
  { value: '/m/apply', label: '网上办事' },
  { value: '/m/matters', label: '我的办件' },
];

export function MFrame({ children }: { children: React.ReactNode }) {
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <div style={{ maxWidth: 480, width: '100%', margin: '0 auto', padding: 12 }}>
        <Typography.Title level={4} style={{ textAlign: 'center', margin: '8px 0 16px' }}>
          医保自助服务
        </Typography.Title>
        {children}
      </div>
    </Layout>
  );
}

export default function MLayout() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const me = useM<Me>('/api/m/me');
  useEffect(() => {
    setLoggedOutHandler(() => navigate('/m/login', { replace: true }));
    return () => setLoggedOutHandler(null);
  }, [navigate]);
  // a detail page selects no tab, so its section's tab leads back to the list
  const tab = TABS.find((t) => pathname === t.value)?.value ?? '';
  return (
    <MFrame>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text data-testid="person-name">{me.data ? `${me.data.name}，您好` : ' '}</Typography.Text>
        <Button
          size="small"
          onClick={async () => {
            await mApi.post('/api/m/auth/logout').catch(() => undefined);
            navigate('/m/login', { replace: true });
          }}
        >
          退出
        </Button>
      </Flex>
      <Segmented
        block
        options={TABS}
        value={tab}
        onChange={(v) => navigate(String(v))}
        style={{ marginBottom: 12 }}
      />
      <Outlet />
    </MFrame>
  );
}
