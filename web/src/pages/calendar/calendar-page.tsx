// 工作日历: the holidays and 调休 working days that every time limit counts with. All staff see it
// and can compute a due date; the admin loads a year (pasting the State Council's arrangement) and
// adjusts single days, each with a reason kept in the history.
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { CalendarDay, DayChange, YearRow } from '../../../../src/modules/calendar/contract.ts';
import { LoadError, Loading } from '../../components/page-state.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { parseDays } from './parse-days.ts';

const WEEK = '日一二三四五六';
const KIND_TAG = { holiday: <Tag color="red">休</Tag>, workday: <Tag color="blue">调休上班</Tag> };

export default function CalendarPage() {
  const staff = useStaff();
  const admin = staff.permissions.includes('calendar.edit');
  const years = useApi<{ items: YearRow[] }>('/api/calendar/years');
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const loaded = years.data?.items.some((y) => y.year === year) ?? false;
  const detail = useApi<{ days: CalendarDay[]; changes: DayChange[] }>(
    loaded ? `/api/calendar/years/${year}` : null,
  );
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState(false);
  const options = useMemo(() => {
    const set = new Set([...(years.data?.items.map((y) => y.year) ?? []), thisYear, thisYear + 1]);
    return [...set].sort((a, b) => b - a).map((y) => ({ value: y, label: `${y} 年` }));
  }, [years.data, thisYear]);
  const reload = () => {
    years.reload();
    detail.reload();
  };

  if (years.error) return <LoadError error={years.error} onRetry={years.reload} />;
  if (!years.data) return <Loading />;
  const row = years.data.items.find((y) => y.year === year);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title="工作日历"
        extra={
          <Space>
            <Select
              aria-label="年度"
              value={year}
              options={options}
              onChange={setYear}
              style={{ width: 120 }}
            />
            {admin && <Button onClick={() => setImporting(true)}>导入{year}年安排</Button>}
            {admin && loaded && <Button onClick={() => setEditing(true)}>调整某日</Button>}
          </Space>
        }
      >
        {!loaded ? (
          <Alert
            type="warning"
            showIcon
            title={`${year} 年的工作日历尚未导入`}
            description="办理时限按工作日计算：该年度的节假日与调休安排导入前，跨入该年度的时限无法计算。"
          />
        ) : (
          <>
            <p data-testid="calendar-summary">
              {row?.source === 'library' ? '来源：内置节假日数据' : `来源：本局导入（${row?.loadedBy}）`}
              ，法定节假日 {row?.holidays} 天，调休上班 {row?.workdays} 天。
            </p>
            <Table<CalendarDay>
              data-testid="calendar-days"
              rowKey="day"
              size="small"
              loading={detail.loading}
              dataSource={detail.data?.days ?? []}
              pagination={false}
              columns={[
                { title: '日期', dataIndex: 'day' },
                { title: '星期', render: (_, d) => `星期${WEEK[dayjs(d.day).day()]}` },
                { title: '类型', render: (_, d) => KIND_TAG[d.kind] },
                { title: '节日', dataIndex: 'name' },
              ]}
            />
          </>
        )}
      </Card>
      <DueCalculator />
      {loaded && (detail.data?.changes.length ?? 0) > 0 && (
        <Card title="调整记录">
          <Table<DayChange>
            rowKey={(c) => `${c.day}-${c.changedAt}`}
            size="small"
            dataSource={detail.data?.changes ?? []}
            columns={[
              { title: '日期', dataIndex: 'day' },
              { title: '原类型', render: (_, c) => (c.oldKind ? KIND_TAG[c.oldKind] : '普通日') },
              { title: '新类型', render: (_, c) => (c.newKind ? KIND_TAG[c.newKind] : '普通日') },
              { title: '原因', dataIndex: 'reason' },
              { title: '操作人', dataIndex: 'changedBy' },
              { title: '时间', render: (_, c) => formatDateTime(c.changedAt) },
            ]}
          />
        </Card>
      )}
      <ImportDrawer year={year} open={importing} onClose={() => setImporting(false)} onDone={reload} />
      <DayDrawer year={year} open={editing} onClose={() => setEditing(false)} onDone={reload} />
    </Space>
  );
}

function DueCalculator() {
  const [from, setFrom] = useState(dayjs().format('YYYY-MM-DD'));
  const [days, setDays] = useState(20);
  const [answer, setAnswer] = useState<{ due?: string; error?: string } | null>(null);
  const compute = async () => {
    try {
      const r = await api.get<{ due: string }>('/api/calendar/due', { from, days });
      setAnswer({ due: r.due });
    } catch (e) {
      setAnswer({ error: e instanceof ApiError ? e.message : String(e) });
    }
  };
  return (
    <Card title="办理时限计算">
      <Space wrap>
        <span>自</span>
        <DatePicker
          aria-label="起算日"
          value={dayjs(from)}
          onChange={(d) => d && setFrom(d.format('YYYY-MM-DD'))}
        />
        <span>起</span>
        <InputNumber aria-label="工作日数" min={0} max={365} value={days} onChange={(v) => setDays(v ?? 0)} />
        <span>个工作日</span>
        <Button type="primary" onClick={compute}>
          计算
        </Button>
        {answer?.due && <strong data-testid="due-date">到期日：{answer.due}</strong>}
        {answer?.error && <Alert type="error" showIcon title={answer.error} />}
      </Space>
    </Card>
  );
}

function ImportDrawer(props: { year: number; open: boolean; onClose: () => void; onDone: () => void }) {
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const parsed = parseDays(text);
  const submit = async () => {
    setError(null);
    try {
      await api.put(`/api/calendar/years/${props.year}`, { days: parsed.days, reason: reason || undefined });
      props.onDone();
      props.onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Drawer
      title={`导入 ${props.year} 年节假日与调休安排`}
      open={props.open}
      onClose={props.onClose}
      size="large"
    >
      <Form layout="vertical" onFinish={submit}>
        <Form.Item
          label="安排（每行一日：日期 休/班 节日）"
          help={parsed.errors.join('；') || `已识别 ${parsed.days.length} 天`}
        >
          <Input.TextArea
            aria-label="安排"
            rows={14}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={`${props.year}-01-01 休 元旦\n${props.year}-02-14 班 春节`}
          />
        </Form.Item>
        <Form.Item label="依据（如国务院办公厅通知文号）">
          <Input aria-label="依据" value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button
          type="primary"
          htmlType="submit"
          disabled={parsed.errors.length > 0 || parsed.days.length === 0}
        >
          导入（替换该年度）
        </Button>
      </Form>
    </Drawer>
  );
}

function DayDrawer(props: { year: number; open: boolean; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { day: dayjs.Dayjs; kind: string; name?: string; reason: string }) => {
    setError(null);
    try {
      await api.put(`/api/calendar/days/${v.day.format('YYYY-MM-DD')}`, {
        kind: v.kind === 'none' ? null : v.kind,
        name: v.name ?? '',
        reason: v.reason,
      });
      form.resetFields();
      props.onDone();
      props.onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Drawer title="调整某日" open={props.open} onClose={props.onClose}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="day" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kind" label="调整为" rules={[{ required: true, message: '请选择类型' }]}>
          <Select
            options={[
              { value: 'holiday', label: '法定节假日（休息）' },
              { value: 'workday', label: '调休上班（周末）' },
              { value: 'none', label: '恢复为普通日' },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label="节日名称">
          <Input />
        </Form.Item>
        <Form.Item name="reason" label="调整原因" rules={[{ required: true, message: '请填写调整原因' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit">
          保存
        </Button>
      </Form>
    </Drawer>
  );
}
