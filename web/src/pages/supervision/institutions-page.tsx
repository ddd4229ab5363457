// 机构监管画像: each institution's inpatient indicators over a period against the thresholds of the
// institution rules (次均费用 over its level's average, 全自费 share), beside its suspects and the
// amounts at stake and confirmed, its cases, money ledger and its staff's points (for the bureau's
// staff); a chart of average cost against the level's. An institution's own login sees its own row.
import { Card, DatePicker, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import type { InstitutionFigures } from '../../../../src/modules/casework/contract.ts';
import type { InstitutionIndicatorRow } from '../../../../src/modules/supervision/contract.ts';
import { LoadError, Loading } from '../../components/page-state.tsx';
import { bpToPercent, fenToYuan } from '../../lib/format.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';

const InstitutionChart = lazy(() => import('./institution-echarts.tsx'));

type Row = InstitutionIndicatorRow;
interface View {
  thresholds: { avgCostFactorBp: number; selfPayRatioBp: number; minStays: number };
  items: Row[];
}

export default function InstitutionsPage() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const r = useApi<View>('/api/supervision/institutions', {
    from: range[0].format('YYYY-MM-DD'),
    to: range[1].format('YYYY-MM-DD'),
  });
  // cases, ledger and points: the bureau's staff only (the casework module's figures)
  const bureau = useStaff().permissions.includes('casework.read');
  const period = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const figures = useApi<{ items: InstitutionFigures[] }>(
    bureau ? '/api/casework/institutions' : null,
    period,
  );
  const figuresOf = (code: string) => figures.data?.items.find((f) => f.fixmedinsCode === code);
  const t = r.data?.thresholds;
  const ratio = (x: Row) =>
    x.averageFen !== null && x.levelAverageFen ? Math.round((x.averageFen * 100) / x.levelAverageFen) : null;
  const bars = (r.data?.items ?? [])
    .filter((x) => x.stays >= (t?.minStays ?? 20) && ratio(x) !== null)
    .map((x) => ({ name: x.name, percent: ratio(x)! }))
    .sort((a, b) => b.percent - a.percent)
    .slice(0, 12);
  return (
    <Card
      title="机构监管画像"
      extra={
        <Space>
          <span>结算日期</span>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          />
        </Space>
      }
    >
      {r.error && <LoadError error={r.error} onRetry={r.reload} />}
      {!r.data && !r.error && <Loading />}
      {r.data && t && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>
            阈值：次均住院费用超过同级平均的 {t.avgCostFactorBp / 100}%；全自费占比超过{' '}
            {bpToPercent(t.selfPayRatioBp)}
            ；住院不少于 {t.minStays} 人次的机构参与比较。
          </span>
          {bars.length > 0 && (
            <Suspense fallback={<Loading />}>
              <InstitutionChart bars={bars} thresholdPercent={t.avgCostFactorBp / 100} />
            </Suspense>
          )}
          <Table<Row>
            data-testid="institution-indicators"
            rowKey="code"
            size="small"
            pagination={{ pageSize: 20 }}
            dataSource={r.data.items}
            columns={[
              { title: '机构', render: (_, x) => `${x.name}（${x.code}）` },
              { title: '等级', dataIndex: 'level' },
              { title: '住院人次', dataIndex: 'stays', align: 'right' },
              {
                title: '次均费用（元）',
                align: 'right',
                render: (_, x) => {
                  const p = ratio(x);
                  const over = p !== null && x.stays >= t.minStays && p * 100 > t.avgCostFactorBp;
                  return (
                    <Space>
                      {x.averageFen === null ? '—' : fenToYuan(x.averageFen)}
                      {p !== null && <Tag color={over ? 'red' : undefined}>同级 {p}%</Tag>}
                    </Space>
                  );
                },
              },
              {
                title: '全自费占比',
                align: 'right',
                render: (_, x) =>
                  x.selfPayBp === null ? (
                    '—'
                  ) : (
                    <Tag color={x.stays >= t.minStays && x.selfPayBp > t.selfPayRatioBp ? 'red' : undefined}>
                      {bpToPercent(x.selfPayBp)}
                    </Tag>
                  ),
              },
              { title: '疑点（在办）', render: (_, x) => `${x.suspects}（${x.openSuspects}）` },
              { title: '疑点金额（元）', align: 'right', render: (_, x) => fenToYuan(x.atStakeFen) },
              { title: '认定违规（元）', align: 'right', render: (_, x) => fenToYuan(x.confirmedFen) },
              ...(bureau
                ? [
                    {
                      title: '案件',
                      align: 'right' as const,
                      render: (_: unknown, x: Row) => figuresOf(x.code)?.cases ?? 0,
                    },
                    {
                      title: '追回罚没（元）',
                      align: 'right' as const,
                      render: (_: unknown, x: Row) => fenToYuan(figuresOf(x.code)?.ledgerFen ?? 0),
                    },
                    {
                      title: '医师记分',
                      align: 'right' as const,
                      render: (_: unknown, x: Row) => figuresOf(x.code)?.points ?? 0,
                    },
                  ]
                : []),
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
