// 一人一档: the person's basic information, then tabs for household, identities, enrollments,
// this year's accumulators, settlements and status history. The open tab is kept in the URL.
import { Badge, Breadcrumb, Button, Card, Empty, Space, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { Loaded } from '../../components/page-state.tsx';
import { mayOpen } from '../../lib/nav.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { MembersTable } from './members-table.tsx';
import { Accumulators, Settlements } from './person-benefits.tsx';
import { PersonBasic } from './person-basic.tsx';
import { EnrollmentsTable, IdentitiesTable, StatusHistoryTable } from './person-sections.tsx';
import { PersonMatters } from './person-matters.tsx';
import { chinaToday } from './person-view.ts';
import type { PersonFile } from './types.ts';

const TABS = [
  'household',
  'identities',
  'enrollments',
  'accumulators',
  'settlements',
  'status',
  'matters',
] as const;

const counted = (text: string, n: number): ReactNode => (
  <span>
    {text} <Badge count={n} showZero color={n ? '#1677ff' : '#bbb'} size="small" />
  </span>
);

export default function PersonPage() {
  const { psnNo = '' } = useParams();
  const staff = useStaff();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const file = useApi<PersonFile>(`/api/registry/persons/${encodeURIComponent(psnNo)}`);
  const today = chinaToday();
  const year = Number(today.slice(0, 4));
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? params.get('tab')!
    : 'household';
  // back to the search the person was opened from (its filters), else the plain search
  const from = (location.state as { from?: string } | null)?.from ?? '/persons';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[{ title: <Link to={from}>人员查询</Link> }, { title: file.data?.person.name ?? psnNo }]}
      />
      {/* a member link changes psnNo: show loading, not the previous person's file */}
      <Loaded {...file} data={file.data?.person.psnNo === psnNo ? file.data : null}>
        {(d) => (
          <Space key={d.person.psnNo} orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card
              size="small"
              title={
                <Typography.Title level={4} style={{ margin: 0 }}>
                  {d.person.name} <Typography.Text type="secondary">一人一档</Typography.Text>
                </Typography.Title>
              }
            >
              <PersonBasic person={d.person} canReveal={staff.fullPii} />
              <PersonActions psnNo={d.person.psnNo} name={d.person.name} permissions={staff.permissions} />
            </Card>
            <Card size="small">
              <Tabs
                activeKey={tab}
                onChange={(k) => setParams({ tab: k }, { replace: true, state: location.state })}
                items={[
                  {
                    key: 'household',
                    label: '家庭成员',
                    children: d.household ? (
                      <Space orientation="vertical" style={{ width: '100%' }}>
                        <span>
                          家庭户号：
                          <Link to={`/households/${d.household.householdNo}`}>{d.household.householdNo}</Link>
                        </span>
                        <MembersTable
                          members={d.household.members}
                          year={year}
                          current={d.person.psnNo}
                          testId="person-household"
                        />
                      </Space>
                    ) : (
                      <Empty description="该人员尚未落户（无家庭户档案）" />
                    ),
                  },
                  {
                    key: 'identities',
                    label: counted('特殊身份', d.identities.length),
                    children: <IdentitiesTable rows={d.identities} today={today} />,
                  },
                  {
                    key: 'enrollments',
                    label: counted('参保缴费', d.enrollments.length),
                    children: <EnrollmentsTable rows={d.enrollments} today={today} />,
                  },
                  {
                    key: 'accumulators',
                    label: `${year} 年待遇累计`,
                    children: <Accumulators psnNo={d.person.psnNo} year={year} />,
                  },
                  {
                    key: 'settlements',
                    label: '结算记录',
                    children: (
                      <Settlements
                        psnNo={d.person.psnNo}
                        linkable={mayOpen('/settlements', staff.permissions)}
                      />
                    ),
                  },
                  {
                    key: 'status',
                    label: counted('状态变更', d.statusHistory.length),
                    children: <StatusHistoryTable rows={d.statusHistory} />,
                  },
                  ...(staff.permissions.includes('matter.view')
                    ? [
                        {
                          key: 'matters',
                          label: '办件记录',
                          children: <PersonMatters psnNo={d.person.psnNo} />,
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
          </Space>
        )}
      </Loaded>
    </Space>
  );
}

/** What a clerk does next for this person: enroll, change their details, print their coverage certificate. */
function PersonActions({
  psnNo,
  name,
  permissions,
}: {
  psnNo: string;
  name: string;
  permissions: readonly string[];
}) {
  const counter = (type: string) =>
    `/matter/counter?type=${type}&psnNo=${psnNo}&name=${encodeURIComponent(name)}`;
  const actions = [
    permissions.includes('registry.enrollment.edit') && (
      <Link key="enroll" to={`/enrollments?psnNo=${psnNo}`}>
        <Button>参保登记</Button>
      </Link>
    ),
    permissions.includes('matter.accept') && (
      <Link key="change" to={counter('CB006')}>
        <Button>信息变更</Button>
      </Link>
    ),
    permissions.includes('matter.accept') && (
      <Link key="status" to={counter('CB009')}>
        <Button>人员状态变更</Button>
      </Link>
    ),
    permissions.includes('matter.accept') && (
      <Link key="identity" to={counter('CB010')}>
        <Button>特殊身份登记</Button>
      </Link>
    ),
    permissions.includes('matter.accept') && (
      <Link key="cert" to={counter('ZY001')}>
        <Button>打印参保凭证</Button>
      </Link>
    ),
  ].filter(Boolean);
  return actions.length ? (
    <Space data-testid="person-actions" style={{ marginTop: 12 }}>
      {actions}
    </Space>
  ) : null;
}
