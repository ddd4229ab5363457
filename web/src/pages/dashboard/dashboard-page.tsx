// 首页 for leaders: enrollment progress by township (ranking chart + table), today's and this
// month's settlements and fund payouts, and special-group coverage. The year, the settlement
// day and the breakdown live in the URL; without them the server's today (China time) applies.
import { Button, DatePicker, Form, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Season } from '../../../../src/modules/collection/contract.ts';
import { formatDate } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import {
  type Breakdown,
  type DashboardFilters,
  filtersToParams,
  parseFilters,
  yearOptions,
} from './dashboard-data.ts';
import { EnrollmentSection } from './enrollment-section.tsx';
import { DrillProvider } from './figure-persons.tsx';
import { SettlementSection } from './settlement-section.tsx';
import { SpecialGroupsSection } from './special-groups-section.tsx';

export default function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const set = (change: Partial<DashboardFilters>) =>
    setParams(filtersToParams({ ...filters, ...change }), { replace: true });
  // only the choices offered; the figures themselves default to the server's year. Next year is
  // offered from the day its collection window opens (policy data, from the server).
  const browserYear = Number(formatDate(new Date().toISOString()).slice(0, 4));
  const season = useApi<Season>('/api/collection/season');

  return (
    <DrillProvider>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            首页 · 运行概况
          </Typography.Title>
          <Form layout="inline">
            <Form.Item label="年度" htmlFor="dashboard-year">
              <Select<number>
                id="dashboard-year"
                style={{ width: 120 }}
                placeholder="本年度"
                allowClear
                value={filters.year ?? undefined}
                onChange={(y) => set({ year: y ?? null })}
                options={yearOptions(browserYear, filters.year, season.data?.years).map((y) => ({
                  value: y,
                  label: `${y} 年`,
                }))}
              />
            </Form.Item>
          </Form>
        </Space>
        <EnrollmentSection year={filters.year} />
        <SettlementSection
          date={filters.date}
          by={filters.by}
          onBy={(by: Breakdown) => set({ by })}
          extra={
            <Form layout="inline" style={{ marginBottom: 12 }}>
              <Form.Item label="结算日期" htmlFor="dashboard-date">
                <DatePicker
                  id="dashboard-date"
                  allowClear
                  placeholder="今天"
                  value={filters.date ? dayjs(filters.date) : null}
                  onChange={(d) => set({ date: d ? d.format('YYYY-MM-DD') : null })}
                  disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                />
              </Form.Item>
              {filters.date && (
                <Form.Item>
                  <Button onClick={() => set({ date: null })}>回到今天</Button>
                </Form.Item>
              )}
            </Form>
          }
        />
        <SpecialGroupsSection year={filters.year} />
      </Space>
    </DrillProvider>
  );
}
