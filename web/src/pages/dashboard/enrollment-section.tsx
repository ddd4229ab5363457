// 参保进度: the ranking chart and the table (target, insured, subsidised, rate) with the county
// total; the two lowest-rated townships are marked, as the bureau calls them in.
import { Card, Col, Row, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Loaded } from '../../components/page-state.tsx';
import { bpToPercent } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { type EnrollmentProgress, lastTwoCodes, RED, type TownshipProgress } from './dashboard-data.ts';
import { DrillFigure } from './figure-persons.tsx';
import { count, Headline, TotalRow } from './figures.tsx';

// The chart (and with it ECharts, most of this page's weight) loads in its own chunk, fetched as
// soon as this module runs, so the figures' requests and the table do not wait for it.
const chartModule = import('./township-echarts.tsx');
const TownshipChart = lazy(() => chartModule);

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
    {
      title: '已参保人数',
      dataIndex: 'insured',
      align: 'right',
      render: (n: number, t) => (
        <DrillFigure
          value={n}
          target={{ figure: 'insured', year: data.year, townshipCode: t.code, label: t.name }}
        />
      ),
    },
    {
      title: '其中资助参保',
      dataIndex: 'subsidised',
      align: 'right',
      render: (n: number, t) => (
        <DrillFigure
          value={n}
          target={{ figure: 'subsidised', year: data.year, townshipCode: t.code, label: t.name }}
        />
      ),
    },
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
      <Headline
        marginBottom={8}
        figures={[
          ['全县参保率', bpToPercent(data.county.rate)],
          ['应参保人数', count(data.county.target)],
          [
            '已参保人数',
            count(data.county.insured),
            <DrillFigure
              key="i"
              value={data.county.insured}
              target={{ figure: 'insured', year: data.year, label: '全县' }}
            />,
          ],
          [
            '资助参保人数',
            count(data.county.subsidised),
            <DrillFigure
              key="s"
              value={data.county.subsidised}
              target={{ figure: 'subsidised', year: data.year, label: '全县' }}
            />,
          ],
        ]}
      />
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
              <TotalRow
                label="全县合计"
                labelSpan={2}
                values={[
                  count(data.county.target),
                  <DrillFigure
                    key="i"
                    value={data.county.insured}
                    target={{ figure: 'insured', year: data.year, label: '全县' }}
                  />,
                  <DrillFigure
                    key="s"
                    value={data.county.subsidised}
                    target={{ figure: 'subsidised', year: data.year, label: '全县' }}
                  />,
                  bpToPercent(data.county.rate),
                ]}
              />
            )}
          />
        </Col>
      </Row>
    </>
  );
}
