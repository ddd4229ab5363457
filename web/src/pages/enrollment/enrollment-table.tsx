// One person's enrollments, newest first, with correction and stop actions on active rows.
import { Button, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import type { Page } from '../../lib/api.ts';
import { Money } from '../../components/money.tsx';
import { EnrollmentStateTag } from '../../components/enrollment-state-tag.tsx';
import { chinaToday } from '../../lib/format.ts';
import { INSUTYPE_SHORT_NAMES, labelOf } from './enrollment-labels.ts';
import type { EnrollmentRow } from './enrollment-form.ts';

export function EnrollmentTable(props: {
  data: Page<EnrollmentRow> | null;
  loading: boolean;
  identityNames: Record<string, string>;
  canWrite: boolean;
  onPage: (page: number, pageSize: number) => void;
  onCorrect: (e: EnrollmentRow) => void;
  onStop: (e: EnrollmentRow) => void;
}) {
  const columns: ColumnsType<EnrollmentRow> = [
    {
      title: '险种',
      dataIndex: 'insutype',
      render: (c: string) => `${c} ${labelOf(INSUTYPE_SHORT_NAMES, c)}`,
    },
    { title: '参保期间', key: 'period', render: (_, e) => `${e.beginDate} 至 ${e.endDate}` },
    {
      title: '状态',
      key: 'state',
      render: (_, e) => <EnrollmentStateTag e={e} today={chinaToday()} />,
    },
    {
      title: '个人缴费（元）',
      dataIndex: 'personalFen',
      align: 'right',
      render: (f: number) => <Money fen={f} />,
    },
    {
      title: '财政补助（元）',
      dataIndex: 'fiscalFen',
      align: 'right',
      render: (f: number) => <Money fen={f} />,
    },
    {
      title: '资助参保（元）',
      dataIndex: 'assistedFen',
      align: 'right',
      render: (f: number, e) =>
        f > 0 ? (
          <Space size={4}>
            <Money fen={f} />
            <Tag>{labelOf(props.identityNames, e.assistedIdentity)}</Tag>
          </Space>
        ) : (
          <Money fen={f} />
        ),
    },
    { title: '资助单位', dataIndex: 'assistedPayer', render: (s: string | null) => s ?? '—' },
    { title: '参保单位', dataIndex: 'employerName', render: (s: string | null) => s ?? '—' },
  ];
  if (props.canWrite) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, e) =>
        e.status === 'active' ? (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => props.onCorrect(e)}>
              更正
            </Button>
            <Button type="link" size="small" danger onClick={() => props.onStop(e)}>
              停保
            </Button>
          </Space>
        ) : (
          <span style={{ color: '#999' }}>{e.stopReason ?? '已停保'}</span>
        ),
    });
  }
  return (
    <Table<EnrollmentRow>
      rowKey="id"
      size="middle"
      data-testid="enrollment-table"
      columns={columns}
      dataSource={props.data?.items ?? []}
      loading={props.loading}
      locale={{ emptyText: '该人员暂无参保记录' }}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: props.data?.page ?? 1,
        pageSize: props.data?.pageSize ?? 10,
        total: props.data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50],
        showTotal: (t) => `共 ${t} 条`,
        onChange: props.onPage,
      }}
    />
  );
}
