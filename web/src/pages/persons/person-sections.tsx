// Person file tabs from GET /api/registry/persons/:psnNo: identity spells (full history),
// enrollments with their contributions, and status changes.
import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { EnrollmentStateTag } from '../../components/enrollment-state-tag.tsx';
import { Money } from '../../components/money.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { INSUTYPE_NAMES, labelOf, PERSON_STATUS_NAMES } from './labels.ts';
import { identityState, newestFirst, period, spellsForDisplay } from './person-view.ts';
import type { Enrollment, IdentitySpell, StatusChange } from './types.ts';

export function IdentitiesTable({ rows, today }: { rows: IdentitySpell[]; today: string }) {
  const columns: TableColumnsType<IdentitySpell> = [
    { title: '身份类别', dataIndex: 'name' },
    { title: '认定部门', dataIndex: 'sourceDept' },
    { title: '生效日期', dataIndex: 'validFrom', width: 110 },
    { title: '终止日期', dataIndex: 'validTo', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: '状态',
      key: 'state',
      width: 90,
      render: (_: unknown, s) => {
        const st = identityState(s, today);
        return <Tag color={st.color}>{st.text}</Tag>;
      },
    },
    { title: '终止原因', dataIndex: 'endReason', render: (v: string | null) => v ?? '—' },
    { title: '认定文号', dataIndex: 'sourceRef', render: (v: string | null) => v ?? '—' },
  ];
  return (
    <Table<IdentitySpell>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={spellsForDisplay(rows, today)}
      pagination={false}
      scroll={{ x: 800 }}
      locale={{ emptyText: '无特殊人员身份记录' }}
    />
  );
}

export function EnrollmentsTable({ rows, today }: { rows: Enrollment[]; today: string }) {
  const columns: TableColumnsType<Enrollment> = [
    { title: '险种', dataIndex: 'insutype', render: (v: string) => labelOf(INSUTYPE_NAMES, v) },
    {
      title: '参保期间',
      key: 'period',
      width: 210,
      render: (_: unknown, e) => period(e.beginDate, e.endDate),
    },
    {
      title: '状态',
      key: 'state',
      render: (_: unknown, e) => {
        return (
          <span>
            <EnrollmentStateTag e={{ ...e, stopReason: null }} today={today} />
            {e.stopReason && <Typography.Text type="secondary">{e.stopReason}</Typography.Text>}
          </span>
        );
      },
    },
    {
      title: '个人缴费（元）',
      dataIndex: 'personalFen',
      align: 'right',
      render: (v: number) => <Money fen={v} />,
    },
    {
      title: '财政补助（元）',
      dataIndex: 'fiscalFen',
      align: 'right',
      render: (v: number) => <Money fen={v} />,
    },
    {
      title: '资助参保（元）',
      dataIndex: 'assistedFen',
      align: 'right',
      render: (v: number) => <Money fen={v} />,
    },
    {
      title: '资助方',
      dataIndex: 'assistedPayer',
      render: (v: string | null, e) => (e.assistedFen > 0 ? (v ?? '—') : '—'),
    },
    { title: '参保单位', dataIndex: 'employerName', render: (v: string | null) => v ?? '—' },
  ];
  return (
    <Table<Enrollment>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1000 }}
      locale={{ emptyText: '无参保记录' }}
    />
  );
}

export function StatusHistoryTable({ rows }: { rows: StatusChange[] }) {
  const columns: TableColumnsType<StatusChange> = [
    { title: '生效日期', dataIndex: 'effectiveDate', width: 110 },
    {
      title: '变更为',
      dataIndex: 'status',
      width: 90,
      render: (v: string) => labelOf(PERSON_STATUS_NAMES, v),
    },
    { title: '信息来源', dataIndex: 'source' },
    { title: '说明', dataIndex: 'note', render: (v: string | null) => v ?? '—' },
    { title: '登记时间', dataIndex: 'recordedAt', width: 150, render: (v: string) => formatDateTime(v) },
  ];
  return (
    <Table<StatusChange>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={newestFirst(rows)}
      pagination={false}
      locale={{ emptyText: '无状态变更记录' }}
    />
  );
}
