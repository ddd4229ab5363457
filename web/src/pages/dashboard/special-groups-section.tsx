// 特殊群体参保: per identity type, persons holding a valid identity today, how many are insured
// this year and how many with 资助参保. Subsidised groups below 100 % are flagged (应保尽保).
import { Card, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Loaded } from '../../components/page-state.tsx';
import { bpToPercent } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { type GroupCoverage, groupShortfall, type SpecialGroups } from './dashboard-data.ts';
import { count, TotalRow } from './figures.tsx';

const columns: TableColumnsType<GroupCoverage> = [
  {
    title: '身份类别',
    dataIndex: 'name',
    render: (name: string, g) => (
      <>
        {name}
        {g.subsidisesEnrollment && (
          <Tag color="blue" style={{ marginLeft: 8 }}>
            资助对象
          </Tag>
        )}
      </>
    ),
  },
  { title: '认定部门', dataIndex: 'department' },
  { title: '有效身份人数', dataIndex: 'holders', align: 'right', render: count },
  { title: '已参保', dataIndex: 'enrolled', align: 'right', render: count },
  {
    title: '参保率',
    dataIndex: 'rateBp',
    align: 'right',
    render: (bp: number | null, g) =>
      groupShortfall(g) ? (
        <Typography.Text type="danger">{bpToPercent(bp)}</Typography.Text>
      ) : (
        bpToPercent(bp)
      ),
  },
  { title: '资助参保', dataIndex: 'subsidised', align: 'right', render: count },
  { title: '资助参保率', dataIndex: 'subsidisedRateBp', align: 'right', render: bpToPercent },
];

export function SpecialGroupsSection({ year }: { year: number | null }) {
  const groups = useApi<SpecialGroups>('/api/dashboard/special-groups', { year });
  return (
    <Card
      title={`特殊群体参保（${groups.data ? `身份截至 ${groups.data.date}，${groups.data.year} 年度参保` : '加载中'}）`}
    >
      <Loaded {...groups} empty={(d) => d.items.length === 0} emptyText="没有身份类别">
        {(d) => (
          <Table<GroupCoverage>
            data-testid="special-groups-table"
            size="small"
            rowKey="code"
            columns={columns}
            dataSource={d.items}
            pagination={false}
            summary={() => (
              <TotalRow
                label={d.total.name}
                labelSpan={2}
                values={[
                  count(d.total.holders),
                  count(d.total.enrolled),
                  bpToPercent(d.total.rateBp),
                  count(d.total.subsidised),
                  bpToPercent(d.total.subsidisedRateBp),
                ]}
              />
            )}
          />
        )}
      </Loaded>
    </Card>
  );
}
