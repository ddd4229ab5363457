// One 12345 ticket: its record, the actions the staff member may take now (each asking what it needs:
// post, reason, extension days, the caller's satisfaction) and its full history.
import { Alert, Button, Card, Descriptions, Form, InputNumber, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  CATEGORY_NAMES,
  POST_NAMES,
  SATISFACTION_NAMES,
  SATISFACTIONS,
  TICKET_POSTS,
  URGENCY_NAMES,
} from '../../../../src/domain/ticket/codes.ts';
import { TICKET_MACHINE } from '../../../../src/domain/ticket/machine.ts';
import { LEVEL_NAMES, LEVELS } from '../../../../src/domain/rating/codes.ts';
import type { TicketRow } from '../../../../src/modules/ticket/contract.ts';
import { ActionModal, CaseHistory, chinaTime } from '../../components/workflow-action.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';

interface Detail extends TicketRow {
  overdue: boolean;
  history: { action: string; from: string; to: string; actorId: number; at: string; reason: string | null }[];
  actions: string[];
}

const LABELS = Object.fromEntries(TICKET_MACHINE.transitions.map((t) => [t.action, t.label]));
const NEEDS_REASON = new Set(TICKET_MACHINE.transitions.filter((t) => t.reason).map((t) => t.action));
const at = chinaTime;

export default function TicketPage() {
  const { id } = useParams();
  const t = useApi<Detail>(`/api/ticket/tickets/${id}`);
  const [action, setAction] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await api.post(`/api/ticket/tickets/${id}/actions`, { action, ...v });
      setAction(null);
      form.resetFields();
      t.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  if (t.error) return <Alert type="error" message={t.error.message} />;
  const d = t.data;
  if (!d) return <Card loading />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={`12345 工单 ${d.platformNo}`}
        extra={
          <Space>
            {d.overdue && <Tag color="orange">已超期</Tag>}
            <Tag color="blue">{TICKET_MACHINE.states[d.state]}</Tag>
          </Space>
        }
      >
        <Descriptions column={3} size="small">
          <Descriptions.Item label="诉求类型">{CATEGORY_NAMES[d.category]}</Descriptions.Item>
          <Descriptions.Item label="紧急程度">{URGENCY_NAMES[d.urgency]}</Descriptions.Item>
          <Descriptions.Item label="来源">
            {d.source === 'import' ? '平台导入' : '人工登记'}
          </Descriptions.Item>
          <Descriptions.Item label="来电人">{d.callerName || '—'}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{d.callerPhone || '—'}</Descriptions.Item>
          <Descriptions.Item label="受理日期">{d.receivedOn}</Descriptions.Item>
          <Descriptions.Item label="承办岗位">{d.post ? POST_NAMES[d.post] : '—'}</Descriptions.Item>
          <Descriptions.Item label="签收时限">{at(d.signDeadline)}</Descriptions.Item>
          <Descriptions.Item label="签收时间">{at(d.signedAt)}</Descriptions.Item>
          <Descriptions.Item label="应办结日期">
            {d.finishDue ?? '—'}
            {d.extensionDays ? `（已延期 ${d.extensionDays} 个工作日）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="办结日期">{d.closedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="回访结果">
            {d.satisfaction ? SATISFACTION_NAMES[d.satisfaction] : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="标题" span={3}>
            {d.title}
          </Descriptions.Item>
          <Descriptions.Item label="诉求内容" span={3}>
            {d.content}
          </Descriptions.Item>
          <Descriptions.Item label="答复内容" span={3}>
            {d.reply ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label="重办 / 退单 / 督办">{`${d.reopenCount} / ${d.returnCount} / ${d.superviseCount}`}</Descriptions.Item>
        </Descriptions>
        <Space wrap style={{ marginTop: 12 }}>
          {d.actions.map((a) => (
            <Button
              key={a}
              type={a === 'supervise' || a === 'return' || a === 'reopen' ? 'default' : 'primary'}
              onClick={() => {
                setError(null);
                setAction(a);
              }}
            >
              {LABELS[a]}
            </Button>
          ))}
        </Space>
      </Card>
      <Card title="办理记录">
        <CaseHistory
          history={d.history}
          actionLabels={LABELS}
          stateNames={TICKET_MACHINE.states}
          opening="register"
        />
      </Card>
      <ActionModal
        title={action ? LABELS[action] : ''}
        open={action !== null}
        form={form}
        onOk={submit}
        onCancel={() => setAction(null)}
        error={error}
        reason={{
          label: action === 'reply' ? '答复内容' : action === 'callback' ? '回访记录' : '理由 / 说明',
          required: NEEDS_REASON.has(action as never),
          message: '请填写',
        }}
      >
        {action === 'dispatch' && (
          <Form.Item name="post" label="承办岗位" rules={[{ required: true, message: '请选择承办岗位' }]}>
            <Select options={TICKET_POSTS.map((p) => ({ value: p, label: POST_NAMES[p] }))} />
          </Form.Item>
        )}
        {action === 'request_extension' && (
          <Form.Item name="days" label="延期工作日数" rules={[{ required: true, message: '请填写延期天数' }]}>
            <InputNumber min={1} max={15} />
          </Form.Item>
        )}
        {action === 'callback' && (
          <Form.Item
            name="satisfaction"
            label="群众满意程度"
            rules={[{ required: true, message: '请选择满意程度' }]}
          >
            <Select options={SATISFACTIONS.map((s) => ({ value: s, label: SATISFACTION_NAMES[s] }))} />
          </Form.Item>
        )}
        {action === 'evaluate' && (
          <Form.Item
            name="level"
            label="群众评价（好差评五级）"
            rules={[{ required: true, message: '请选择评价等级' }]}
          >
            <Select options={LEVELS.map((l) => ({ value: l, label: LEVEL_NAMES[l] }))} />
          </Form.Item>
        )}
      </ActionModal>
    </Space>
  );
}
