// One violation case: its record, the caller's actions (审理 is not offered to the investigator), the
// timeline, the outcome form of the 五个一批 (a fine by multiple or amount, checked against the article
// before sending), points to responsible staff, and the documents as .docx.
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ARTICLES, fineFor } from '../../../../src/domain/casework/articles.ts';
import { CASE_SOURCES, OUTCOME_KINDS, REFERRAL_BODIES } from '../../../../src/domain/casework/codes.ts';
import { CASE_MACHINE, CASE_STATES } from '../../../../src/domain/casework/machine.ts';
import { POINT_BANDS } from '../../../../src/domain/medstaff/points.ts';
import { isAppError } from '../../../../src/domain/shared/errors.ts';
import { Money } from '../../components/money.tsx';
import { ActionModal, CaseHistory } from '../../components/workflow-action.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { yuanToFen } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';

type Kind = keyof typeof OUTCOME_KINDS;
interface Detail {
  case: {
    id: number;
    fixmedinsCode: string;
    institutionName: string | null;
    source: keyof typeof CASE_SOURCES;
    suspectIds: number[];
    ticketNo: string | null;
    complaint: string | null;
    violationType: string;
    article: keyof typeof ARTICLES;
    lossFen: number;
    facts: string;
    state: keyof typeof CASE_STATES;
    dueOn: string | null;
  };
  history: { action: string; from: string; to: string; at: string; reason: string | null }[];
  actions: string[];
  outcomes: {
    id: number;
    kind: Kind;
    amountFen: number;
    multipleBp: number | null;
    referralTo: keyof typeof REFERRAL_BODIES | null;
    note: string;
    period: string | null;
  }[];
  points: {
    id: number;
    staffName: string;
    staffCode: string;
    band: keyof typeof POINT_BANDS;
    points: number;
    on: string;
  }[];
}

const LABELS = Object.fromEntries(CASE_MACHINE.transitions.map((t) => [t.action, t.label]));
const NEEDS_REASON = new Set(CASE_MACHINE.transitions.filter((t) => t.reason).map((t) => t.action as string));
const DOCS = { rectify: '整改通知书', interview: '约谈通知书', penalty: '行政处罚决定书（草稿）' };

export default function CasePage() {
  const { id } = useParams();
  const d = useApi<Detail>(`/api/casework/cases/${id}`);
  const [action, setAction] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const [outcomeForm] = Form.useForm();
  const [pointsForm] = Form.useForm();
  const kind = Form.useWatch('kind', outcomeForm) as Kind | undefined;
  const fail = (e: unknown) => setError(e instanceof ApiError ? e.message : String(e));

  const act = async () => {
    const v = await form.validateFields();
    try {
      await api.post(`/api/casework/cases/${id}/actions`, {
        action,
        reason: v.reason ?? null,
        facts: v.facts ?? null,
        lossFen: v.loss === undefined || v.loss === null ? null : yuanToFen(String(v.loss)),
      });
      setAction(null);
      form.resetFields();
      d.reload();
    } catch (e) {
      fail(e);
    }
  };

  const addOutcome = async () => {
    const v = await outcomeForm.validateFields();
    const c = d.data!.case;
    const multipleBp = v.multiple ? Math.round(v.multiple * 10_000) : null;
    const amountFen = v.amount === undefined || v.amount === null ? null : yuanToFen(String(v.amount));
    setError(null);
    if (v.kind === 'fine') {
      // the same rule the server applies, so the range is explained before sending
      try {
        fineFor(c.article, c.lossFen, { multipleBp, amountFen });
      } catch (e) {
        if (isAppError(e)) return setError(e.message);
        throw e;
      }
    }
    try {
      await api.post(`/api/casework/cases/${id}/outcomes`, {
        kind: v.kind,
        amountFen,
        multipleBp,
        referralTo: v.referralTo ?? null,
        note: v.note ?? '',
        period: v.period || null,
      });
      outcomeForm.resetFields();
      d.reload();
    } catch (e) {
      fail(e);
    }
  };

  const addPoints = async () => {
    const v = await pointsForm.validateFields();
    try {
      await api.post(`/api/casework/cases/${id}/points`, {
        staffId: v.staffId,
        band: v.band,
        points: v.points,
        reason: v.reason ?? '',
      });
      pointsForm.resetFields();
      d.reload();
    } catch (e) {
      fail(e);
    }
  };

  if (d.error) return <Alert type="error" message={d.error.message} />;
  if (!d.data) return <Card loading />;
  const { case: c, history, actions, outcomes, points } = d.data;
  const deciding = c.state === 'decision' || c.state === 'execution';
  const range = ARTICLES[c.article].multipleBp;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error && <Alert type="error" message={error} closable onClose={() => setError(null)} />}
      <Card title={`违规案件 ${c.id}`} extra={<Tag color="blue">{CASE_STATES[c.state]}</Tag>}>
        <Descriptions column={3} size="small">
          <Descriptions.Item label="定点机构">{c.institutionName ?? c.fixmedinsCode}</Descriptions.Item>
          <Descriptions.Item label="来源">
            {CASE_SOURCES[c.source]}
            {c.source === 'suspect'
              ? `（疑点 ${c.suspectIds.join('、')}）`
              : c.ticketNo
                ? `（${c.ticketNo}）`
                : ''}
          </Descriptions.Item>
          <Descriptions.Item label="办理时限">{c.dueOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="违规类型">{c.violationType}</Descriptions.Item>
          <Descriptions.Item label="法律依据" span={2}>
            {ARTICLES[c.article].title}
          </Descriptions.Item>
          <Descriptions.Item label="基金损失（元）">
            <Money fen={c.lossFen} />
          </Descriptions.Item>
          <Descriptions.Item label="违规事实" span={2}>
            {c.facts || c.complaint || '—'}
          </Descriptions.Item>
        </Descriptions>
        <Space wrap style={{ marginTop: 12 }}>
          {actions.map((a) => (
            <Button
              key={a}
              type={a === 'withdraw' || a === 'return' ? 'default' : 'primary'}
              onClick={() => {
                setError(null);
                setAction(a);
              }}
            >
              {LABELS[a]}
            </Button>
          ))}
          {Object.entries(DOCS).map(([k, label]) => (
            <Button key={k} href={`/api/casework/cases/${c.id}/documents/${k}`}>
              {label}
            </Button>
          ))}
        </Space>
      </Card>
      <Card title="处理结果（五个一批）">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={outcomes}
          columns={[
            { title: '类别', dataIndex: 'kind', render: (k: Kind) => OUTCOME_KINDS[k] },
            {
              title: '金额（元）',
              dataIndex: 'amountFen',
              align: 'right',
              render: (f: number) => (f ? <Money fen={f} /> : '—'),
            },
            {
              title: '倍数',
              dataIndex: 'multipleBp',
              render: (m: number | null) => (m ? `${m / 10_000} 倍` : '—'),
            },
            {
              title: '移送',
              dataIndex: 'referralTo',
              render: (r: keyof typeof REFERRAL_BODIES | null) => (r ? REFERRAL_BODIES[r] : '—'),
            },
            { title: '台账期间', dataIndex: 'period', render: (p: string | null) => p ?? '—' },
            { title: '说明', dataIndex: 'note' },
          ]}
        />
        {deciding && (
          <Form form={outcomeForm} layout="inline" style={{ marginTop: 12, rowGap: 8 }}>
            <Form.Item name="kind" label="处理类别" rules={[{ required: true, message: '请选择' }]}>
              <Select
                placeholder="请选择"
                style={{ width: 170 }}
                options={Object.entries(OUTCOME_KINDS).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            {kind === 'fine' && range && (
              <Form.Item name="multiple" label={`倍数（${range[0] / 10_000}–${range[1] / 10_000}）`}>
                <InputNumber min={0} step={0.5} />
              </Form.Item>
            )}
            {kind &&
              kind !== 'interview' &&
              kind !== 'rectify' &&
              kind !== 'referral' &&
              !(kind === 'fine' && range) && (
                <Form.Item name="amount" label="金额（元）">
                  <InputNumber min={0} precision={2} />
                </Form.Item>
              )}
            {kind === 'referral' && (
              <Form.Item name="referralTo" rules={[{ required: true, message: '请选择移送机关' }]}>
                <Select
                  placeholder="移送机关"
                  style={{ width: 150 }}
                  options={Object.entries(REFERRAL_BODIES).map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
            )}
            <Form.Item name="period" label="台账期间">
              <Input type="month" />
            </Form.Item>
            <Form.Item name="note">
              <Input placeholder="说明" />
            </Form.Item>
            <Button type="primary" onClick={addOutcome}>
              登记
            </Button>
          </Form>
        )}
      </Card>
      <Card title="责任人员记分">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={points}
          columns={[
            { title: '人员', render: (_, p) => `${p.staffName}（${p.staffCode}）` },
            {
              title: '情形',
              dataIndex: 'band',
              render: (b: keyof typeof POINT_BANDS) => POINT_BANDS[b].name,
            },
            { title: '记分', dataIndex: 'points' },
            { title: '日期', dataIndex: 'on' },
          ]}
        />
        {deciding && (
          <Form form={pointsForm} layout="inline" style={{ marginTop: 12 }}>
            <Form.Item name="staffId" rules={[{ required: true, message: '请填写人员编号' }]}>
              <InputNumber placeholder="医保医师编号" min={1} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="band" rules={[{ required: true, message: '请选择情形' }]}>
              <Select
                placeholder="记分情形"
                style={{ width: 260 }}
                options={Object.entries(POINT_BANDS).map(([value, b]) => ({
                  value,
                  label: `${b.name}（${b.range[0]}–${b.range[1]} 分）`,
                }))}
              />
            </Form.Item>
            <Form.Item name="points" rules={[{ required: true, message: '请填写分值' }]}>
              <InputNumber placeholder="分值" min={1} max={12} />
            </Form.Item>
            <Button onClick={addPoints}>记分</Button>
          </Form>
        )}
      </Card>
      <Card title="办理记录">
        <CaseHistory history={history} actionLabels={LABELS} stateNames={CASE_STATES} opening="file" />
      </Card>
      <ActionModal
        title={action ? LABELS[action] : ''}
        open={action !== null}
        form={form}
        onOk={act}
        onCancel={() => setAction(null)}
        reason={{
          label: '意见 / 理由',
          required: action !== null && NEEDS_REASON.has(action),
          message: '请填写理由',
        }}
      >
        {action === 'submit' && (
          <>
            <Form.Item name="facts" label="调查认定的违规事实">
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="loss" label="认定基金损失（元）">
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
      </ActionModal>
    </Space>
  );
}
