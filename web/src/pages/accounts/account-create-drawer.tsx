// Admin: add a staff account. Leave the password empty to have one generated; either way the
// new owner must change it at the first login.
import { Alert, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import type { NewAccountBody } from '../../../../src/modules/accounts/contract.ts';
import { ROLE_NAMES, ROLES } from '../../../../src/domain/accounts/roles.ts';
import { FormDrawer, type FormDrawerState } from '../../components/form-drawer.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { passwordMessage, placeApiError } from './account-form.ts';

const FIELDS = ['username', 'displayName', 'password', 'roles', 'villageCode', 'fixmedinsCode'] as const;

type Values = {
  username: string;
  displayName: string;
  password?: string;
  roles: string[];
  villageCode?: string;
  fixmedinsCode?: string;
};

export function AccountCreateDrawer(
  props: FormDrawerState & {
    onClose: () => void;
    onCreated: (username: string, temporaryPassword: string | null) => void;
  },
) {
  return (
    <FormDrawer open={props.open} formKey={props.formKey} onClose={props.onClose} size={480} title="新增账号">
      <AccountCreateForm onCreated={props.onCreated} />
    </FormDrawer>
  );
}

function AccountCreateForm({ onCreated }: { onCreated: (username: string, pw: string | null) => void }) {
  const [form] = Form.useForm<Values>();
  const roles = Form.useWatch('roles', form) ?? [];
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const onFinish = async (v: Values) => {
    setSaving(true);
    setFormError(null);
    try {
      const body: NewAccountBody = {
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        password: v.password || null,
        roles: v.roles as NewAccountBody['roles'],
        villageCode: v.villageCode?.trim() || null,
        fixmedinsCode: v.fixmedinsCode?.trim() || null,
      };
      const r = await api.post<{ temporaryPassword: string | null }>('/api/accounts', body);
      onCreated(body.username, r.temporaryPassword);
    } catch (e) {
      const err = e instanceof ApiError ? e : { code: 'UNKNOWN', message: String(e) };
      const placed = placeApiError(err, FIELDS);
      form.setFields(
        Object.entries(placed.fields).map(([name, m]) => ({ name: name as keyof Values, errors: [m] })),
      );
      setFormError(placed.form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} name="account" layout="vertical" onFinish={onFinish} initialValues={{ roles: [] }}>
      {formError && (
        <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        label="工号"
        name="username"
        rules={[
          { required: true, pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: '工号须为3至32位字母、数字或 _ . -' },
        ]}
      >
        <Input maxLength={32} autoComplete="off" />
      </Form.Item>
      <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请输入姓名' }]}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item label="角色" name="roles" rules={[{ required: true, message: '请选择角色' }]}>
        <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }))} />
      </Form.Item>
      {roles.includes('agent') && (
        <Form.Item
          label="所属村（社区）代码"
          name="villageCode"
          rules={[{ required: true, message: '村级代办须指定所属村' }]}
        >
          <Input maxLength={32} />
        </Form.Item>
      )}
      {roles.includes('institution') && (
        <Form.Item
          label="所属定点机构编码"
          name="fixmedinsCode"
          extra="定点机构用户只能查看和答复本机构的疑点，不能兼任其他角色"
          rules={[{ required: true, message: '定点机构用户须指定所属机构' }]}
        >
          <Input maxLength={20} />
        </Form.Item>
      )}
      <Form.Item
        label="初始密码"
        name="password"
        extra="留空则自动生成；无论哪种，首次登录后须修改"
        rules={[
          (f) => ({
            validator: async (_, value: string | undefined) => {
              const msg = value ? passwordMessage(value, f.getFieldValue('username') ?? '') : null;
              if (msg) throw new Error(msg);
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        创建账号
      </Button>
    </Form>
  );
}
