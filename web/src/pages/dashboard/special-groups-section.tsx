// 特殊群体参保: per identity type, persons holding the identity in the year, how many are insured,
// how many are subsidised under the identity (资助参保) and how many holders have no subsidy. Every
// count opens its persons; a subsidised group below 100 % is flagged and its gap listed (应保尽保).
import { Alert, Card, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Loaded } from '../../components/page-state.tsx';
import { bpToPercent } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { type GroupCoverage, groupShortfall, type SpecialGroups } from './dashboard-data.ts';
import { DrillFigure } from './figure-persons.tsx';
import { count, TotalRow } from './figures.tsx';

function columns(year: number): TableColumnsType<GroupCoverage> {
  const drill =
    (figure: 'holders' | 'enrolled' | 'groupSubsidised' | 'unsubsidised') =>
    (n: number, g: GroupCoverage) => (
      <DrillFigure value={n} target={{ figure, year, code: g.code, label: g.name }} />
    );
  return [
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
    { title: '年度内持有身份', dataIndex: 'holders', align: 'right', render: drill('holders') },
    { title: '已参保', dataIndex: 'enrolled', align: 'right', render: drill('enrolled') },
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
    { title: '按该身份资助参保', dataIndex: 'subsidised', align: 'right', render: drill('groupSubsidised') },
    { title: '资助参保率', dataIndex: 'subsidisedRateBp', align: 'right', render: bpToPercent },
    {
      title: '未资助',
      dataIndex: 'unsubsidised',
      align: 'right',
      render: (n: number, g) => (g.subsidisesEnrollment && n > 0 ? drill('unsubsidised')(n, g) : count(n)),
    },
  ];
}

export function SpecialGroupsSection({ year }: { year: number | null }) {
  const groups = useApi<SpecialGroups>('/api/dashboard/special-groups', { year });
  return (
    <Card title={`特殊群体参保（${groups.data ? `${groups.data.year} 年度` : '加载中'}）`}>
      <Loaded {...groups} empty={(d) => d.items.length === 0} emptyText="没有身份类别">
        {(d) => {
          const short = d.items.filter((g) => g.subsidisesEnrollment && g.unsubsidised > 0);
          return (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {short.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  data-testid="subsidy-gaps"
                  title="应保尽保：以下资助对象仍有人未资助参保"
                  description={
                    <Space wrap>
                      {short.map((g) => (
                        <span key={g.code}>
                          {g.name}{' '}
                          <DrillFigure
                            value={g.unsubsidised}
                            target={{ figure: 'unsubsidised', year: d.year, code: g.code, label: g.name }}
                          />{' '}
                          人
                        </span>
                      ))}
                    </Space>
                  }
                />
              )}
              <Table<GroupCoverage>
                data-testid="special-groups-table"
                size="small"
                rowKey="code"
                columns={columns(d.year)}
                dataSource={d.items}
                pagination={false}
                scroll={{ x: 900 }}
                summary={() => (
                  <TotalRow
                    label={d.total.name}
                    labelSpan={2}
                    values={[
                      <DrillFigure
                        key="h"
                        value={d.total.holders}
                        target={{ figure: 'holders', year: d.year, label: '特殊群体合计' }}
                      />,
                      <DrillFigure
                        key="e"
                        value={d.total.enrolled}
                        target={{ figure: 'enrolled', year: d.year, label: '特殊群体合计' }}
                      />,
                      bpToPercent(d.total.rateBp),
                      <DrillFigure
                        key="s"
                        value={d.total.subsidised}
                        target={{ figure: 'subsidised', year: d.year, label: '全县' }}
                      />,
                      '',
                      <DrillFigure
                        key="u"
                        value={d.total.unsubsidised}
                        target={{ figure: 'unsubsidised', year: d.year, label: '特殊群体合计' }}
                      />,
                    ]}
                  />
                )}
              />
              <Typography.Text type="secondary">
                合计的资助参保人数即参保进度中的资助参保人数：本年度参保记录中有资助金额的人员，按资助时认定的身份归类（身份在年度内到期的仍计入）。
              </Typography.Text>
            </Space>
          );
        }}
      </Loaded>
    </Card>
  );
}
