// What an institution's HIS uploaded, in the institution drawer (目录对照 3301, 医保科室 3401): a
// searchable page of the live rows with an xlsx export of the same search.
import { Alert, Button, Input, Space, Table, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { withQuery } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';

const PAGE_SIZE = 10;

export function UploadedSection<T extends object>(p: {
  testId: string;
  title: string;
  /** the list's path; its export is `${path}/export.xlsx` */
  path: string;
  placeholder: string;
  empty: string;
  rowKey: (row: T) => string;
  columns: NonNullable<TableProps<T>['columns']>;
}) {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useApi<{ items: T[]; total: number }>(p.path, { q, page, pageSize: PAGE_SIZE });
  return (
    <section data-testid={p.testId} style={{ marginTop: 24 }}>
      <Typography.Title level={5}>{p.title}</Typography.Title>
      <Space style={{ marginBottom: 8 }}>
        <Input.Search
          allowClear
          placeholder={p.placeholder}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 260 }}
        />
        <Button href={withQuery(`${p.path}/export.xlsx`, { q })}>导出 xlsx</Button>
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Table<T>
        size="small"
        rowKey={p.rowKey}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: p.empty }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showTotal: (n) => `共 ${n} 条`,
          onChange: setPage,
        }}
        columns={p.columns}
      />
    </section>
  );
}
