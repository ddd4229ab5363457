// 病历抽查: draw a closed month's sample of each institution's inpatient settlements (at least the
// share, reproducible from the stored seed), assign reviewers in turn, and record each review; a
// finding becomes a suspect in the queue.
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Radio,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { SAMPLE_METHODS } from '../../../../src/domain/supervision/sampling.ts';
import type { SampleRecordRow, SampleRow } from '../../../../src/modules/supervision/contract.ts';
import { MedicalRecords } from '../../components/medical-records.tsx';
import { LoadError } from '../../components/page-state.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { fenToYuan, formatDateTime, percentToBp, yuanToFen } from '../../lib/format.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';

export default function SamplingPage() {
  const [period, setPeriod] = useState<string | undefined>();
  const [open, setOpen] = useState<number | null>(null);
  const samples = useApi<{ items: SampleRow[] }>('/api/supervision/samples', { period });
  return (
    <Card title="病历抽查">
      <Space direction="vertical" style={{ width: '100%' }}>
        <DrawForm onDrawn={samples.reload} />
        <Space>
          <span>月份</span>
          <DatePicker
            picker="month"
            onChange={(d: Dayjs | null) => setPeriod(d ? d.format('YYYY-MM') : undefined)}
          />
        </Space>
        {samples.error ? (
          <LoadError error={samples.error} onRetry={samples.reload} />
        ) : (
          <Table<SampleRow>
            data-testid="samples"
            rowKey="id"
            size="small"
            loading={samples.loading}
            dataSource={samples.data?.items ?? []}
            pagination={false}
            columns={[
              { title: '月份', dataIndex: 'period' },
              { title: '机构', render: (_, s) => s.institutionName ?? s.fixmedinsCode },
              { title: '方式', render: (_, s) => SAMPLE_METHODS[s.method] },
              { title: '比例', render: (_, s) => `${(s.shareBp / 100).toFixed(2)}%` },
              { title: '住院结算', dataIndex: 'population' },
              { title: '抽取', dataIndex: 'size' },
              {
                title: '审查进度',
                render: (_, s) => (
                  <Progress
                    size="small"
                    style={{ width: 120 }}
                    percent={s.size ? Math.round((s.reviewed * 100) / s.size) : 100}
                  />
                ),
              },
              { title: '发现问题', render: (_, s) => (s.findings ? <Tag color="red">{s.findings}</Tag> : 0) },
              { title: '随机种子', dataIndex: 'seed' },
              { title: '抽取人', dataIndex: 'createdBy' },
              { title: '时间', render: (_, s) => formatDateTime(s.createdAt) },
              {
                title: '',
                render: (_, s) => (
                  <Button type="link" onClick={() => setOpen(s.id)}>
                    病历清单
                  </Button>
                ),
              },
            ]}
          />
        )}
        {open !== null && <Records sampleId={open} onChanged={samples.reload} />}
      </Space>
    </Card>
  );
}

function DrawForm({ onDrawn }: { onDrawn: () => void }) {
  const [form] = Form.useForm();
  const reviewers = useApi<{ items: { id: number; username: string; displayName: string }[] }>(
    '/api/supervision/reviewers',
  );
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    setResult(null);
    try {
      const r = await api.post<{ seed: number; drawn: { size: number }[]; skipped: string[] }>(
        '/api/supervision/samples',
        {
          period: (v.period as Dayjs).format('YYYY-MM'),
          shareBp: percentToBp(String(v.sharePercent)),
          method: v.method,
          seed: v.seed ?? null,
          reviewerIds: v.reviewerIds ?? [],
        },
      );
      setResult(
        `已抽取 ${r.drawn.length} 家机构共 ${r.drawn.reduce((n, d) => n + d.size, 0)} 份病历（随机种子 ${r.seed}）` +
          (r.skipped.length ? `；${r.skipped.length} 家机构本月已抽取，未重复抽取` : ''),
      );
      onDrawn();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Form form={form} layout="inline" initialValues={{ sharePercent: 5, method: 'simple' }}>
      <Form.Item name="period" label="抽查月份" rules={[{ required: true, message: '请选择月份' }]}>
        <DatePicker picker="month" />
      </Form.Item>
      <Form.Item name="sharePercent" label="比例（%）" rules={[{ required: true }]}>
        <InputNumber min={0.01} max={100} precision={2} />
      </Form.Item>
      <Form.Item name="method" label="方式">
        <Select
          style={{ width: 150 }}
          options={Object.entries(SAMPLE_METHODS).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      <Form.Item name="reviewerIds" label="审查人员">
        <Select
          mode="multiple"
          style={{ minWidth: 200 }}
          options={(reviewers.data?.items ?? []).map((r) => ({
            value: r.id,
            label: `${r.displayName}（${r.username}）`,
          }))}
        />
      </Form.Item>
      <Form.Item name="seed" label="随机种子">
        <InputNumber min={1} placeholder="自动生成" style={{ width: 130 }} />
      </Form.Item>
      <Button type="primary" onClick={submit}>
        抽取
      </Button>
      {result && <Alert type="success" showIcon message={result} style={{ marginTop: 8, width: '100%' }} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8, width: '100%' }} />}
    </Form>
  );
}

function Records({ sampleId, onChanged }: { sampleId: number; onChanged: () => void }) {
  const staff = useStaff();
  const d = useApi<{ sample: SampleRow; records: SampleRecordRow[] }>(`/api/supervision/samples/${sampleId}`);
  const [reviewing, setReviewing] = useState<SampleRecordRow | null>(null);
  if (d.error) return <LoadError error={d.error} onRetry={d.reload} />;
  return (
    <>
      <Table<SampleRecordRow>
        data-testid="sample-records"
        rowKey="id"
        size="small"
        loading={d.loading}
        dataSource={d.data?.records ?? []}
        pagination={false}
        title={() =>
          d.data ? `${d.data.sample.period} ${d.data.sample.institutionName ?? ''} 抽查病历` : ''
        }
        columns={[
          { title: '结算ID', dataIndex: 'setlId' },
          { title: '参保人', dataIndex: 'psnName' },
          { title: '住院', render: (_, r) => `${r.beginDate ?? ''} 至 ${r.endDate ?? ''}` },
          { title: '主诊断', dataIndex: 'mainDiagCode' },
          { title: '总费用（元）', align: 'right', render: (_, r) => fenToYuan(r.amountFen) },
          { title: '审查人', dataIndex: 'reviewerName' },
          {
            title: '结果',
            render: (_, r) =>
              r.result === null ? (
                <Tag>待审查</Tag>
              ) : r.result === 'ok' ? (
                <Tag color="green">未发现问题</Tag>
              ) : (
                <Tag color="red">发现问题{r.suspectId ? `（疑点 ${r.suspectId}）` : ''}</Tag>
              ),
          },
          { title: '问题', dataIndex: 'finding' },
          {
            title: '',
            render: (_, r) =>
              r.result === null && (r.reviewerId === null || r.reviewerId === staff.id) ? (
                <Button type="link" onClick={() => setReviewing(r)}>
                  审查
                </Button>
              ) : null,
          },
        ]}
      />
      {reviewing && (
        <ReviewModal
          record={reviewing}
          onClose={() => setReviewing(null)}
          onDone={() => {
            setReviewing(null);
            d.reload();
            onChanged();
          }}
        />
      )}
    </>
  );
}

function ReviewModal({
  record,
  onClose,
  onDone,
}: {
  record: SampleRecordRow;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const result = Form.useWatch('result', form);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await api.post(`/api/supervision/sample-records/${record.id}/review`, {
        result: v.result,
        finding: v.finding ?? null,
        atStakeFen: v.result === 'finding' ? yuanToFen(String(v.atStakeYuan ?? 0)) : null,
      });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Modal
      open
      title={`审查病历 ${record.setlId}`}
      onOk={submit}
      onCancel={onClose}
      okText="提交"
      width={960}
    >
      <MedicalRecords setlId={record.setlId} open />
      <Form style={{ marginTop: 12 }} form={form} layout="vertical" initialValues={{ result: 'ok' }}>
        <Form.Item name="result" label="审查结果">
          <Radio.Group
            options={[
              { value: 'ok', label: '未发现问题' },
              { value: 'finding', label: '发现问题' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="finding"
          label="问题描述"
          rules={[{ required: result === 'finding', message: '发现问题须填写问题描述' }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        {result === 'finding' && (
          <Form.Item
            name="atStakeYuan"
            label="涉及金额（元）"
            rules={[{ required: true, message: '请填写涉及金额' }]}
          >
            <InputNumber min={0} precision={2} style={{ width: 200 }} />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
