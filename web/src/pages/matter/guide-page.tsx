// 办事指南 and 事项清单管理: every matter with its materials, limit, levels and channels; the admin
// edits a matter (limit, second post, proxy, online channel, active) with a reason kept in its history.
import { Button, Card, Checkbox, Drawer, Form, Input, InputNumber, Space, Table, Tag, Timeline } from 'antd';
import { useState } from 'react';
import type { MatterTypeChange, MatterTypeRow } from '../../../../src/modules/matter/contract.ts';
import { LoadError } from '../../components/page-state.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { levelName, limitText } from './labels.ts';

export default function GuidePage() {
  const staff = useStaff();
  const admin = staff.permissions.includes('matter.catalogue');
  const [q, setQ] = useState('');
  const list = useApi<{ items: MatterTypeRow[] }>('/api/matter/types', {
    q,
    all: admin ? 'true' : undefined,
  });
  const [editing, setEditing] = useState<string | null>(null);
  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  return (
    <Card
      title="办事指南"
      extra={
        <Input.Search
          aria-label="搜索事项"
          allowClear
          placeholder="事项名称或编码"
          onSearch={setQ}
          style={{ width: 260 }}
        />
      }
    >
      <Table<MatterTypeRow>
        rowKey="code"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        expandable={{
          expandedRowRender: (t) => (
            <ol style={{ margin: 0 }}>
              {t.definition.materials.map((m) => (
                <li key={m.name}>
                  {m.name} {m.replaceable && <Tag color="blue">部门数据可替代</Tag>}
                  {m.deferrable && <Tag color="gold">可容缺</Tag>}
                </li>
              ))}
            </ol>
          ),
        }}
        columns={[
          { title: '编码', dataIndex: 'code', width: 80 },
          { title: '主项', render: (_, t) => t.definition.mainName },
          { title: '子项', render: (_, t) => t.definition.name },
          { title: '办理时限', render: (_, t) => limitText(t.definition.limit) },
          { title: '受理层级', render: (_, t) => t.definition.acceptLevels.map(levelName).join('、') },
          { title: '第二岗审核', render: (_, t) => (t.definition.secondPost ? '是' : '否') },
          { title: '网上办理', render: (_, t) => t.definition.onlineChannel ?? '—' },
          ...(admin
            ? [
                {
                  title: '',
                  width: 80,
                  render: (_: unknown, t: MatterTypeRow) => (
                    <Space>
                      {!t.active && <Tag>已停用</Tag>}
                      <Button size="small" onClick={() => setEditing(t.code)}>
                        修改
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <EditDrawer
          code={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </Card>
  );
}

function EditDrawer({ code, onClose, onSaved }: { code: string; onClose: () => void; onSaved: () => void }) {
  const detail = useApi<MatterTypeRow & { changes: MatterTypeChange[] }>(`/api/matter/types/${code}`);
  const [error, setError] = useState<string | null>(null);
  const d = detail.data?.definition;
  return (
    <Drawer open title={`修改事项 ${code}`} width={520} onClose={onClose}>
      {d && (
        <Form
          layout="vertical"
          initialValues={{
            days: d.limit.kind === 'working_days' ? d.limit.days : null,
            maxDays: d.limit.kind === 'working_days' ? d.limit.maxDays : null,
            secondPost: d.secondPost,
            proxyAllowed: d.proxyAllowed,
            onlineChannel: d.onlineChannel,
            active: d.active,
          }}
          onFinish={async (v) => {
            setError(null);
            const limit = v.days
              ? { kind: 'working_days', days: v.days, maxDays: v.maxDays ?? null }
              : { kind: 'immediate' };
            const definition = {
              ...d,
              limit,
              secondPost: v.secondPost,
              proxyAllowed: v.proxyAllowed,
              onlineChannel: v.onlineChannel || null,
              active: v.active,
            };
            try {
              await api.put(`/api/matter/types/${code}`, { definition, reason: v.reason });
              onSaved();
            } catch (e) {
              setError(e instanceof ApiError ? e.message : String(e));
            }
          }}
        >
          <Form.Item name="days" label="办理时限（工作日，空为即办）">
            <InputNumber min={1} max={90} />
          </Form.Item>
          <Form.Item name="maxDays" label="特殊情形最长时限（工作日）">
            <InputNumber min={1} max={180} />
          </Form.Item>
          <Form.Item name="secondPost" valuePropName="checked">
            <Checkbox>需第二岗审核</Checkbox>
          </Form.Item>
          <Form.Item name="proxyAllowed" valuePropName="checked">
            <Checkbox>允许委托代办</Checkbox>
          </Form.Item>
          <Form.Item name="active" valuePropName="checked">
            <Checkbox>启用</Checkbox>
          </Form.Item>
          <Form.Item name="onlineChannel" label="网上办理渠道">
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="reason" label="修改原因" rules={[{ required: true, message: '请填写修改原因' }]}>
            <Input maxLength={200} />
          </Form.Item>
          {error && <div style={{ color: 'red', marginBottom: 8 }}>{error}</div>}
          <Button type="primary" htmlType="submit">
            保存
          </Button>
        </Form>
      )}
      <Timeline
        style={{ marginTop: 24 }}
        items={(detail.data?.changes ?? []).map((c) => ({
          children: `第 ${c.version} 版 · ${formatDateTime(c.changedAt)} · ${c.changedBy}：${c.reason}`,
        }))}
      />
    </Drawer>
  );
}
