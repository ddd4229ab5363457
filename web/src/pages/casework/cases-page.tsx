// 违规案件: the list with its state and institution filters, and 立案 from suspects, a 12345 ticket or a complaint.
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ARTICLE_CODES, ARTICLES } from '../../../../src/domain/casework/articles.ts';
import { CASE_SOURCES, VIOLATION_TYPES } from '../../../../src/domain/casework/codes.ts';
import { CASE_STATES } from '../../../../src/domain/casework/machine.ts';
import { Money } from '../../components/money.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { yuanToFen } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';

interface Row {
  id: number;
  fixmedinsCode: string;
  institutionName: string | null;
  source: keyof typeof CASE_SOURCES;
  violationType: string;
  article: keyof typeof ARTICLES;
  lossFen: number;
  state: keyof typeof CASE_STATES;
  dueOn: string | null;
}

export default function CasesPage() {
  const [state, setState] = useState<string | undefined>();
  const [institution, setInstitution] = useState('');
  const [page, setPage] = useState(1);
  const [overdue, setOverdue] = useState(false);
  const list = useApi<{ items: Row[]; total: number }>('/api/casework/cases', {
    state,
    institution: institution.trim() || undefined,
    overdue: overdue ? '1' : undefined,
    page,
  });
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const source = Form.useWatch('source', form);
  const navigate = useNavigate();
  const institutions = useApi<{ items: { code: string; name: string }[] }>(
    open ? '/api/registry/institutions' : null,
    {
      pageSize: 200,
    },
  );

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const r = await api.post<{ case: { id: number } }>('/api/casework/cases', {
        source: v.source,
        fixmedinsCode: v.fixmedinsCode,
        violationType: v.violationType,
        article: v.article,
        facts: v.facts ?? '',
        lossFen: v.loss ? yuanToFen(String(v.loss)) : null,
        suspectIds:
          v.source === 'suspect'
            ? String(v.suspectIds ?? '')
                .split(/[,，\s]+/)
                .filter(Boolean)
                .map(Number)
            : [],
        ticketNo: v.ticketNo ?? null,
        complaint: v.complaint ?? null,
      });
      setOpen(false);
      navigate(`/casework/${r.case.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <Card
      title="违规案件"
      extra={
        <Button
          type="primary"
          onClick={() => {
            setError(null);
            setOpen(true);
          }}
        >
          立案
        </Button>
      }
    >
      <Space style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 140 }}
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={Object.entries(CASE_STATES).map(([value, label]) => ({ value, label }))}
        />
        <Input
          placeholder="定点机构编码"
          value={institution}
          onChange={(e) => setInstitution(e.target.value)}
        />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
          只看超期
        </Checkbox>
      </Space>
      {list.error && <Alert type="error" message={list.error.message} />}
      <Table<Row>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        columns={[
          {
            title: '案件号',
            dataIndex: 'id',
            render: (id: number) => <Link to={`/casework/${id}`}>{id}</Link>,
          },
          { title: '定点机构', render: (_, r) => r.institutionName ?? r.fixmedinsCode },
          { title: '来源', dataIndex: 'source', render: (s: Row['source']) => CASE_SOURCES[s] },
          { title: '违规类型', dataIndex: 'violationType' },
          {
            title: '法律依据',
            dataIndex: 'article',
            render: (a: Row['article']) => ARTICLES[a].title.replace(/^《.*》/, ''),
          },
          {
            title: '损失金额（元）',
            dataIndex: 'lossFen',
            align: 'right',
            render: (f: number) => <Money fen={f} />,
          },
          { title: '状态', dataIndex: 'state', render: (s: Row['state']) => <Tag>{CASE_STATES[s]}</Tag> },
          { title: '办理时限', dataIndex: 'dueOn', render: (d: string | null) => d ?? '—' },
        ]}
      />
      <Modal
        title="立案"
        open={open}
        onOk={submit}
        onCancel={() => setOpen(false)}
        okText="立案"
        destroyOnHidden
      >
        {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" initialValues={{ source: 'complaint', article: '38' }}>
          <Form.Item name="source" label="案件来源" rules={[{ required: true }]}>
            <Select options={Object.entries(CASE_SOURCES).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          {source === 'suspect' && (
            <Form.Item
              name="suspectIds"
              label="疑点号（多个用逗号分隔）"
              rules={[{ required: true, message: '请填写疑点号' }]}
            >
              <Input />
            </Form.Item>
          )}
          {source === 'ticket' && (
            <Form.Item
              name="ticketNo"
              label="12345 工单编号"
              rules={[{ required: true, message: '请填写工单编号' }]}
            >
              <Input />
            </Form.Item>
          )}
          {source === 'complaint' && (
            <Form.Item
              name="complaint"
              label="举报投诉内容"
              rules={[{ required: true, message: '请填写举报内容' }]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
          )}
          <Form.Item
            name="fixmedinsCode"
            label="定点机构"
            rules={[{ required: true, message: '请选择定点机构' }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={(institutions.data?.items ?? []).map((i) => ({
                value: i.code,
                label: `${i.name}（${i.code}）`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="violationType"
            label="违规类型"
            rules={[{ required: true, message: '请选择违规类型' }]}
          >
            <Select options={VIOLATION_TYPES.map((v) => ({ value: v, label: v }))} />
          </Form.Item>
          <Form.Item name="article" label="法律依据" rules={[{ required: true }]}>
            <Select options={ARTICLE_CODES.map((a) => ({ value: a, label: ARTICLES[a].title }))} />
          </Form.Item>
          <Form.Item name="loss" label="基金损失（元，来自疑点时可留空）">
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="facts" label="违规事实">
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
