// 12345 工单: the list with filters (number/title/caller, state, category, post, dates, overdue), the
// xlsx export of what the filters show, registering a ticket by hand, and the 督办 reminder count.
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  CATEGORY_NAMES,
  POST_NAMES,
  TICKET_CATEGORIES,
  TICKET_POSTS,
  URGENCIES,
  URGENCY_NAMES,
} from '../../../../src/domain/ticket/codes.ts';
import { TICKET_MACHINE } from '../../../../src/domain/ticket/machine.ts';
import type { TicketRow } from '../../../../src/modules/ticket/contract.ts';
import { ApiError, api, withQuery } from '../../lib/api.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';

type Row = TicketRow & { overdue: boolean };
const PAGE = 20;

export default function TicketListPage() {
  const staff = useStaff();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Record<string, string | boolean | undefined>>({});
  const [page, setPage] = useState(1);
  const query = { ...filters, limit: PAGE, offset: (page - 1) * PAGE };
  const list = useApi<{ items: Row[]; total: number }>('/api/ticket/tickets', query);
  const overdue = useApi<{ total: number }>('/api/ticket/overdue');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);

  const search = (v: {
    q?: string;
    state?: string;
    category?: string;
    post?: string;
    range?: [Dayjs, Dayjs];
    overdue?: boolean;
  }) => {
    setPage(1);
    setFilters({
      q: v.q || undefined,
      state: v.state,
      category: v.category,
      post: v.post,
      from: v.range?.[0]?.format('YYYY-MM-DD'),
      to: v.range?.[1]?.format('YYYY-MM-DD'),
      overdue: v.overdue || undefined,
    });
  };

  const register = async () => {
    const v = await form.validateFields();
    try {
      const t = await api.post<Row>('/api/ticket/tickets', {
        ...v,
        receivedOn: v.receivedOn.format('YYYY-MM-DD'),
      });
      setOpen(false);
      navigate(`/ticket/${t.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <Card
      title="12345 工单"
      extra={
        <Space>
          <Link to="/ticket/kpi">考核指标</Link>
          {staff.permissions.includes('ticket.register') && <Link to="/ticket/import">导入平台工单</Link>}
          {staff.permissions.includes('ticket.register') && (
            <Button type="primary" onClick={() => setOpen(true)}>
              登记工单
            </Button>
          )}
        </Space>
      }
    >
      {overdue.data && overdue.data.total > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`${overdue.data.total} 件工单已超期，请督办`}
          action={
            <Button size="small" onClick={() => search({ overdue: true })}>
              查看
            </Button>
          }
        />
      )}
      <Form layout="inline" onFinish={search} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item name="q">
          <Input placeholder="工单编号、标题或来电人" allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="state">
          <Select
            placeholder="状态"
            allowClear
            style={{ width: 130 }}
            options={Object.entries(TICKET_MACHINE.states).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="category">
          <Select
            placeholder="诉求类型"
            allowClear
            style={{ width: 110 }}
            options={TICKET_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_NAMES[c] }))}
          />
        </Form.Item>
        <Form.Item name="post">
          <Select
            placeholder="承办岗位"
            allowClear
            style={{ width: 150 }}
            options={TICKET_POSTS.map((p) => ({ value: p, label: POST_NAMES[p] }))}
          />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker placeholder={['受理起', '受理止']} />
        </Form.Item>
        <Form.Item name="overdue" valuePropName="checked">
          <Checkbox>仅超期</Checkbox>
        </Form.Item>
        <Button htmlType="submit" type="primary">
          查询
        </Button>
        <Button href={withQuery('/api/ticket/tickets.xlsx', { ...filters })}>导出 xlsx</Button>
      </Form>
      {list.error && <Alert type="error" message={list.error.message} />}
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: '工单编号',
            dataIndex: 'platformNo',
            render: (v, r) => <Link to={`/ticket/${r.id}`}>{v}</Link>,
          },
          { title: '受理日期', dataIndex: 'receivedOn' },
          { title: '类型', dataIndex: 'category', render: (c: Row['category']) => CATEGORY_NAMES[c] },
          { title: '标题', dataIndex: 'title', ellipsis: true },
          { title: '承办岗位', dataIndex: 'post', render: (p: Row['post']) => (p ? POST_NAMES[p] : '—') },
          {
            title: '状态',
            dataIndex: 'state',
            render: (s: Row['state'], r) => (
              <Space size={4}>
                {TICKET_MACHINE.states[s]}
                {r.urgency === 'urgent' && <Tag color="red">紧急</Tag>}
                {r.overdue && <Tag color="orange">超期</Tag>}
              </Space>
            ),
          },
          { title: '应办结', dataIndex: 'finishDue', render: (v) => v ?? '—' },
        ]}
      />
      <Modal
        title="登记 12345 工单"
        open={open}
        onOk={register}
        onCancel={() => setOpen(false)}
        okText="登记"
        destroyOnHidden
      >
        {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ urgency: 'normal', category: 'consult', receivedOn: dayjs() }}
        >
          <Form.Item
            name="platformNo"
            label="平台工单编号"
            rules={[{ required: true, message: '请填写平台工单编号' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="receivedOn"
            label="受理日期"
            rules={[{ required: true, message: '请选择受理日期' }]}
          >
            <DatePicker />
          </Form.Item>
          <Space>
            <Form.Item name="category" label="诉求类型">
              <Select
                style={{ width: 120 }}
                options={TICKET_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_NAMES[c] }))}
              />
            </Form.Item>
            <Form.Item name="urgency" label="紧急程度">
              <Select
                style={{ width: 100 }}
                options={URGENCIES.map((u) => ({ value: u, label: URGENCY_NAMES[u] }))}
              />
            </Form.Item>
          </Space>
          <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="content" label="诉求内容" rules={[{ required: true, message: '请填写诉求内容' }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Space>
            <Form.Item name="callerName" label="来电人">
              <Input />
            </Form.Item>
            <Form.Item name="callerPhone" label="联系电话">
              <Input />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </Card>
  );
}
