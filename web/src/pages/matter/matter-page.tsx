// One matter: its paper (receipt or notice), materials, clock, history, and the buttons of the
// actions this staff member may take now (the server's machine decides which). Actions that need a
// reason (退回补正, 不予办理, 撤回, 延期, 转办) ask for it first.
import { Alert, Button, Card, Form, InputNumber, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { MatterAction, MatterRow } from '../../../../src/modules/matter/contract.ts';
import type { MatterType } from '../../../../src/domain/matter/catalogue.ts';
import { LoadError, Loading } from '../../components/page-state.tsx';
import { ActionModal } from '../../components/workflow-action.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { actionLabel, REASON_ACTIONS, stateName } from './labels.ts';
import { MatterPaper } from './receipt.tsx';

interface Detail {
  matter: MatterRow;
  type: MatterType | null;
  history: {
    action: MatterAction;
    from: string;
    to: string;
    actorId: number;
    at: string;
    reason: string | null;
  }[];
  actions: MatterAction[];
}

const MATERIAL_TAG = {
  handed_in: <Tag color="green">已提交</Tag>,
  deferred: <Tag color="gold">容缺</Tag>,
  missing: <Tag color="red">未提交</Tag>,
};

export default function MatterPage() {
  const { id } = useParams();
  const detail = useApi<Detail>(`/api/matter/matters/${id}`);
  const [asking, setAsking] = useState<MatterAction | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  if (detail.error) return <LoadError error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading />;
  const { matter, history, actions } = detail.data;

  const send = async (action: MatterAction, extra: Record<string, unknown> = {}) => {
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = { action, ...extra };
      if (action === 'accept' || action === 'accept_deferred') {
        // the materials missing at the notice were brought: all handed in now
        body.handedIn = matter.materials.map((m) => m.name);
      }
      await api.post(`/api/matter/matters/${matter.id}/actions`, body);
      setAsking(null);
      form.resetFields();
      detail.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, { code: 'UNKNOWN', message: String(e) }));
    } finally {
      setBusy(false);
    }
  };
  const buttons = actions.filter((a) => a !== 'accept_deferred' && a !== 'notify');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={`办件 ${matter.receiptNo ?? `告知-${matter.id}`}：${matter.typeName}`}
        extra={
          <Space>
            {buttons.map((a) => (
              <Button
                key={a}
                type={a === 'approve' || a === 'complete' ? 'primary' : 'default'}
                danger={a === 'refuse'}
                loading={busy && asking === null}
                onClick={() => (REASON_ACTIONS.includes(a) ? setAsking(a) : send(a))}
              >
                {actionLabel(a)}
              </Button>
            ))}
          </Space>
        }
      >
        {error && (
          <Alert
            type="error"
            showIcon
            title={error.message}
            description={error.code}
            style={{ marginBottom: 16 }}
          />
        )}
        <div data-testid="matter-state">当前状态：{stateName(matter.state)}</div>
        {typeof matter.result?.psnNo === 'string' && (
          <div>
            办结结果：人员 <Link to={`/persons/${matter.result.psnNo}`}>{matter.result.psnNo}</Link>
          </div>
        )}
        <MatterPaper matter={matter} />
      </Card>
      <Card title="材料">
        <Table
          size="small"
          rowKey="name"
          pagination={false}
          dataSource={matter.materials}
          columns={[
            { title: '材料', dataIndex: 'name' },
            {
              title: '收取情况',
              dataIndex: 'status',
              render: (s: keyof typeof MATERIAL_TAG) => MATERIAL_TAG[s],
            },
          ]}
        />
      </Card>
      <Card title="办理过程">
        <Table
          size="small"
          rowKey={(e) => `${e.at}-${e.action}`}
          pagination={false}
          dataSource={history}
          columns={[
            { title: '时间', dataIndex: 'at', render: formatDateTime },
            { title: '操作', dataIndex: 'action', render: actionLabel },
            { title: '状态', dataIndex: 'to', render: stateName },
            {
              title: '经办人编号',
              dataIndex: 'actorId',
              // actor 0 on a matter: the applicant on the self-service site
              render: (id: number) => (id === 0 ? '申请人（网上）' : id),
            },
            { title: '理由', dataIndex: 'reason', render: (r: string | null) => r ?? '' },
          ]}
        />
      </Card>
      <ActionModal
        open={asking !== null}
        title={asking ? actionLabel(asking) : ''}
        form={form}
        busy={busy}
        onCancel={() => setAsking(null)}
        onOk={() => form.submit()}
        onFinish={(v) => asking && send(asking, v)}
        reason={{ label: '理由', required: true, message: '请填写理由', maxLength: 500 }}
        reasonFirst
        destroyOnHidden={false}
      >
        {asking === 'extend' && (
          <Form.Item
            name="extensionDays"
            label="延长工作日数"
            rules={[{ required: true, message: '请填写' }]}
          >
            <InputNumber min={1} max={90} />
          </Form.Item>
        )}
        {asking === 'transfer' && (
          <Form.Item
            name="toUserId"
            label="转给（工作人员编号）"
            rules={[{ required: true, message: '请填写' }]}
          >
            <InputNumber min={1} />
          </Form.Item>
        )}
      </ActionModal>
    </Space>
  );
}
