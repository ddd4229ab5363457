// HIS 接入凭证 in the institution drawer (admins holding his.credential.manage): the paasid and its
// issued / rotated / revoked times, 签发 / 轮换 / 吊销, and the secret shown once in a modal with a
// copy button — closing the modal forgets it; nothing can show it again.
import { Alert, App, Button, Descriptions, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  CREDENTIAL_STATE_NAMES,
  type CredentialStatus,
  type IssuedCredential,
} from '../../../../src/modules/his/contract.ts';
import { ApiError, api } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';

const STATE_COLORS = { none: 'default', active: 'green', revoked: 'red' } as const;
const time = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';

export function CredentialSection({ code }: { code: string }) {
  const { message } = App.useApp();
  const path = `/api/his/credentials/${code}`;
  const status = useApi<CredentialStatus>(path);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<IssuedCredential | null>(null);

  const act = async (action: 'issue' | 'rotate' | 'revoke') => {
    setBusy(true);
    try {
      const r = await api.post<IssuedCredential | CredentialStatus>(`${path}/${action}`);
      if ('secret' in r) setShown(r);
      else message.success('接入凭证已吊销，该机构的 HIS 调用自此刻起一律拒绝');
      status.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const s = status.data;
  return (
    <section data-testid="credential-section" style={{ marginTop: 24 }}>
      <Typography.Title level={5}>HIS 接入凭证</Typography.Title>
      {status.error && <Alert type="error" showIcon title={status.error.message} />}
      {s && (
        <>
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              {
                key: 'state',
                label: '状态',
                children: <Tag color={STATE_COLORS[s.state]}>{CREDENTIAL_STATE_NAMES[s.state]}</Tag>,
              },
              { key: 'paasid', label: '接入账号（paasid）', children: s.paasid ?? '—' },
              { key: 'issued', label: '签发时间', children: time(s.issuedAt) },
              { key: 'rotated', label: '轮换时间', children: time(s.rotatedAt) },
              { key: 'revoked', label: '吊销时间', children: time(s.revokedAt) },
            ]}
          />
          <Space style={{ marginTop: 12 }}>
            {s.state !== 'active' && (
              <Button type="primary" loading={busy} onClick={() => act('issue')}>
                签发
              </Button>
            )}
            {s.state === 'active' && (
              <Popconfirm
                title="轮换接入密钥？"
                description="旧密钥立即失效，机构须换用新密钥后才能继续调用。"
                okText="轮换"
                cancelText="取消"
                onConfirm={() => act('rotate')}
              >
                <Button loading={busy}>轮换</Button>
              </Popconfirm>
            )}
            {s.state === 'active' && (
              <Popconfirm
                title="吊销接入凭证？"
                description="该机构的 HIS 调用将立即被拒绝，恢复须重新签发。"
                okText="吊销"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => act('revoke')}
              >
                <Button danger loading={busy}>
                  吊销
                </Button>
              </Popconfirm>
            )}
          </Space>
        </>
      )}
      <Modal
        open={shown !== null}
        title="接入密钥（仅显示这一次）"
        onCancel={() => setShown(null)}
        footer={
          <Button type="primary" onClick={() => setShown(null)}>
            我已妥善保存
          </Button>
        }
        destroyOnHidden
      >
        {shown && (
          <div data-testid="credential-secret">
            <Alert
              type="warning"
              showIcon
              title="请立即复制并安全地交给机构的 HIS 厂商。关闭此窗口后，密钥无法再次查看，只能轮换。"
              style={{ marginBottom: 12 }}
            />
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  key: 'paasid',
                  label: '接入账号',
                  children: <Typography.Text copyable>{shown.paasid}</Typography.Text>,
                },
                {
                  key: 'secret',
                  label: '接入密钥',
                  children: (
                    <Typography.Text code copyable={{ text: shown.secret, tooltips: ['复制', '已复制'] }}>
                      {shown.secret}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </div>
        )}
      </Modal>
    </section>
  );
}
