// 结算概况: today's and this month's settlements and fund payouts by scheme or by care type.
// Amounts are net of reversals (撤销) as the API sums them; the count is net as well.
import { Card, Segmented, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Money } from '../../components/money.tsx';
import { Loaded } from '../../components/page-state.tsx';
import { fenToYuan } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import {
  type Breakdown,
  type PeriodSummary,
  type SettlementSummary,
  type SummaryLine,
  settlementRows,
} from './dashboard-data.ts';
import { Headline } from './figures.tsx';

const isTotal = (l: SummaryLine) => l.code === 'total';
const strong = (l: SummaryLine, node: ReactNode) => (isTotal(l) ? <strong>{node}</strong> : node);
const money = (key: keyof SummaryLine, title: string) => ({
  title,
  dataIndex: key,
  align: 'right' as const,
  render: (fen: number, l: SummaryLine) => <Money fen={fen} strong={isTotal(l)} />,
});

function columns(by: Breakdown): TableColumnsType<SummaryLine> {
  return [
    {
      title: by === 'scheme' ? '险种' : '医疗类别',
      dataIndex: 'name',
      render: (name: string, l) => strong(l, name),
    },
    { title: '结算笔数', dataIndex: 'count', align: 'right', render: (n: number, l) => strong(l, n) },
    { title: '其中撤销', dataIndex: 'reversals', align: 'right' },
    money('medfeeFen', '医疗费总额'),
    money('fundFen', '基金支付合计'),
    money('basicFen', '统筹基金'),
    money('criticalFen', '大病保险（含职工大额）'),
    money('assistanceFen', '医疗救助'),
    money('accountFen', '个人账户'),
    money('cashFen', '个人现金'),
  ];
}

function PeriodCard({
  title,
  p,
  by,
  testId,
}: {
  title: string;
  p: PeriodSummary;
  by: Breakdown;
  testId: string;
}) {
  const range = p.from === p.to ? p.from : `${p.from} 至 ${p.to}`;
  return (
    <Card type="inner" title={`${title}（${range}）`} style={{ marginBottom: 16 }} data-testid={testId}>
      <Headline
        marginBottom={12}
        figures={[
          ['结算笔数（净）', p.total.count],
          ['医疗费总额（元）', fenToYuan(p.total.medfeeFen)],
          ['基金支付（元）', fenToYuan(p.total.fundFen)],
          ['个人现金（元）', fenToYuan(p.total.cashFen)],
        ]}
      />
      <Table<SummaryLine>
        size="small"
        rowKey="code"
        columns={columns(by)}
        dataSource={settlementRows(p, by)}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '该期间没有结算' }}
      />
    </Card>
  );
}

export function SettlementSection({
  date,
  by,
  onBy,
  extra,
}: {
  date: string | null;
  by: Breakdown;
  onBy: (by: Breakdown) => void;
  extra: ReactNode;
}) {
  const summary = useApi<SettlementSummary>('/api/dashboard/settlements', { date });
  return (
    <Card
      title="结算与基金支出"
      extra={
        <Segmented<Breakdown>
          aria-label="分类方式"
          value={by}
          onChange={onBy}
          options={[
            { label: '按险种', value: 'scheme' },
            { label: '按医疗类别', value: 'care' },
          ]}
        />
      }
    >
      {extra}
      <Loaded {...summary}>
        {(d) => (
          <>
            <PeriodCard title="当日" p={d.today} by={by} testId="settlements-today" />
            <PeriodCard title="本月累计" p={d.month} by={by} testId="settlements-month" />
          </>
        )}
      </Loaded>
    </Card>
  );
}
