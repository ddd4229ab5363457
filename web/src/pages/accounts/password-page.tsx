// 修改密码 (/password): everyone changes their own password here; after an admin's reset the
// workbench sends the person here and nowhere else until it is done.
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../../lib/api.ts';
import { homeFor } from '../../lib/nav.ts';
import { type Staff, useSession, useStaff } from '../../lib/session.tsx';
import { type ChangePasswordValues, placeApiError, validateChange } from './account-form.ts';

const FIELDS = ['oldPassword', 'newPassword', 'confirm'] as const;

export default function PasswordPage() {
  const staff = useStaff();
  const { setStaff } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ChangePasswordValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const rule = (field: (typeof FIELDS)[number]) => ({
    validator: async () => {
      const msg = validateChange(form.getFieldsValue(true) as ChangePasswordValues, staff.username)[field];
      if (msg) throw new Error(msg);
    },
  });

  const onFinish = async (v: ChangePasswordValues) => {
    setSaving(true);
    setFormError(null);
    try {
      const r = await api.post<{ staff: Staff }>('/api/accounts/me/password', {
        oldPassword: v.oldPassword,
        newPassword: v.newPassword,
      });
      message.success('密码已修改');
      setStaff(r.staff);
      navigate(homeFor(r.staff.permissions), { replace: true });
    } catch (e) {
      const err = e instanceof ApiError ? e : { code: 'UNKNOWN', message: String(e) };
      const placed = placeApiError(err, FIELDS);
      form.setFields(
        Object.entries(placed.fields).map(([name, m]) => ({
          name: name as keyof ChangePasswordValues,
          errors: [m],
        })),
      );
      setFormError(placed.form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="修改密码" style={{ maxWidth: 480 }}>
      {staff.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          title="您的密码已由管理员设置或重置，请先修改密码再使用工作台"
          style={{ marginBottom: 16 }}
        />
      )}
      {formError && (
        <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 16 }} />
      )}
      <Form form={form} name="password" layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item label="原密码" name="oldPassword" rules={[rule('oldPassword')]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          rules={[rule('newPassword')]}
          extra="至少10位，包含小写字母、大写字母、数字、符号中的3种，不得包含工号，不得使用常见密码"
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="确认新密码" name="confirm" dependencies={['newPassword']} rules={[rule('confirm')]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          修改密码
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        修改后，您在其他设备上的登录将失效。
      </Typography.Paragraph>
    </Card>
  );
}
