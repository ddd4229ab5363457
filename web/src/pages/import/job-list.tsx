// 最近导入: every import job, newest first, a page at a time; a row opens its result.
import { Button, Card, type TableColumnsType, Tag } from 'antd';
import { PagedTable } from '../../components/paged-table.tsx';
import type { Page } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import type { Loaded } from '../../lib/use-api.ts';
import { fileSize, type ImportJob, jobStatusTag, type KindInfo, MODE_NAMES } from './import-logic.ts';

const PAGE_SIZE = 10;

export const JOB_PAGE_SIZE = PAGE_SIZE;

export function JobList({
  list,
  kinds,
  page,
  current,
  onPage,
  onOpen,
}: {
  list: Loaded<Page<ImportJob>>;
  kinds: KindInfo[];
  page: number;
  current: number | null;
  onPage: (page: number) => void;
  onOpen: (id: number) => void;
}) {
  const kindName = (k: string) => kinds.find((x) => x.kind === k)?.name ?? k;
  const columns: TableColumnsType<ImportJob> = [
    { title: '作业号', dataIndex: 'id', width: 80, render: (id: number) => `#${id}` },
    { title: '台账类型', dataIndex: 'kind', render: kindName },
    {
      title: '文件',
      dataIndex: 'fileName',
      render: (n: string, j) => `${n}（${fileSize(j.fileBytes)}）`,
    },
    { title: '导入方式', dataIndex: 'mode', render: (m: ImportJob['mode']) => MODE_NAMES[m] },
    {
      title: '状态',
      dataIndex: 'status',
      render: (_: ImportJob['status'], j) => {
        const t = jobStatusTag(j);
        return <Tag color={t.color}>{t.text}</Tag>;
      },
    },
    { title: '读取', dataIndex: 'total', align: 'right' },
    { title: '新增', dataIndex: 'inserted', align: 'right' },
    { title: '更新', dataIndex: 'updated', align: 'right' },
    { title: '有错', dataIndex: 'rejected', align: 'right' },
    { title: '操作人', dataIndex: 'actorDisplayName' },
    { title: '导入时间', dataIndex: 'createdAt', render: formatDateTime },
    {
      title: '操作',
      key: 'open',
      render: (_: unknown, j) => (
        <Button type="link" size="small" disabled={j.id === current} onClick={() => onOpen(j.id)}>
          查看结果
        </Button>
      ),
    },
  ];
  return (
    <Card title="最近导入">
      <PagedTable<ImportJob>
        data-testid="import-jobs"
        size="small"
        rowKey="id"
        columns={columns}
        list={list}
        paging={{ page, pageSize: PAGE_SIZE }}
        onPage={(p) => onPage(p.page)}
        unit="次导入"
        pageSizes={null}
        locale={{ emptyText: '还没有导入记录' }}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
