// A server-paginated list: one page of rows from the API, the page and size held by the caller
// (usually in the URL), the load error in place of the table, and 共 N 条 under it.
import { Table, type TableProps } from 'antd';
import type { Page } from '../lib/api.ts';
import { PAGE_SIZES, type Paging, pageChange } from '../lib/paging.ts';
import type { Loaded } from '../lib/use-api.ts';
import { LoadError } from './page-state.tsx';

type Props<T> = Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'> & {
  list: Loaded<Page<T>>;
  paging: Paging;
  onPage: (p: Paging) => void;
  /** what the total counts, as in 共 12 人 */
  unit: string;
  /** the sizes a user may pick; null: a fixed size */
  pageSizes?: readonly number[] | null;
};

export function PagedTable<T extends object>({
  list,
  paging,
  onPage,
  unit,
  pageSizes = PAGE_SIZES,
  ...table
}: Props<T>) {
  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  return (
    <Table<T>
      {...table}
      dataSource={list.data?.items ?? []}
      loading={list.loading}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: list.data?.total ?? 0,
        showSizeChanger: pageSizes !== null,
        pageSizeOptions: pageSizes ? [...pageSizes] : undefined,
        showTotal: (t) => `共 ${t} ${unit}`,
        onChange: (page, pageSize) => onPage(pageChange(paging, page, pageSize)),
      }}
    />
  );
}
