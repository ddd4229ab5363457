// 参保进度: the ranking chart and the table (target, insured, subsidised, rate) with the county
// total; the two lowest-rated townships are marked, as the bureau calls them in.
import { Card, Col, Row, Statistic, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Loaded } from '../../components/page-state.tsx';
import { bpToPercent } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { type EnrollmentProgress, lastTwoCodes, RED, type TownshipProgress } from './dashboard-data.ts';

// The chart (and with it ECharts, most of this page's weight) loads in its own chunk, fetched as
// soon as this module runs, so the figures' requests and the table do not wait for it.
const chartModule = import('./township-echarts.tsx');
const TownshipChart = lazy(() => chartModule);

const count = (n: number) => n.toLocaleString('zh-CN');

export function EnrollmentSection({ year }: { year: number | null }) {
  const progress = useApi<EnrollmentProgress>('/api/dashboard/enrollment', { year });
  return (
    <Card title={`参保进度（${progress.data?.year ?? year ?? '本'}年度）`}>
      <Loaded {...progress} empty={(d) => d.townships.length === 0} emptyText="本辖区没有乡镇数据">
        {(d) => <EnrollmentBody data={d} />}
      </Loaded>
    </Card>
  );
}

function EnrollmentBody({ data }: { data: EnrollmentProgress }) {
  const lastTwo = lastTwoCodes(data.townships);
  const columns: TableColumnsType<TownshipProgress> = [
    { title: '排名', dataIndex: 'rank', width: 64, align: 'center' },
    {
      title: '乡镇',
      dataIndex: 'name',
      render: (name: string, t) => (
        <>
          {name}
          {lastTwo.includes(t.code) && (
            <Tag color="red" style={{ marginLeft: 8 }}>
              末位
            </Tag>
          )}
        </>
      ),
    },
    { title: '应参保人数', dataIndex: 'target', align: 'right', render: count },
    { title: '已参保人数', dataIndex: 'insured', align: 'right', render: count },
    { title: '其中资助参保', dataIndex: 'subsidised', align: 'right', render: count },
    {
      title: '参保率',
      dataIndex: 'rateBp',
      align: 'right',
      render: (bp: number | null, t) =>
        lastTwo.includes(t.code) ? (
          <Typography.Text strong style={{ color: RED }}>
            {bpToPercent(bp)}
          </Typography.Text>
        ) : (
          bpToPercent(bp)
        ),
    },
  ];
  return (
    <>
      <Row gutter={16} style={{ marginBottom: 8 }}>
        <Col span={6}>
          <Statistic title="全县参保率" value={bpToPercent(data.county.rate)} />
        </Col>
        <Col span={6}>
          <Statistic title="应参保人数" value={count(data.county.target)} />
        </Col>
        <Col span={6}>
          <Statistic title="已参保人数" value={count(data.county.insured)} />
        </Col>
        <Col span={6}>
          <Statistic title="资助参保人数" value={count(data.county.subsidised)} />
        </Col>
      </Row>
      <Row gutter={24}>
        <Col xs={24} xl={11}>
          <Suspense fallback={<div style={{ height: data.townships.length * 34 + 48 }} aria-busy="true" />}>
            <TownshipChart townships={data.townships} countyBp={data.county.rate} />
          </Suspense>
        </Col>
        <Col xs={24} xl={13}>
          <Table<TownshipProgress>
            data-testid="township-table"
            size="small"
            rowKey="code"
            columns={columns}
            dataSource={data.townships}
            pagination={false}
            summary={() => (
              <Table.Summary.Row style={{ fontWeight: 600 }}>
                <Table.Summary.Cell index={0} colSpan={2}>
                  全县合计
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {count(data.county.target)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {count(data.county.insured)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {count(data.county.subsidised)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  {bpToPercent(data.county.rate)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        </Col>
      </Row>
    </>
  );
}
