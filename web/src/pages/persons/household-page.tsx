// 一户一档: the household, its head and current members (relation, status, this year's coverage)
// and every move in or out of it.
import { Breadcrumb, Button, Card, Checkbox, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Loaded } from '../../components/page-state.tsx';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { HouseholdEnrollmentDrawer } from './household-enrollment-drawer.tsx';
import { MemberHistoryTable, MembersTable } from './members-table.tsx';
import { chinaToday, memberCoverage } from './person-view.ts';
import type { HouseholdFile } from './types.ts';

export default function HouseholdPage() {
  const { id = '' } = useParams();
  const file = useApi<HouseholdFile>(`/api/registry/households/${encodeURIComponent(id)}`);
  const year = file.data?.year ?? Number(chinaToday().slice(0, 4));
  const [onlyUncovered, setOnlyUncovered] = useState(false);
  const [enrolling, setEnrolling] = useState(false);
  const mayEnroll = useStaff().permissions.includes('registry.enrollment.edit');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/persons">人员查询</Link> }, { title: `家庭户 ${id}` }]} />
      <Loaded {...file} data={file.data?.household.householdNo === id ? file.data : null}>
        {(d) => {
          const head = d.members.find((m) => m.relation === '户主');
          const covered = d.members.filter((m) => memberCoverage(m, year).enrolled).length;
          const uncoveredNext = d.members.filter((m) => !memberCoverage(m, year + 1, year).enrolled);
          const shown = onlyUncovered ? uncoveredNext : d.members;
          return (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Card
                size="small"
                title={
                  <Typography.Title level={4} style={{ margin: 0 }}>
                    家庭户 {d.household.householdNo}{' '}
                    <Typography.Text type="secondary">一户一档</Typography.Text>
                  </Typography.Title>
                }
                extra={
                  mayEnroll && (
                    <Button type="primary" onClick={() => setEnrolling(true)}>
                      全户参保登记
                    </Button>
                  )
                }
              >
                <Descriptions
                  bordered
                  size="small"
                  column={{ xs: 1, md: 2, xl: 3 }}
                  items={[
                    { key: 'no', label: '户号', children: d.household.householdNo },
                    {
                      key: 'head',
                      label: '户主',
                      children: head ? <Link to={`/persons/${head.psnNo}`}>{head.name}</Link> : '—',
                    },
                    { key: 'village', label: '所属村（社区）', children: d.household.villageName },
                    { key: 'address', label: '住址', children: d.household.address ?? '—' },
                    { key: 'count', label: '在户人数', children: `${d.members.length} 人` },
                    {
                      key: 'covered',
                      label: `${year} 年参保`,
                      children: (
                        <Tag color={covered === d.members.length ? 'green' : 'orange'}>
                          {covered} / {d.members.length} 人已参保
                        </Tag>
                      ),
                    },
                    {
                      key: 'coveredNext',
                      label: `${year + 1} 年参保`,
                      children: (
                        <Tag color={uncoveredNext.length === 0 ? 'green' : 'orange'}>
                          {d.members.length - uncoveredNext.length} / {d.members.length} 人已参保
                        </Tag>
                      ),
                    },
                  ]}
                />
              </Card>
              <Card
                size="small"
                title="家庭成员"
                extra={
                  <Checkbox checked={onlyUncovered} onChange={(e) => setOnlyUncovered(e.target.checked)}>
                    只看 {year + 1} 年未参保
                  </Checkbox>
                }
              >
                <MembersTable members={shown} year={year} testId="household-members" />
              </Card>
              <Card size="small" title="成员变动记录">
                <MemberHistoryTable rows={d.history} />
              </Card>
              <HouseholdEnrollmentDrawer
                householdNo={d.household.householdNo}
                year={year}
                open={enrolling}
                onClose={() => setEnrolling(false)}
                onSaved={() => {
                  setEnrolling(false);
                  file.reload();
                }}
              />
            </Space>
          );
        }}
      </Loaded>
    </Space>
  );
}
