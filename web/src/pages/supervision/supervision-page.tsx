// 基金监管: the auditors' page — the rule library (switch, severity, parameters, each change with a
// reason), 事后 scan runs (start over a date range, watch the three stages), a run's 疑点 by rule and
// institution with the xlsx export, and the data the rules read (知识库, 进销存; data-tabs.tsx).
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Progress,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { HitRow, RuleRow, RunRow } from '../../../../src/modules/supervision/contract.ts';
import { STAGE_NAMES, type Stage } from '../../../../src/domain/supervision/templates.ts';
import { LoadError, Loading } from '../../components/page-state.tsx';
import { Knowledge, Stock } from './data-tabs.tsx';
import { StockEvents } from './stock-events-tab.tsx';
import { SelfPayVisits } from './selfpay-tab.tsx';
import { ApiError, api, type Page } from '../../lib/api.ts';
import { fenToYuan, formatDateTime } from '../../lib/format.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';

const SEVERITY = {
  1: <Tag>一般</Tag>,
  2: <Tag color="orange">较重</Tag>,
  3: <Tag color="red">严重</Tag>,
} as const;
const RUN_STATUS = {
  running: <Tag color="blue">筛查中</Tag>,
  done: <Tag color="green">已完成</Tag>,
  failed: <Tag color="red">中断</Tag>,
};
const STAGE_LABELS = ['明细与就诊', '跨就诊（人员）', '机构指标'];

export default function SupervisionPage() {
  const [tab, setTab] = useState('runs');
  const [runId, setRunId] = useState<number | null>(null);
  return (
    <Card title="基金监管">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'runs',
            label: '筛查批次',
            children: (
              <Runs
                onOpen={(id) => {
                  setRunId(id);
                  setTab('hits');
                }}
              />
            ),
          },
          {
            key: 'hits',
            label: '疑点',
            children: runId ? (
              <Hits runId={runId} />
            ) : (
              <Alert type="info" message="请先在“筛查批次”中选择一个批次" />
            ),
          },
          { key: 'rules', label: '规则库', children: <Rules /> },
          { key: 'knowledge', label: '知识库', children: <Knowledge /> },
          { key: 'stock', label: '进销存', children: <Stock /> },
          { key: 'stock-events', label: '进销存上报', children: <StockEvents /> },
          { key: 'selfpay', label: '自费就诊', children: <SelfPayVisits /> },
        ]}
      />
    </Card>
  );
}

function Runs({ onOpen }: { onOpen: (id: number) => void }) {
  const staff = useStaff();
  const runs = useApi<{ items: RunRow[] }>('/api/supervision/runs');
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    if (!range) return;
    setError(null);
    try {
      await api.post('/api/supervision/runs', {
        from: range[0].format('YYYY-MM-DD'),
        to: range[1].format('YYYY-MM-DD'),
      });
      runs.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  if (runs.error) return <LoadError error={runs.error} onRetry={runs.reload} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {staff.permissions.includes('supervision.scan') && (
        <Space>
          <span>就诊开始日期</span>
          <DatePicker.RangePicker value={range} onChange={(v) => setRange(v as [Dayjs, Dayjs] | null)} />
          <Button type="primary" disabled={!range} onClick={start}>
            发起事后筛查
          </Button>
          <Button onClick={runs.reload}>刷新进度</Button>
        </Space>
      )}
      {error && <Alert type="error" message={error} showIcon />}
      <Table<RunRow>
        data-testid="supervision-runs"
        rowKey="id"
        loading={runs.loading}
        dataSource={runs.data?.items ?? []}
        pagination={false}
        columns={[
          { title: '批次', dataIndex: 'id' },
          { title: '范围', render: (_, r) => `${r.fromDate} 至 ${r.toDate}` },
          { title: '状态', render: (_, r) => RUN_STATUS[r.status] },
          {
            title: '进度',
            render: (_, r) => (
              <Space>
                <Progress
                  percent={Math.round((r.chunksDone * 100) / r.chunksTotal)}
                  size="small"
                  style={{ width: 120 }}
                />
                <span>{STAGE_LABELS[Math.min(r.chunksDone, STAGE_LABELS.length - 1)]}</span>
              </Space>
            ),
          },
          { title: '规则数', render: (_, r) => r.rules.length },
          { title: '疑点', dataIndex: 'hits' },
          {
            title: '就诊（重新核查 / 沿用结果）',
            render: (_, r) =>
              r.visitsChecked === null ? '—' : `${r.visitsChecked} / ${r.visitsReused ?? 0}`,
          },
          { title: '发起人', dataIndex: 'startedBy' },
          { title: '发起时间', render: (_, r) => formatDateTime(r.startedAt) },
          {
            title: '',
            render: (_, r) => (
              <Button type="link" onClick={() => onOpen(r.id)}>
                查看疑点
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}

function Hits({ runId }: { runId: number }) {
  const staff = useStaff();
  const [raised, setRaised] = useState<string | null>(null);
  const [rule, setRule] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const detail = useApi<{
    run: RunRow;
    summary: { ruleCode: string; ruleName: string; hits: number; amountFen: number }[];
  }>(`/api/supervision/runs/${runId}`);
  const hits = useApi<Page<HitRow>>(`/api/supervision/runs/${runId}/hits`, { rule, ...page });
  if (detail.error) return <LoadError error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <span>规则</span>
        <Select
          allowClear
          style={{ width: 260 }}
          placeholder="全部规则"
          value={rule}
          onChange={(v) => {
            setRule(v);
            setPage({ ...page, page: 1 });
          }}
          options={detail.data.summary.map((s) => ({
            value: s.ruleCode,
            label: `${s.ruleName}（${s.hits}）`,
          }))}
        />
        <Button href={`/api/supervision/runs/${runId}/hits.xlsx`}>导出 xlsx</Button>
        {staff.permissions.includes('supervision.suspect.review') && (
          <Button
            type="primary"
            onClick={async () => {
              try {
                const r = await api.post<{ raised: number }>(`/api/supervision/runs/${runId}/suspects`, {
                  rule: rule ?? null,
                });
                setRaised(`已生成 ${r.raised} 条疑点，请到“疑点处理”办理`);
              } catch (e) {
                setRaised(e instanceof ApiError ? e.message : String(e));
              }
            }}
          >
            {rule ? '本规则疑点转入处理' : '全部疑点转入处理'}
          </Button>
        )}
      </Space>
      {raised && <Alert type="info" showIcon message={raised} />}
      <Table
        data-testid="supervision-summary"
        rowKey="ruleCode"
        size="small"
        pagination={false}
        dataSource={detail.data.summary}
        columns={[
          { title: '规则', dataIndex: 'ruleName' },
          { title: '疑点数', dataIndex: 'hits' },
          { title: '涉及金额（元）', render: (_, s) => fenToYuan(s.amountFen) },
        ]}
      />
      {hits.error ? (
        <LoadError error={hits.error} onRetry={hits.reload} />
      ) : (
        <Table<HitRow>
          rowKey="id"
          loading={hits.loading}
          dataSource={hits.data?.items ?? []}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: hits.data?.total ?? 0,
            showTotal: (t) => `共 ${t} 条疑点`,
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={[
            { title: '规则', dataIndex: 'ruleName' },
            { title: '机构', render: (_, h) => h.institutionName ?? h.fixmedinsCode ?? '—' },
            { title: '就诊ID', render: (_, h) => h.mdtrtId ?? '—' },
            { title: '人员编号', render: (_, h) => h.psnNo ?? '—' },
            { title: '涉及金额（元）', render: (_, h) => fenToYuan(h.amountFen) },
            { title: '明细流水号', render: (_, h) => h.lines.join('、') || '—' },
          ]}
        />
      )}
    </Space>
  );
}

function Rules() {
  const staff = useStaff();
  const admin = staff.permissions.includes('supervision.rules');
  const rules = useApi<{ items: RuleRow[] }>('/api/supervision/rules');
  const [editing, setEditing] = useState<RuleRow | null>(null);
  if (rules.error) return <LoadError error={rules.error} onRetry={rules.reload} />;
  return (
    <>
      <Table<RuleRow>
        data-testid="supervision-rules"
        rowKey="code"
        loading={rules.loading}
        dataSource={rules.data?.items ?? []}
        pagination={false}
        size="small"
        columns={[
          { title: '规则', dataIndex: 'name' },
          { title: '类别', dataIndex: 'nationalClass' },
          { title: '结果', render: (_, r) => (r.resultType === 'certain' ? '明确违规' : '可疑') },
          { title: '环节', render: (_, r) => r.stages.map((s) => STAGE_NAMES[s as Stage]).join('、') },
          { title: '严重程度', render: (_, r) => SEVERITY[r.severity as 1 | 2 | 3] },
          {
            title: '参数',
            render: (_, r) =>
              Object.entries(r.params)
                .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('/') : v}`)
                .join('；') || '—',
          },
          { title: '启用', render: (_, r) => (r.enabled ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
          { title: '事中', render: (_, r) => (r.blocks ? <Tag color="red">拦截</Tag> : null) },
          ...(admin
            ? [
                {
                  title: '',
                  render: (_: unknown, r: RuleRow) => (
                    <Button type="link" onClick={() => setEditing(r)}>
                      修改
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <RuleDrawer
          rule={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            rules.reload();
          }}
        />
      )}
    </>
  );
}

function RuleDrawer({ rule, onClose, onSaved }: { rule: RuleRow; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const numeric = Object.entries(rule.params).filter(([, v]) => typeof v === 'number');
  // only a certain line rule of the 事中 stage can refuse a settlement
  const blockable = rule.resultType === 'certain' && rule.grain === 'line' && rule.stages.includes('during');
  const save = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      const params = Object.fromEntries(numeric.map(([k]) => [k, v[`p_${k}`]]));
      await api.put(`/api/supervision/rules/${rule.code}`, {
        enabled: v.enabled,
        severity: v.severity,
        params,
        reason: v.reason,
        ...(blockable ? { blocks: v.blocks } : {}),
      });
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Drawer
      open
      title={`修改规则：${rule.name}`}
      onClose={onClose}
      width={420}
      extra={
        <Button type="primary" onClick={save}>
          保存
        </Button>
      }
    >
      {error && <Alert type="error" message={error} showIcon style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          enabled: rule.enabled,
          severity: rule.severity,
          blocks: rule.blocks,
          ...Object.fromEntries(numeric.map(([k, v]) => [`p_${k}`, v])),
        }}
      >
        <Form.Item name="enabled" label="启用" valuePropName="checked">
          <Switch />
        </Form.Item>
        {blockable && (
          <Form.Item
            name="blocks"
            label="事中拦截"
            valuePropName="checked"
            extra="开启后，定点机构结算（2207/2304）时发现本规则的明确违规即拒绝结算；关闭则只提醒并在结算后生成疑点"
          >
            <Switch />
          </Form.Item>
        )}
        <Form.Item name="severity" label="严重程度">
          <Select
            options={[
              { value: 1, label: '一般' },
              { value: 2, label: '较重' },
              { value: 3, label: '严重' },
            ]}
          />
        </Form.Item>
        {numeric.map(([k]) => (
          <Form.Item
            key={k}
            name={`p_${k}`}
            label={`参数 ${k}`}
            rules={[{ required: true, message: '请填写参数' }]}
          >
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        ))}
        <Form.Item
          name="reason"
          label="修改原因"
          rules={[{ required: true, min: 2, message: '请填写修改原因' }]}
        >
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
