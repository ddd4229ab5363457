// 12345 考核指标 of a month or a year (each month of the year below it), computed from the records.
import { Card, DatePicker, Radio, Space, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { TicketKpi } from '../../../../src/domain/ticket/kpi.ts';
import { bpToPercent1 } from '../../../../src/domain/shared/money.ts';
import { useApi } from '../../lib/use-api.ts';

const pct = (bp: number | null) => (bp === null ? '—' : bpToPercent1(bp));
const RATES: [keyof TicketKpi, string][] = [
  ['signRateBp', '签收率'],
  ['onTimeRateBp', '按时办结率'],
  ['replyRateBp', '回复率'],
  ['closeRateBp', '办结率'],
  ['satisfactionRateBp', '满意率'],
  ['reopenRateBp', '重办率'],
];

export default function TicketKpiPage() {
  const [mode, setMode] = useState<'month' | 'year'>('month');
  const [when, setWhen] = useState(dayjs());
  const period = mode === 'month' ? when.format('YYYY-MM') : when.format('YYYY');
  const r = useApi<{ kpi: TicketKpi; months: { month: string; kpi: TicketKpi }[] }>('/api/ticket/kpi', {
    period,
  });
  return (
    <Card
      title="12345 考核指标"
      extra={
        <Space>
          <Radio.Group
            value={mode}
            onChange={(e) => setMode(e.target.value)}
            options={[
              { value: 'month', label: '月度' },
              { value: 'year', label: '年度' },
            ]}
            optionType="button"
          />
          <DatePicker picker={mode} value={when} onChange={(d) => d && setWhen(d)} allowClear={false} />
        </Space>
      }
      loading={r.loading}
    >
      {r.data && (
        <>
          <Space size="large" wrap>
            <Statistic title="派单数" value={r.data.kpi.dispatched} />
            {RATES.map(([k, label]) => (
              <Statistic key={k} title={label} value={pct(r.data!.kpi[k] as number | null)} />
            ))}
          </Space>
          {mode === 'year' && (
            <Table
              style={{ marginTop: 16 }}
              size="small"
              rowKey="month"
              pagination={false}
              dataSource={r.data.months}
              columns={[
                { title: '月份', dataIndex: 'month' },
                { title: '派单数', render: (_, m) => m.kpi.dispatched },
                ...RATES.map(([k, label]) => ({
                  title: label,
                  render: (_: unknown, m: { kpi: TicketKpi }) => pct(m.kpi[k] as number | null),
                })),
              ]}
            />
          )}
          <p style={{ marginTop: 16, color: '#888' }}>
            按首次派单日期归入期间。签收率＝按时签收/派单；按时办结率＝按期办结/办结；回复率＝回复/派单；办结率＝办结/派单；满意率＝满意与基本满意/回访；重办率＝重办/办结。
          </p>
        </>
      )}
    </Card>
  );
}
