// A household's current members (一户一档): relation, masked ID, status and this year's coverage.
// Used on the household page and in the person file's 家庭成员 tab.
import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { labelOf, PERSON_STATUS_NAMES, PERSON_STATUS_COLOR } from './labels.ts';
import { memberCoverage, period } from './person-view.ts';
import type { HouseholdMember } from './types.ts';

interface Props {
  members: HouseholdMember[];
  year: number;
  /** the person whose file this is: marked instead of linked */
  current?: string;
  testId?: string;
}

export function MembersTable({ members, year, current, testId }: Props) {
  const coverageColumn = (y: number) => ({
    title: `${y} 年参保`,
    key: `coverage${y}`,
    render: (_: unknown, m: HouseholdMember) => {
      const c = memberCoverage(m, y, year);
      return <Tag color={c.enrolled ? 'green' : 'red'}>{c.text}</Tag>;
    },
  });
  const columns: TableColumnsType<HouseholdMember> = [
    {
      title: '姓名',
      dataIndex: 'name',
      render: (name: string, m) =>
        m.psnNo === current ? (
          <span>
            {name} <Tag>本人</Tag>
          </span>
        ) : (
          <Link to={`/persons/${m.psnNo}`}>{name}</Link>
        ),
    },
    { title: '与户主关系', dataIndex: 'relation', width: 110 },
    { title: '人员编号', dataIndex: 'psnNo' },
    {
      title: '身份证号码',
      dataIndex: 'certno',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 80,
      render: (s: string | undefined) =>
        s ? <Tag color={PERSON_STATUS_COLOR[s]}>{labelOf(PERSON_STATUS_NAMES, s)}</Tag> : '—',
    },
    coverageColumn(year),
    coverageColumn(year + 1),
    { title: '入户日期', dataIndex: 'from', width: 110 },
  ];
  return (
    <div data-testid={testId}>
      <Table<HouseholdMember>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={members}
        pagination={false}
        scroll={{ x: 960 }}
        locale={{ emptyText: '该户暂无在户成员' }}
      />
    </div>
  );
}

/** Every membership of the household, current and ended: who moved in and out when. */
export function MemberHistoryTable({ rows }: { rows: HouseholdMember[] }) {
  const columns: TableColumnsType<HouseholdMember> = [
    {
      title: '姓名',
      dataIndex: 'name',
      render: (n: string, m) => <Link to={`/persons/${m.psnNo}`}>{n}</Link>,
    },
    { title: '与户主关系', dataIndex: 'relation', width: 110 },
    { title: '在户期间', key: 'period', render: (_: unknown, m) => period(m.from, m.to) },
    {
      title: '变动',
      key: 'move',
      render: (_: unknown, m) =>
        m.to === null ? <Tag color="green">在户</Tag> : <Tag>{`${m.to} 迁出本户`}</Tag>,
    },
    {
      title: '人员状态',
      dataIndex: 'status',
      width: 90,
      render: (s: string | undefined) => (s ? labelOf(PERSON_STATUS_NAMES, s) : '—'),
    },
  ];
  return (
    <Table<HouseholdMember>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: '暂无成员变动记录' }}
    />
  );
}
