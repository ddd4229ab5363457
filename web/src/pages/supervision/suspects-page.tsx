// 疑点处理: the suspect queue — counts per state, filters, a table with bulk actions for a rule's
// obvious hits, and a drawer with the visit's fee lines beside the rule's evidence (for the
// reviewers also the 病历 its HIS uploaded, on request), the history and the actions the signed-in
// person may take now. An institution's login sees its own suspects and
// answers them (申诉 or 认可).
import {
  Alert,
  Badge,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
} from 'antd';
import { useState } from 'react';
import {
  SUSPECT_ACTION_LABELS,
  SUSPECT_SOURCES,
  SUSPECT_STATES,
  type SuspectAction,
  type SuspectState,
} from '../../../../src/domain/supervision/suspect-machine.ts';
import type { SuspectRow } from '../../../../src/modules/supervision/contract.ts';
import { MedicalRecords } from '../../components/medical-records.tsx';
import { LoadError, Loading } from '../../components/page-state.tsx';
import { ApiError, api, type Page, withQuery } from '../../lib/api.ts';
import { fenToYuan, formatDate, formatDateTime, yuanToFen } from '../../lib/format.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';

const STATE_COLOR: Record<SuspectState, string> = {
  first_review: 'blue',
  second_review: 'geekblue',
  appeal: 'orange',
  investigation: 'purple',
  decision: 'gold',
  violation: 'red',
  cleared: 'green',
  referred: 'magenta',
};
/** actions that ask for a reason in the dialog (the machine refuses them without one) */
const NEEDS_REASON: readonly SuspectAction[] = [
  'dismiss',
  'return',
  'appeal',
  'verify',
  'decide_violation',
  'decide_clear',
  'refer',
];

interface Detail {
  suspect: SuspectRow;
  history: {
    action: SuspectAction;
    from: string;
    to: string;
    actorId: number;
    at: string;
    reason: string | null;
  }[];
  actions: SuspectAction[];
  evidence: { lines: string[]; detail: Record<string, unknown>; resultType: string | null } | null;
  visit: {
    medType: string;
    inpatient: boolean;
    beginDate: string;
    endDate: string | null;
    mainDiagCode: string | null;
  } | null;
  lines: {
    feedetlSn: string;
    code: string;
    name: string | null;
    feeDate: string;
    cnt: number;
    pricFen: number;
    amountFen: number;
    chrgitmLv: string | null;
    cancelled: boolean;
  }[];
}

export default function SuspectsPage() {
  const staff = useStaff();
  const own = staff.roles.includes('institution');
  const [filter, setFilter] = useState<{ state?: string; rule?: string; overdue?: string; open?: string }>({
    open: '1',
  });
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<number[]>([]);
  const [openId, setOpenId] = useState<number | null>(null);
  const [bulk, setBulk] = useState<SuspectAction | null>(null);
  const summary = useApi<{
    items: { state: SuspectState; count: number; amountFen: number; overdue: number }[];
  }>('/api/supervision/suspects/summary');
  const list = useApi<Page<SuspectRow> & { totalFen: number }>('/api/supervision/suspects', {
    ...filter,
    ...page,
  });
  const reload = () => {
    list.reload();
    summary.reload();
  };
  const bulkActions: SuspectAction[] = own
    ? ['accept']
    : (['first', 'confirm', 'lapse', 'decide_violation', 'decide_clear'].filter((a) =>
        a === 'decide_violation' || a === 'decide_clear'
          ? staff.permissions.includes('supervision.suspect.decide')
          : staff.permissions.includes('supervision.suspect.review'),
      ) as SuspectAction[]);

  return (
    <Card title={own ? '本机构疑点' : '疑点处理'}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {summary.data && (
          <Space wrap data-testid="suspect-summary">
            {summary.data.items.map((s) => (
              <Button
                key={s.state}
                type={filter.state === s.state ? 'primary' : 'default'}
                onClick={() => {
                  setFilter({
                    ...filter,
                    state: filter.state === s.state ? undefined : s.state,
                    open: undefined,
                  });
                  setPage({ ...page, page: 1 });
                }}
              >
                <Badge color={STATE_COLOR[s.state]} text={`${SUSPECT_STATES[s.state]} ${s.count}`} />
                {s.overdue > 0 && (
                  <Tag color="red" style={{ marginLeft: 8 }}>
                    超期 {s.overdue}
                  </Tag>
                )}
              </Button>
            ))}
          </Space>
        )}
        <Space wrap>
          <Select
            style={{ width: 160 }}
            placeholder="全部状态"
            allowClear
            value={filter.state}
            onChange={(v) => setFilter({ ...filter, state: v, open: undefined })}
            options={Object.entries(SUSPECT_STATES).map(([value, label]) => ({ value, label }))}
          />
          <Select
            style={{ width: 140 }}
            value={filter.open ?? 'all'}
            onChange={(v) => setFilter({ ...filter, open: v === 'all' ? undefined : v })}
            options={[
              { value: '1', label: '办理中' },
              { value: '0', label: '已办结' },
              { value: 'all', label: '全部' },
            ]}
          />
          <Input.Search
            placeholder="规则编码"
            allowClear
            style={{ width: 180 }}
            onSearch={(v) => setFilter({ ...filter, rule: v.trim() || undefined })}
          />
          <Button
            type={filter.overdue ? 'primary' : 'default'}
            danger
            onClick={() => setFilter({ ...filter, overdue: filter.overdue ? undefined : '1' })}
          >
            只看超期
          </Button>
          <Button href={withQuery('/api/supervision/suspects.xlsx', filter)}>导出 xlsx</Button>
        </Space>
        {bulkActions.length > 0 && (
          <Space>
            <span>已选 {selected.length} 条，批量：</span>
            {bulkActions.map((a) => (
              <Button key={a} disabled={selected.length === 0} onClick={() => setBulk(a)}>
                {SUSPECT_ACTION_LABELS[a]}
              </Button>
            ))}
          </Space>
        )}
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <Table<SuspectRow>
            data-testid="suspects"
            rowKey="id"
            size="small"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            rowSelection={
              bulkActions.length > 0
                ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }
                : undefined
            }
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: list.data?.total ?? 0,
              showTotal: (t) => `共 ${t} 条，疑点金额 ${fenToYuan(list.data?.totalFen ?? 0)} 元`,
              onChange: (p, s) => setPage({ page: p, pageSize: s }),
            }}
            columns={[
              { title: '疑点号', dataIndex: 'id', width: 80 },
              { title: '来源', render: (_, s) => SUSPECT_SOURCES[s.source] },
              { title: '规则', render: (_, s) => s.ruleName ?? s.ruleCode ?? '—' },
              ...(own
                ? []
                : [
                    {
                      title: '机构',
                      render: (_: unknown, s: SuspectRow) => s.institutionName ?? s.fixmedinsCode,
                    },
                  ]),
              { title: '参保人', dataIndex: 'personName' },
              { title: '疑点金额（元）', align: 'right', render: (_, s) => fenToYuan(s.amountFen) },
              {
                title: '状态',
                render: (_, s) => <Tag color={STATE_COLOR[s.state]}>{SUSPECT_STATES[s.state]}</Tag>,
              },
              { title: '办理时限', render: (_, s) => formatDate(s.dueOn) },
              {
                title: '',
                render: (_, s) => (
                  <Button type="link" onClick={() => setOpenId(s.id)}>
                    办理
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Space>
      {openId !== null && <SuspectDrawer id={openId} onClose={() => setOpenId(null)} onChanged={reload} />}
      {bulk && (
        <ActionModal
          action={bulk}
          count={selected.length}
          onCancel={() => setBulk(null)}
          onSubmit={async (body) => {
            await api.post('/api/supervision/suspects/bulk', { ...body, ids: selected, action: bulk });
            setBulk(null);
            setSelected([]);
            reload();
          }}
        />
      )}
    </Card>
  );
}

function SuspectDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: number;
  onClose: () => void;
  onChanged: () => void;
}) {
  const d = useApi<Detail>(`/api/supervision/suspects/${id}`);
  const [action, setAction] = useState<SuspectAction | null>(null);
  const flagged = new Set(d.data?.evidence?.lines ?? []);
  return (
    <Drawer open width={880} title={`疑点 ${id}`} onClose={onClose}>
      {d.error && <LoadError error={d.error} onRetry={d.reload} />}
      {!d.data && !d.error && <Loading />}
      {d.data && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="规则">{d.data.suspect.ruleName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag color={STATE_COLOR[d.data.suspect.state]}>{SUSPECT_STATES[d.data.suspect.state]}</Tag>
              {d.data.suspect.dueOn && `时限 ${d.data.suspect.dueOn}`}
            </Descriptions.Item>
            <Descriptions.Item label="机构">{d.data.suspect.institutionName}</Descriptions.Item>
            <Descriptions.Item label="参保人">{d.data.suspect.personName}</Descriptions.Item>
            <Descriptions.Item label="就诊">
              {d.data.visit
                ? `${d.data.visit.inpatient ? '住院' : '门诊'} ${d.data.visit.beginDate}${d.data.visit.endDate ? ` 至 ${d.data.visit.endDate}` : ''} · 主诊断 ${d.data.visit.mainDiagCode ?? '—'}`
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="疑点金额">{fenToYuan(d.data.suspect.amountFen)} 元</Descriptions.Item>
            <Descriptions.Item label="审核意见" span={2}>
              {d.data.suspect.finding ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label="机构申诉" span={2}>
              {d.data.suspect.appeal ?? '—'}
            </Descriptions.Item>
            {d.data.suspect.confirmedFen !== null && (
              <Descriptions.Item label="认定违规金额" span={2}>
                {fenToYuan(d.data.suspect.confirmedFen)} 元
              </Descriptions.Item>
            )}
          </Descriptions>
          {d.data.evidence && (
            <Alert
              type={d.data.evidence.resultType === 'certain' ? 'error' : 'warning'}
              message={d.data.evidence.resultType === 'certain' ? '明确违规' : '可疑'}
              description={
                <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {JSON.stringify(d.data.evidence.detail, null, 1)}
                </pre>
              }
            />
          )}
          {d.data.suspect.mdtrtId && <MedicalRecords mdtrtId={d.data.suspect.mdtrtId} />}
          <Table
            data-testid="suspect-lines"
            size="small"
            rowKey="feedetlSn"
            pagination={false}
            dataSource={d.data.lines}
            rowClassName={(l) => (flagged.has(l.feedetlSn) ? 'ant-table-row-selected' : '')}
            columns={[
              {
                title: '序号',
                dataIndex: 'feedetlSn',
                render: (v: string) => (flagged.has(v) ? <Tag color="red">{v}</Tag> : v),
              },
              { title: '日期', dataIndex: 'feeDate' },
              { title: '项目', render: (_, l) => `${l.name ?? ''} ${l.code}` },
              { title: '数量', dataIndex: 'cnt', align: 'right' },
              { title: '单价（元）', align: 'right', render: (_, l) => fenToYuan(l.pricFen) },
              { title: '金额（元）', align: 'right', render: (_, l) => fenToYuan(l.amountFen) },
            ]}
          />
          <Timeline
            items={d.data.history.map((e) => ({
              children: `${formatDateTime(e.at)} ${SUSPECT_ACTION_LABELS[e.action]}（工号 ${e.actorId}）${e.reason ? `：${e.reason}` : ''}`,
            }))}
          />
          <Space>
            {d.data.actions.map((a) => (
              <Button
                key={a}
                type={a.startsWith('decide') || a === 'confirm' ? 'primary' : 'default'}
                onClick={() => setAction(a)}
              >
                {SUSPECT_ACTION_LABELS[a]}
              </Button>
            ))}
          </Space>
        </Space>
      )}
      {action && d.data && (
        <ActionModal
          action={action}
          amountFen={d.data.suspect.amountFen}
          onCancel={() => setAction(null)}
          onSubmit={async (body) => {
            await api.post(`/api/supervision/suspects/${id}/actions`, { ...body, action });
            setAction(null);
            d.reload();
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}

function ActionModal(props: {
  action: SuspectAction;
  count?: number;
  amountFen?: number;
  onCancel: () => void;
  onSubmit: (body: { reason?: string; finding?: string; confirmedFen?: number }) => Promise<void>;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { action } = props;
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit({
        reason: v.reason,
        finding: v.finding,
        confirmedFen:
          v.confirmedYuan === undefined ? undefined : (yuanToFen(String(v.confirmedYuan)) ?? undefined),
      });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`${SUSPECT_ACTION_LABELS[action]}${props.count ? `（${props.count} 条）` : ''}`}
      okText="确定"
      confirmLoading={busy}
      onOk={submit}
      onCancel={props.onCancel}
    >
      <Form form={form} layout="vertical">
        {action === 'first' && (
          <Form.Item name="finding" label="初审意见" rules={[{ required: true, message: '请填写初审意见' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        )}
        {action === 'decide_violation' && (
          <Form.Item
            name="confirmedYuan"
            label="认定违规金额（元）"
            initialValue={
              props.amountFen ? Number(fenToYuan(props.amountFen, { grouping: false })) : undefined
            }
            rules={[{ required: true, message: '请填写认定违规金额' }]}
          >
            <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
          </Form.Item>
        )}
        {NEEDS_REASON.includes(action) && (
          <Form.Item
            name="reason"
            label={action === 'appeal' ? '申诉理由' : '理由'}
            rules={[{ required: true, message: '请填写理由' }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        )}
        {!NEEDS_REASON.includes(action) && action !== 'first' && (
          <Form.Item name="reason" label="备注">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
