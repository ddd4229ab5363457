// The person's login: ID number and name, then the six-digit code sent to the phone on file. In the
// demo county the SMS sink's message is shown here, marked 演示 (never on a real server).
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { CodeSent } from '../../../../src/modules/selfservice/contract.ts';
import { MFrame } from './m-layout.tsx';
import { errorText, mApi } from './m-api.ts';

interface Who {
  certno: string;
  name: string;
}

export default function MLoginPage() {
  const navigate = useNavigate();
  const [who, setWho] = useState<Who | null>(null);
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (w: Who) => {
    setBusy(true);
    setError(null);
    try {
      setSent(await mApi.post<CodeSent>('/api/m/auth/code', w));
      setWho(w);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const verify = async ({ code }: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      await mApi.post('/api/m/auth/verify', { ...who, code });
      navigate('/m/coverage', { replace: true });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <MFrame>
      <Card title="参保人登录">
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form layout="vertical" onFinish={send} disabled={busy || sent !== null}>
          <Form.Item name="certno" label="身份证号" rules={[{ required: true, message: '请输入身份证号' }]}>
            <Input maxLength={18} autoComplete="off" inputMode="text" />
          </Form.Item>
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
          {!sent && (
            <Button type="primary" htmlType="submit" block loading={busy}>
              获取验证码
            </Button>
          )}
        </Form>
        {sent && (
          <>
            <Typography.Paragraph>
              验证码已发送至 {sent.phone}，{sent.expiresInSeconds / 60} 分钟内有效。
            </Typography.Paragraph>
            {sent.demo && (
              <Alert
                data-testid="demo-sms"
                type="warning"
                showIcon
                message="演示"
                description={`演示环境未接短信通道，短信内容：${sent.demo.text}`}
                style={{ marginBottom: 12 }}
              />
            )}
            <Form layout="vertical" onFinish={verify} disabled={busy}>
              <Form.Item
                name="code"
                label="验证码"
                rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入 6 位验证码' }]}
              >
                <Input maxLength={6} inputMode="numeric" autoComplete="one-time-code" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy}>
                登录
              </Button>
              <Button type="link" block onClick={() => who && send(who)}>
                重新获取验证码
              </Button>
            </Form>
          </>
        )}
      </Card>
    </MFrame>
  );
}
