// 好差评: open the tablet for a completed matter, the 差评 rectification ledger with its steps, and the
// statistics by matter, clerk, point and month.
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Input,
  Modal,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Timeline,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { REASON_TAG_NAMES, type ReasonTag } from '../../../../src/domain/rating/codes.ts';
import { RECTIFY_MACHINE, type RectifyState } from '../../../../src/domain/rating/machine.ts';
import type { RatingStats } from '../../../../src/domain/rating/stats.ts';
import { bpToPercent1 } from '../../../../src/domain/shared/money.ts';
import { ApiError, api } from '../../lib/api.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';

const pct = (bp: number | null) => (bp === null ? '—' : bpToPercent1(bp));
const LABELS = Object.fromEntries(RECTIFY_MACHINE.transitions.map((t) => [t.action, t.label]));

interface Rect {
  id: number;
  receiptNo: string | null;
  typeName: string;
  overall: number;
  tags: ReasonTag[];
  comment: string;
  dueOn: string;
  state: RectifyState;
  overdue: boolean;
  handlerId: number | null;
}
interface RectDetail extends Rect {
  history: { action: string; at: string; reason: string | null }[];
  actions: string[];
}
type Group = { key: string; stats: RatingStats };

function Invite() {
  const [receipt, setReceipt] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const go = async () => {
    setError(null);
    try {
      const r = await api.post<{ token: string }>('/api/rating/invitations', { receiptNo: receipt.trim() });
      setLink(`${window.location.origin}/rate/${r.token}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Space direction="vertical">
      <Space.Compact>
        <Input
          placeholder="已办结事项的受理编号"
          value={receipt}
          onChange={(e) => setReceipt(e.target.value)}
          style={{ width: 260 }}
        />
        <Button type="primary" onClick={go}>
          打开评价器
        </Button>
      </Space.Compact>
      {error && <Alert type="error" message={error} />}
      {link && (
        <Alert
          type="success"
          message={
            <span>
              请在面向群众的评价器上打开（2 小时内有效，只能评价一次）：
              <a href={link} target="_blank" rel="noreferrer">
                {link}
              </a>
            </span>
          }
        />
      )}
    </Space>
  );
}

function Rectifications() {
  const list = useApi<{ items: Rect[] }>('/api/rating/rectifications', { all: 'true' });
  const [openId, setOpenId] = useState<number | null>(null);
  const detail = useApi<RectDetail>(openId ? `/api/rating/rectifications/${openId}` : null);
  const [action, setAction] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = async () => {
    try {
      await api.post(`/api/rating/rectifications/${openId}/actions`, { action, reason });
      setAction(null);
      setReason('');
      detail.reload();
      list.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <>
      <Table<Rect>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: '受理编号', dataIndex: 'receiptNo' },
          { title: '事项', dataIndex: 'typeName' },
          { title: '评价', dataIndex: 'overall', render: (v: number) => `${v} 星` },
          {
            title: '原因',
            dataIndex: 'tags',
            render: (t: ReasonTag[]) => t.map((x) => REASON_TAG_NAMES[x]).join('、'),
          },
          {
            title: '整改期限',
            dataIndex: 'dueOn',
            render: (v, r) => (
              <span>
                {v} {r.overdue && <Tag color="orange">超期</Tag>}
              </span>
            ),
          },
          { title: '状态', dataIndex: 'state', render: (s: RectifyState) => RECTIFY_MACHINE.states[s] },
          {
            title: '',
            render: (_, r) => (
              <Button size="small" onClick={() => setOpenId(r.id)}>
                办理
              </Button>
            ),
          },
        ]}
      />
      <Modal
        title="差评整改"
        open={openId !== null}
        onCancel={() => setOpenId(null)}
        footer={null}
        width={640}
        destroyOnHidden
      >
        {detail.data && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <div>
              {detail.data.typeName} · {detail.data.receiptNo} · {detail.data.overall} 星 ·{' '}
              {detail.data.comment || '无留言'}
            </div>
            <Timeline
              items={detail.data.history.map((e) => ({
                children: `${new Date(e.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })} ${LABELS[e.action] ?? e.action}${e.reason ? `：${e.reason}` : ''}`,
              }))}
            />
            <Space wrap>
              {detail.data.actions.map((a) => (
                <Button
                  key={a}
                  onClick={() => {
                    setError(null);
                    setAction(a);
                  }}
                >
                  {LABELS[a]}
                </Button>
              ))}
            </Space>
            {action && (
              <Space direction="vertical" style={{ width: '100%' }}>
                {error && <Alert type="error" message={error} />}
                <Input.TextArea
                  rows={3}
                  placeholder={`${LABELS[action]}：请填写情况说明`}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
                <Button type="primary" onClick={act}>
                  提交“{LABELS[action]}”
                </Button>
              </Space>
            )}
          </Space>
        )}
      </Modal>
    </>
  );
}

function Stats() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const s = useApi<{
    total: RatingStats;
    byMatter: Group[];
    byClerk: Group[];
    byPoint: Group[];
    byMonth: Group[];
  }>('/api/rating/stats', {
    from: range[0].format('YYYY-MM-DD'),
    to: range[1].format('YYYY-MM-DD'),
  });
  const table = (title: string, rows: Group[]) => (
    <Table<Group>
      title={() => title}
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: '', dataIndex: 'key' },
        { title: '评价数', render: (_, g) => g.stats.ratings },
        { title: '好评', render: (_, g) => g.stats.good },
        { title: '中评', render: (_, g) => g.stats.neutral },
        { title: '差评', render: (_, g) => g.stats.bad },
        { title: '好评率', render: (_, g) => pct(g.stats.goodRateBp) },
        { title: '差评回访率', render: (_, g) => pct(g.stats.callbackRateBp) },
        { title: '差评整改率', render: (_, g) => pct(g.stats.rectifyRateBp) },
      ]}
    />
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <DatePicker.RangePicker
        value={range}
        allowClear={false}
        onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])}
      />
      {s.data && (
        <>
          <Space size="large" wrap>
            <Statistic title="评价数" value={s.data.total.ratings} />
            <Statistic title="好评率" value={pct(s.data.total.goodRateBp)} />
            <Statistic title="差评" value={s.data.total.bad} />
            <Statistic title="差评回访率" value={pct(s.data.total.callbackRateBp)} />
            <Statistic title="差评整改率" value={pct(s.data.total.rectifyRateBp)} />
          </Space>
          {table('按月份', s.data.byMonth)}
          {table('按事项', s.data.byMatter)}
          {table('按经办人（编号）', s.data.byClerk)}
          {table('按服务点', s.data.byPoint)}
        </>
      )}
    </Space>
  );
}

export default function RatingPage() {
  const staff = useStaff();
  return (
    <Card title="好差评">
      <Tabs
        items={[
          ...(staff.permissions.includes('rating.invite')
            ? [{ key: 'invite', label: '窗口评价器', children: <Invite /> }]
            : []),
          { key: 'rect', label: '差评整改', children: <Rectifications /> },
          { key: 'stats', label: '评价统计', children: <Stats /> },
        ]}
      />
    </Card>
  );
}
