// 用户管理 (/accounts, admin): the staff accounts with their state; add one, reset a password
// (given or generated, shown once), disable or re-enable, end all sessions.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useState } from 'react';
import { ROLE_NAMES } from '../../../../src/domain/accounts/roles.ts';
import type { AccountListItem } from '../../../../src/modules/accounts/contract.ts';
import { PagedTable } from '../../components/paged-table.tsx';
import { ApiError, api, type Page } from '../../lib/api.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { passwordMessage } from './account-form.ts';
import { AccountCreateDrawer } from './account-create-drawer.tsx';

export default function AccountsPage() {
  const me = useStaff();
  const { message, modal } = App.useApp();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useApi<Page<AccountListItem>>('/api/accounts', paging);
  const [drawer, setDrawer] = useState({ open: false, formKey: 0 });
  const [resetting, setResetting] = useState<AccountListItem | null>(null);

  const showPassword = (username: string, password: string) =>
    modal.info({
      title: `账号 ${username} 的临时密码`,
      content: (
        <div>
          <Typography.Paragraph
            copyable={{ text: password }}
            code
            style={{ fontSize: 18 }}
            data-testid="temporary-password"
          >
            {password}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            此密码只显示这一次，请告知本人；首次登录后须修改。
          </Typography.Text>
        </div>
      ),
    });

  const act = async (a: AccountListItem, action: string, done: string) => {
    try {
      await api.post(`/api/accounts/${a.id}/${action}`);
      message.success(done);
      list.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  };

  const columns: ColumnsType<AccountListItem> = [
    { title: '工号', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'displayName' },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (roles: AccountListItem['roles']) => roles.map((r) => <Tag key={r}>{ROLE_NAMES[r] ?? r}</Tag>),
    },
    {
      title: '状态',
      key: 'state',
      render: (_, a) => (
        <Space size={4} wrap>
          {a.active ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>}
          {a.lockedUntil && <Tag color="red">登录锁定</Tag>}
          {a.mustChangePassword && <Tag color="orange">待修改密码</Tag>}
        </Space>
      ),
    },
    { title: '在线会话', dataIndex: 'sessions', width: 90 },
    {
      title: '操作',
      key: 'actions',
      render: (_, a) => (
        <Space size={0} wrap>
          <Button type="link" onClick={() => setResetting(a)}>
            重置密码
          </Button>
          {a.active ? (
            <Popconfirm
              title={`停用账号 ${a.username}？其登录将立即失效`}
              onConfirm={() => act(a, 'disable', '账号已停用')}
              disabled={a.id === me.id}
            >
              <Button type="link" danger disabled={a.id === me.id}>
                停用
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" onClick={() => act(a, 'enable', '账号已启用')}>
              启用
            </Button>
          )}
          <Popconfirm
            title={`注销 ${a.username} 的全部登录？`}
            onConfirm={() => act(a, 'revoke-sessions', '已注销其全部登录')}
          >
            <Button type="link">注销会话</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          用户管理
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setDrawer((d) => ({ open: true, formKey: d.formKey + 1 }))}
        >
          新增账号
        </Button>
      </Flex>
      <PagedTable<AccountListItem>
        rowKey="id"
        size="middle"
        data-testid="account-table"
        columns={columns}
        list={list}
        paging={paging}
        onPage={setPaging}
        unit="个账号"
        scroll={{ x: 'max-content' }}
      />
      <AccountCreateDrawer
        {...drawer}
        onClose={() => setDrawer((d) => ({ ...d, open: false }))}
        onCreated={(username, pw) => {
          setDrawer((d) => ({ ...d, open: false }));
          message.success(`账号 ${username} 已创建`);
          if (pw) showPassword(username, pw);
          list.reload();
        }}
      />
      <ResetModal
        account={resetting}
        onClose={() => setResetting(null)}
        onDone={(a, pw) => {
          setResetting(null);
          message.success(`账号 ${a.username} 的密码已重置`);
          if (pw) showPassword(a.username, pw);
          list.reload();
        }}
      />
    </Card>
  );
}

function ResetModal(props: {
  account: AccountListItem | null;
  onClose: () => void;
  onDone: (a: AccountListItem, temporaryPassword: string | null) => void;
}) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const a = props.account;
  const submit = async () => {
    if (!a) return;
    const msg = password ? passwordMessage(password, a.username) : null;
    if (msg) return setError(msg);
    setBusy(true);
    try {
      const r = await api.post<{ temporaryPassword: string | null }>(`/api/accounts/${a.id}/reset-password`, {
        password: password || null,
      });
      setPassword('');
      setError(null);
      props.onDone(a, r.temporaryPassword);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '重置失败');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={a !== null}
      title={a ? `重置 ${a.username}（${a.displayName}）的密码` : ''}
      okText="重置"
      confirmLoading={busy}
      onOk={submit}
      onCancel={() => {
        setPassword('');
        setError(null);
        props.onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>重置后其登录立即失效、锁定解除，下次登录须修改密码。</Typography.Paragraph>
      <Input.Password
        aria-label="新的临时密码"
        placeholder="留空则自动生成临时密码"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        status={error ? 'error' : undefined}
        autoComplete="new-password"
      />
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
    </Modal>
  );
}
