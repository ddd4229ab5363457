// 目录对照 in the institution drawer: the institution's own item codes as its HIS mapped them to the
// national catalogue (3301), searchable, exportable; a code not in the catalogue is flagged for
// checking.
import { Alert, Button, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { MappingItem, MappingList } from '../../../../src/modules/his/contract.ts';
import { withQuery } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';

const PAGE_SIZE = 10;

export function MappingSection({ code }: { code: string }) {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const path = `/api/his/mappings/${code}`;
  const list = useApi<MappingList>(path, { q, page, pageSize: PAGE_SIZE });
  return (
    <section data-testid="mapping-section" style={{ marginTop: 24 }}>
      <Typography.Title level={5}>目录对照（HIS 上传）</Typography.Title>
      <Space style={{ marginBottom: 8 }}>
        <Input.Search
          allowClear
          placeholder="机构目录编号、名称或医保编码"
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 260 }}
        />
        <Button href={withQuery(`${path}/export.xlsx`, { q })}>导出 xlsx</Button>
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Table<MappingItem>
        size="small"
        rowKey={(m) => `${m.hisItemCode}|${m.listType}`}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '该机构的 HIS 尚未上传目录对照' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showTotal: (n) => `共 ${n} 条`,
          onChange: setPage,
        }}
        columns={[
          { title: '机构目录', render: (_, m) => `${m.hisItemName}（${m.hisItemCode}）` },
          { title: '类别', dataIndex: 'listType', width: 60 },
          {
            title: '医保目录',
            render: (_, m) =>
              m.inCatalogue ? (
                `${m.itemName ?? ''}（${m.itemCode}）`
              ) : (
                <Space>
                  {m.itemCode}
                  <Tag color="orange">不在医保目录，待核对</Tag>
                </Space>
              ),
          },
          { title: '开始日期', dataIndex: 'beginDate', width: 100 },
        ]}
      />
    </section>
  );
}
