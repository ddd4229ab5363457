// The outcome of one import job: the summary (rows read, written, unchanged, skipped, errors),
// the per-row error report a page at a time, and the whole report as xlsx or csv.
import {
  Alert,
  Button,
  Card,
  Col,
  Row,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { Loaded } from '../../components/page-state.tsx';
import type { Page } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import {
  errorReportUrl,
  type ImportJob,
  type KindInfo,
  MODE_NAMES,
  missingColumns,
  type RowErrorItem,
  summarise,
} from './import-logic.ts';

const ERROR_PAGE_SIZE = 10;

const columns: TableColumnsType<RowErrorItem> = [
  { title: '行号', dataIndex: 'rowNo', width: 72, align: 'right' },
  { title: '列', dataIndex: 'column', width: 140, render: (c: string) => c || '（整行）' },
  { title: '原值', dataIndex: 'value', width: 180, render: (v: string) => v || '（空）' },
  { title: '错误原因', dataIndex: 'reason' },
  { title: '身份证号', dataIndex: 'certno', width: 190 },
  { title: '姓名', dataIndex: 'name', width: 100 },
];

export function JobResult({
  job,
  kinds,
  errorPage,
  onErrorPage,
}: {
  job: ImportJob;
  kinds: KindInfo[];
  errorPage: number;
  onErrorPage: (page: number) => void;
}) {
  const s = summarise(job);
  const hasErrors = job.rejected > 0;
  const errors = useApi<Page<RowErrorItem>>(hasErrors ? `/api/import/jobs/${job.id}/error-rows` : null, {
    page: errorPage,
    pageSize: ERROR_PAGE_SIZE,
  });
  const missing = missingColumns(job.details);
  const kindName = kinds.find((k) => k.kind === job.kind)?.name ?? job.kind;

  return (
    <Card title={`导入结果：作业 #${job.id}`} data-testid="import-result">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {kindName} · {job.fileName} · {MODE_NAMES[job.mode]} · {job.actorName} ·{' '}
          {formatDateTime(job.finishedAt ?? job.createdAt)}
        </Typography.Text>
        <Alert
          type={s.tone}
          showIcon
          title={job.status === 'failed' ? '文件未导入' : job.written ? '导入完成' : '未写入任何数据'}
          description={
            <>
              {job.message}
              {missing.length > 0 && <div>缺少的列：{missing.join('、')}</div>}
            </>
          }
        />
        {job.status === 'done' && (
          <Row gutter={16} data-testid="import-summary">
            <Col span={5}>
              <Statistic title="读取行数" value={s.read} />
            </Col>
            <Col span={5}>
              <Statistic title="写入行数（新增+更新）" value={s.written} />
            </Col>
            <Col span={4}>
              <Statistic title="未变化" value={s.unchanged} />
            </Col>
            <Col span={5}>
              <Statistic title="跳过行数（有错）" value={s.skipped} />
            </Col>
            <Col span={5}>
              <Statistic title="错误条数" value={hasErrors ? (errors.data?.total ?? '…') : 0} />
            </Col>
          </Row>
        )}
        {hasErrors && (
          <>
            <Space style={{ justifyContent: 'space-between', width: '100%' }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                错误报告
              </Typography.Title>
              <Space>
                <Button href={errorReportUrl(job.id, 'xlsx')}>下载错误报告（Excel）</Button>
                <Button href={errorReportUrl(job.id, 'csv')}>下载错误报告（CSV）</Button>
              </Space>
            </Space>
            <Loaded {...errors}>
              {(d) => (
                <Table<RowErrorItem>
                  data-testid="import-errors"
                  size="small"
                  rowKey="seq"
                  columns={columns}
                  dataSource={d.items}
                  loading={errors.loading}
                  pagination={{
                    current: errorPage,
                    pageSize: ERROR_PAGE_SIZE,
                    total: d.total,
                    showSizeChanger: false,
                    showTotal: (t) => `共 ${t} 条错误`,
                    onChange: onErrorPage,
                  }}
                />
              )}
            </Loaded>
          </>
        )}
      </Space>
    </Card>
  );
}
