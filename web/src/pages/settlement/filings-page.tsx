// 异地就医备案 and 门慢门特资格: what the engine reads at settlement about a person. Clerks record them
// here (as institutions' HIS record referrals by 2501), cancel a filing or end a qualification early
// with a reason, and export both lists; every role reads them (agents their own village's persons).
// 人员定点备案 (the institutions a person chose, filed by a HIS with 2505) are listed beside them, and
// a clerk may cancel one with a reason.
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { qualificationExpired } from '../../../../src/domain/settlement/qualification-end.ts';
import { FILING_TYPE_NAMES, FILING_TYPES } from '../../../../src/domain/settlement/types.ts';
import type {
  DesignationRow,
  FilingBody,
  FilingRow,
  QualificationBody,
  QualificationRow,
} from '../../../../src/modules/settlement/contract.ts';
import { FormDrawer } from '../../components/form-drawer.tsx';
import { ApiError, api, withQuery } from '../../lib/api.ts';
import { mapApiError } from '../../lib/field-errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { useDrawer } from '../../lib/use-drawer.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { QualificationEndModal } from './qualification-end-modal.tsx';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export default function FilingsPage() {
  const staff = useStaff();
  const canRecord = staff.permissions.includes('settlement.filing');
  return (
    <Card title="异地就医备案与门慢门特资格">
      <Tabs
        items={[
          { key: 'filings', label: '异地就医备案', children: <Filings canRecord={canRecord} /> },
          {
            key: 'qualifications',
            label: '门慢门特资格',
            children: <Qualifications canRecord={canRecord} />,
          },
          { key: 'designations', label: '人员定点备案', children: <Designations canRecord={canRecord} /> },
        ]}
      />
    </Card>
  );
}

/** The person filter and the paging the lists share, with the add button and the export. */
function useList<T>(path: string, extra: Record<string, string | undefined> = {}) {
  const [psnNo, setPsnNo] = useState('');
  const [page, setPage] = useState(1);
  const query = { psnNo: psnNo || undefined, ...extra };
  const list = useApi<{ items: T[]; total: number }>(path, { ...query, page, pageSize: 20 });
  const bar = (add: (() => void) | null) => (
    <Space style={{ marginBottom: 12 }} wrap>
      <Input.Search
        allowClear
        placeholder="人员编号"
        onSearch={(v) => {
          setPsnNo(v.trim());
          setPage(1);
        }}
        style={{ width: 240 }}
      />
      {add && (
        <Button type="primary" onClick={add}>
          新增
        </Button>
      )}
      <Button href={withQuery(`${path}.xlsx`, query)}>导出 xlsx</Button>
    </Space>
  );
  const pagination = { current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage };
  return { list, bar, pagination, setPage };
}

/** 撤销 with its reason asked in the confirmation; posts { reason } to `url`, then tells and reloads. */
function CancelWithReason({
  title,
  url,
  success,
  done,
}: {
  title: string;
  url: string;
  success: string;
  done: () => void;
}) {
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const cancel = async () => {
    try {
      await api.post(url, { reason: reason.trim() });
      message.success(success);
      done();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Popconfirm
      title={title}
      description={
        <Input
          placeholder="撤销原因"
          onChange={(e) => setReason(e.target.value)}
          data-testid="cancel-reason"
        />
      }
      okText="撤销"
      cancelText="取消"
      onOpenChange={() => setReason('')}
      onConfirm={cancel}
    >
      <Button size="small" danger>
        撤销
      </Button>
    </Popconfirm>
  );
}

function Filings({ canRecord }: { canRecord: boolean }) {
  const { list, bar, pagination } = useList<FilingRow>('/api/settlement/filings');
  const drawer = useDrawer<null>();
  return (
    <div data-testid="filings">
      {bar(canRecord ? () => drawer.show(null) : null)}
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Table<FilingRow>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ ...pagination, showTotal: (n) => `共 ${n} 条` }}
        locale={{ emptyText: '没有有效的异地就医备案' }}
        columns={[
          { title: '备案号', dataIndex: 'id', width: 80 },
          { title: '人员', render: (_, r) => `${r.psnName}（${r.psnNo}）` },
          { title: '类型', render: (_, r) => FILING_TYPE_NAMES[r.type] },
          { title: '就医地', dataIndex: 'destination' },
          { title: '期间', render: (_, r) => `${r.beginDate} 至 ${r.endDate ?? '长期'}` },
          {
            title: '办理渠道',
            render: (_, r) =>
              r.fixmedinsCode ? <Tag color="blue">{r.fixmedinsCode} HIS</Tag> : <Tag>经办窗口</Tag>,
          },
          { title: '登记时间', render: (_, r) => formatDateTime(r.createdAt) },
          ...(canRecord
            ? [
                {
                  title: '操作',
                  render: (_: unknown, r: FilingRow) => (
                    <CancelWithReason
                      title={`撤销备案 ${r.id}`}
                      url={`/api/settlement/filings/${r.id}/cancel`}
                      success={`备案 ${r.id} 已撤销`}
                      done={list.reload}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormDrawer
        open={drawer.open}
        formKey={drawer.seq}
        size={480}
        title="新增异地就医备案"
        onClose={drawer.hide}
      >
        <FilingForm
          onSaved={() => {
            drawer.hide();
            list.reload();
          }}
        />
      </FormDrawer>
    </div>
  );
}

type FilingValues = Omit<FilingBody, 'beginDate' | 'endDate'> & { beginDate?: Dayjs; endDate?: Dayjs | null };

function FilingForm({ onSaved }: { onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FilingValues>();
  const { formError, saving, submit } = useFormSubmit(form, (err) =>
    mapApiError(err, { fields: ['psnNo', 'type', 'destination', 'beginDate', 'endDate'] }),
  );
  const onFinish = (v: FilingValues) =>
    submit(async () => {
      await api.post('/api/settlement/filings', {
        psnNo: v.psnNo,
        type: v.type,
        destination: v.destination,
        beginDate: day(v.beginDate),
        endDate: day(v.endDate),
      });
      message.success('异地就医备案已登记');
      onSaved();
    });
  return (
    <Form
      form={form}
      name="filing"
      layout="vertical"
      onFinish={onFinish}
      initialValues={{ type: 'temporary' }}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form.Item name="psnNo" label="人员编号" rules={[{ required: true, message: '请填写人员编号' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="type" label="备案类型" rules={[{ required: true }]}>
        <Select options={FILING_TYPES.map((t) => ({ value: t, label: FILING_TYPE_NAMES[t] }))} />
      </Form.Item>
      <Form.Item
        name="destination"
        label="就医地（行政区划代码或其前缀）"
        rules={[{ required: true, pattern: /^\d{2,6}$/, message: '请填写 2–6 位行政区划代码' }]}
      >
        <Input placeholder="如 410102，或 41 表示全省" />
      </Form.Item>
      <Form.Item name="beginDate" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="endDate" label="结束日期（不填为长期）">
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        登记
      </Button>
    </Form>
  );
}

function Qualifications({ canRecord }: { canRecord: boolean }) {
  const { list, bar, pagination } = useList<QualificationRow>('/api/settlement/disease-qualifications');
  const drawer = useDrawer<null>();
  const [ending, setEnding] = useState<QualificationRow | null>(null);
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <div data-testid="qualifications">
      {bar(canRecord ? () => drawer.show(null) : null)}
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Table<QualificationRow>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ ...pagination, showTotal: (n) => `共 ${n} 条` }}
        locale={{ emptyText: '没有门慢门特资格' }}
        columns={[
          { title: '编号', dataIndex: 'id', width: 80 },
          { title: '人员', render: (_, r) => `${r.psnName}（${r.psnNo}）` },
          { title: '病种编码', dataIndex: 'diseaseCode' },
          { title: '定点机构', render: (_, r) => r.institutionCodes.join('、') },
          { title: '期间', render: (_, r) => `${r.validFrom} 至 ${r.validTo ?? '长期'}` },
          { title: '登记时间', render: (_, r) => formatDateTime(r.createdAt) },
          ...(canRecord
            ? [
                {
                  title: '操作',
                  render: (_: unknown, r: QualificationRow) =>
                    qualificationExpired(r, today) ? (
                      <Tag>已到期</Tag>
                    ) : (
                      <Button size="small" danger onClick={() => setEnding(r)}>
                        终止
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <QualificationEndModal
        qualification={ending}
        onClose={() => setEnding(null)}
        onEnded={() => {
          setEnding(null);
          list.reload();
        }}
      />
      <FormDrawer
        open={drawer.open}
        formKey={drawer.seq}
        size={480}
        title="新增门慢门特资格"
        onClose={drawer.hide}
      >
        <QualificationForm
          onSaved={() => {
            drawer.hide();
            list.reload();
          }}
        />
      </FormDrawer>
    </div>
  );
}

type QualificationValues = Omit<QualificationBody, 'validFrom' | 'validTo' | 'institutionCodes'> & {
  institutionCodes?: string;
  validFrom?: Dayjs;
  validTo?: Dayjs | null;
};

function QualificationForm({ onSaved }: { onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<QualificationValues>();
  const { formError, saving, submit } = useFormSubmit(form, (err) =>
    mapApiError(err, { fields: ['psnNo', 'diseaseCode', 'institutionCodes', 'validFrom', 'validTo'] }),
  );
  const onFinish = (v: QualificationValues) =>
    submit(async () => {
      await api.post('/api/settlement/disease-qualifications', {
        psnNo: v.psnNo,
        diseaseCode: v.diseaseCode,
        institutionCodes: (v.institutionCodes ?? '').split(/[\s,，、]+/).filter(Boolean),
        validFrom: day(v.validFrom),
        validTo: day(v.validTo),
      });
      message.success('门慢门特资格已登记');
      onSaved();
    });
  return (
    <Form form={form} name="qualification" layout="vertical" onFinish={onFinish}>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form.Item name="psnNo" label="人员编号" rules={[{ required: true, message: '请填写人员编号' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="diseaseCode" label="病种编码" rules={[{ required: true, message: '请填写病种编码' }]}>
        <Input placeholder="如 I10" />
      </Form.Item>
      <Form.Item
        name="institutionCodes"
        label="定点机构编码（多家以逗号分隔）"
        rules={[{ required: true, message: '请至少填写一家定点机构' }]}
      >
        <Input placeholder="如 H41092600101" />
      </Form.Item>
      <Form.Item name="validFrom" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="validTo" label="结束日期（不填为长期）">
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        登记
      </Button>
    </Form>
  );
}

function Designations({ canRecord }: { canRecord: boolean }) {
  const [all, setAll] = useState(false);
  const { list, bar, pagination, setPage } = useList<DesignationRow>('/api/settlement/designations', {
    all: all ? '1' : undefined,
  });
  return (
    <div data-testid="designations">
      <Space align="start" wrap>
        {bar(null)}
        <Checkbox
          checked={all}
          onChange={(e) => {
            setAll(e.target.checked);
            setPage(1);
          }}
          style={{ marginTop: 5 }}
        >
          含已撤销
        </Checkbox>
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Table<DesignationRow>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ ...pagination, showTotal: (n) => `共 ${n} 条` }}
        locale={{ emptyText: '没有人员定点备案（定点医药机构通过 HIS 2505 办理）' }}
        columns={[
          { title: '流水号', dataIndex: 'id', width: 80 },
          { title: '人员', render: (_, r) => `${r.psnName}（${r.psnNo}）` },
          { title: '业务申请类型', dataIndex: 'bizType' },
          { title: '定点排序号', dataIndex: 'order' },
          { title: '定点机构', render: (_, r) => `${r.fixmedinsName ?? ''}（${r.fixmedinsCode}）` },
          { title: '期间', render: (_, r) => `${r.beginDate} 至 ${r.endDate ?? '长期'}` },
          { title: '办理机构', render: (_, r) => <Tag color="blue">{r.filedBy} HIS</Tag> },
          { title: '登记时间', render: (_, r) => formatDateTime(r.createdAt) },
          {
            title: '状态',
            render: (_, r) =>
              r.cancelledAt ? <Tag>已撤销：{r.cancelReason ?? ''}</Tag> : <Tag color="green">有效</Tag>,
          },
          ...(canRecord
            ? [
                {
                  title: '操作',
                  render: (_: unknown, r: DesignationRow) =>
                    r.cancelledAt ? null : (
                      <CancelWithReason
                        title={`撤销定点备案 ${r.id}`}
                        url={`/api/settlement/designations/${r.id}/cancel`}
                        success={`定点备案 ${r.id} 已撤销`}
                        done={list.reload}
                      />
                    ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
