// 征缴进度: the collection season as the county leader follows it every day — the ranking of the
// townships by 参保率 with the bottom two marked, those in the bottom two for N days running, the
// trend, each township's villages, the xlsx and the day's 通报; the admin sets the window and the
// 应参保人数 of the year.
import { Alert, Button, Card, DatePicker, InputNumber, Select, Space, Statistic, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { RankedRow, Ranking, Season, VillageRow } from '../../../../src/modules/collection/contract.ts';
import { rateBp } from '../../../../src/domain/registry/progress.ts';
import { LoadError, Loading } from '../../components/page-state.tsx';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { exportUrl, percent, rankChange } from './collection-format.ts';
import { TargetsCard } from './targets-card.tsx';

const TrendChart = lazy(() => import('./trend-echarts.tsx'));

export default function CollectionPage() {
  const staff = useStaff();
  const season = useApi<Season>('/api/collection/season');
  const [params, setParams] = useSearchParams();
  if (season.error) return <LoadError error={season.error} onRetry={season.reload} />;
  if (!season.data) return <Loading />;
  const year = Number(params.get('year')) || season.data.defaultYear;
  const day = params.get('day') || season.data.today;
  const streakDays = Number(params.get('n')) || 3;
  const set = (patch: Record<string, string | number>) =>
    setParams({
      year: String(year),
      day,
      n: String(streakDays),
      ...Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, String(v)])),
    });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title="集中征缴进度"
        extra={
          <Space wrap>
            <Select
              aria-label="参保年度"
              value={year}
              style={{ width: 120 }}
              options={season.data.years.map((y) => ({ value: y, label: `${y} 年度` }))}
              onChange={(y) => set({ year: y })}
            />
            <DatePicker
              aria-label="统计日期"
              value={dayjs(day)}
              allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(season.data!.today), 'day')}
              onChange={(d) => d && set({ day: d.format('YYYY-MM-DD') })}
            />
            <span>连续</span>
            <InputNumber
              aria-label="连续天数"
              min={1}
              max={30}
              value={streakDays}
              onChange={(n) => n && set({ n })}
              style={{ width: 64 }}
            />
            <span>天后两位</span>
          </Space>
        }
      >
        <RankingView year={year} day={day} streakDays={streakDays} />
      </Card>
      <TrendCard year={year} />
      {staff.permissions.includes('collection.manage') && (
        <TargetsCard year={year} windows={season.data.windows} onSaved={season.reload} />
      )}
    </Space>
  );
}

function RankingView({ year, day, streakDays }: { year: number; day: string; streakDays: number }) {
  const q = { year, day, streakDays };
  const ranking = useApi<Ranking>('/api/collection/ranking', q);
  const [open, setOpen] = useState<string | null>(null);
  if (ranking.error) return <LoadError error={ranking.error} onRetry={ranking.reload} />;
  if (!ranking.data) return <Loading />;
  const r = ranking.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space size="large" wrap>
        <Statistic title="应参保人数" value={r.county.target} />
        <Statistic title="已参保人数" value={r.county.insured} />
        <Statistic title="全县参保率" value={percent(r.county.rate)} />
        <Button href={exportUrl('/api/collection/ranking.xlsx', q)} download>
          导出 Excel
        </Button>
        <Button type="primary" href={exportUrl('/api/collection/bulletin.docx', q)} download>
          下载当日通报
        </Button>
      </Space>
      {r.streaks.length > 0 ? (
        <Alert
          type="error"
          showIcon
          data-testid="streaks"
          title={`连续 ${streakDays} 天及以上排名后两位`}
          description={r.streaks.map((s) => `${s.name}（${s.days} 天，自 ${s.since} 起）`).join('、')}
        />
      ) : (
        <Alert type="success" showIcon title={`无连续 ${streakDays} 天排名后两位的乡镇`} />
      )}
      <Table<RankedRow>
        data-testid="ranking-table"
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={r.townships}
        rowClassName={(t) => (t.bottom ? 'ranking-bottom' : '')}
        expandable={{
          expandedRowKeys: open ? [open] : [],
          onExpand: (expanded, t) => setOpen(expanded ? t.code : null),
          expandedRowRender: (t) => <Villages year={year} day={day} townshipCode={t.code} />,
        }}
        columns={[
          { title: '名次', dataIndex: 'rank', width: 64 },
          { title: '乡镇', dataIndex: 'name' },
          { title: '应参保人数', dataIndex: 'target', align: 'right' },
          { title: '已参保人数', dataIndex: 'insured', align: 'right' },
          { title: '参保率', align: 'right', render: (_, t) => percent(t.rateBp) },
          { title: '较昨日', align: 'center', render: (_, t) => rankChange(t.rank, t.previousRank) },
          { title: '标记', render: (_, t) => (t.bottom ? <Tag color="red">后两位</Tag> : null) },
        ]}
      />
    </Space>
  );
}

function Villages({ year, day, townshipCode }: { year: number; day: string; townshipCode: string }) {
  const mayListUnpaid = useStaff().permissions.includes('collection.unpaid');
  const list = useApi<{ items: VillageRow[] }>('/api/collection/villages', { year, day, townshipCode });
  if (list.error) return <LoadError error={list.error} />;
  return (
    <Table<VillageRow>
      rowKey="code"
      size="small"
      loading={list.loading}
      pagination={false}
      dataSource={list.data?.items ?? []}
      columns={[
        { title: '村（社区）', dataIndex: 'name' },
        { title: '户籍人口', dataIndex: 'residents', align: 'right' },
        { title: '已参保', dataIndex: 'insured', align: 'right' },
        {
          title: '参保占户籍人口',
          align: 'right',
          render: (_, v) => percent(rateBp(v.insured, v.residents)),
        },
        { title: '其中资助参保', dataIndex: 'subsidised', align: 'right' },
        {
          title: '当前未参保',
          dataIndex: 'unpaidNow',
          align: 'right',
          render: (n: number, v) =>
            n > 0 && mayListUnpaid ? (
              <Link to={`/unpaid?year=${year}&village=${v.code}`} aria-label={`${v.name}未参保名单`}>
                {n}
              </Link>
            ) : (
              n
            ),
        },
      ]}
    />
  );
}

function TrendCard({ year }: { year: number }) {
  const trend = useApi<{
    days: string[];
    series: import('../../../../src/modules/collection/contract.ts').TrendSeries[];
  }>('/api/collection/trend', { year, days: 30 });
  return (
    <Card title="近 30 天参保率走势">
      {trend.error ? (
        <LoadError error={trend.error} />
      ) : !trend.data ? (
        <Loading />
      ) : (
        <Suspense fallback={<div style={{ height: 320 }} aria-busy="true" />}>
          <TrendChart days={trend.data.days} series={trend.data.series} />
        </Suspense>
      )}
    </Card>
  );
}
