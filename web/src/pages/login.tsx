// Login. The chart library and the pages are not loaded here (they are lazy chunks).
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api } from '../lib/api.ts';
import { homeFor, pageTitle, safeNext } from '../lib/nav.ts';
import { type Staff, useSession } from '../lib/session.tsx';

export default function LoginPage() {
  const { staff, setStaff, expired } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  useEffect(() => {
    document.title = pageTitle('/login');
  }, []);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (staff) return <Navigate to={next ?? homeFor(staff.permissions)} replace />;

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ staff: Staff }>('/api/auth/login', v);
      setStaff(r.staff);
      navigate(next ?? homeFor(r.staff.permissions), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          医保经办工作台
        </Typography.Title>
        {expired && (
          <Alert type="warning" showIcon title="登录已过期，请重新登录" style={{ marginBottom: 16 }} />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="工号" name="username" rules={[{ required: true, message: '请输入工号' }]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
