// 事项统计: for a period of application dates, per matter, per service point and per month — accepted,
// completed, on time, overdue, average working days, 容缺 promises kept — and the figures the work
// report takes from matters; the same as an xlsx workbook.
import { Button, Card, DatePicker, Space, Statistic, Table, Tabs } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { tenthsText } from '../../../../src/domain/matter/stats.ts';
import type {
  MatterStatistics,
  MatterStats,
  MatterStatsGroup,
} from '../../../../src/modules/matter/contract.ts';
import { LoadError } from '../../components/page-state.tsx';
import { withQuery } from '../../lib/api.ts';
import { bpToPercent as pct } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';

const FIGURES: [keyof MatterStatistics['figures'], string][] = [
  ['accepted', '受理（件）'],
  ['completed', '办结（件）'],
  ['delegated', '下沉乡村受理（件）'],
  ['online', '网上办结（件）'],
  ['remoteFilingPersons', '异地就医备案（人）'],
  ['transfers', '转移接续（人次）'],
  ['specialOutpatient', '门特认定（人次）'],
  ['maternity', '生育支付（人次）'],
  ['manualClaims', '零星报销（人次）'],
];

const columns = (first: string) => [
  { title: first, dataIndex: 'name', key: 'name' },
  ...(
    [
      ['applied', '申请'],
      ['accepted', '受理'],
      ['completed', '办结'],
      ['onTime', '按时办结'],
      ['overdue', '超期'],
      ['open', '在办'],
      ['deferred', '容缺受理'],
      ['deferredKept', '容缺按期补齐'],
    ] as [keyof MatterStats, string][]
  ).map(([k, title]) => ({
    title,
    key: k,
    align: 'right' as const,
    render: (_: unknown, g: MatterStatsGroup) => g.stats[k],
  })),
  {
    title: '按时办结率',
    key: 'onTimeRate',
    align: 'right' as const,
    render: (_: unknown, g: MatterStatsGroup) => pct(g.stats.onTimeRateBp),
  },
  {
    title: '平均办理工作日',
    key: 'avg',
    align: 'right' as const,
    render: (_: unknown, g: MatterStatsGroup) => tenthsText(g.stats.avgWorkingDaysTenths),
  },
];

export default function MatterStatsPage() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const query = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const r = useApi<MatterStatistics>('/api/matter/stats', query);
  const s = r.data;
  const table = (first: string, rows: MatterStatsGroup[]) => (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      columns={columns(first)}
      summary={() =>
        s && (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
            {(
              [
                'applied',
                'accepted',
                'completed',
                'onTime',
                'overdue',
                'open',
                'deferred',
                'deferredKept',
              ] as const
            ).map((k, i) => (
              <Table.Summary.Cell key={k} index={i + 1} align="right">
                {s.total[k]}
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={9} align="right">
              {pct(s.total.onTimeRateBp)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={10} align="right">
              {tenthsText(s.total.avgWorkingDaysTenths)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )
      }
    />
  );
  return (
    <Card
      title="事项办理统计"
      extra={
        <Space>
          <DatePicker.RangePicker
            aria-label="申请日期区间"
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          />
          <Button href={withQuery('/api/matter/stats.xlsx', query)}>导出 xlsx</Button>
        </Space>
      }
      loading={r.loading}
    >
      {r.error && <LoadError error={r.error} onRetry={r.reload} />}
      {s && (
        <>
          <Space size="large" wrap style={{ marginBottom: 16 }} data-testid="matter-figures">
            {FIGURES.map(([k, title]) => (
              <Statistic key={k} title={title} value={s.figures[k]} />
            ))}
            <Statistic title="按时办结率" value={pct(s.total.onTimeRateBp)} />
            <Statistic title="平均办理工作日" value={tenthsText(s.total.avgWorkingDaysTenths)} />
            <Statistic title="容缺按期补齐率" value={pct(s.total.deferredKeptRateBp)} />
          </Space>
          <Tabs
            items={[
              { key: 'type', label: '按事项', children: table('事项', s.byType) },
              { key: 'point', label: '按服务点', children: table('服务点', s.byPoint) },
              { key: 'month', label: '按月份', children: table('月份', s.byMonth) },
            ]}
          />
        </>
      )}
    </Card>
  );
}
