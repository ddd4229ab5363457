// 进销存上报: what institutions' own systems report record by record through the national interface
// (3501 盘存 … 3506 销售退货; 3507 deletes by 批次流水号). County staff filter and export them; the
// records deleted by 3507 are shown on request, struck through.
import { Button, Checkbox, DatePicker, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  STOCK_EVENT_INFNO,
  STOCK_EVENT_KINDS,
  STOCK_EVENT_NAMES,
  type StockEventKind,
} from '../../../../src/domain/supervision/stock-events.ts';
import type { StockEventRow } from '../../../../src/modules/supervision/contract.ts';
import { PagedTable } from '../../components/paged-table.tsx';
import { type Page, withQuery } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { DEFAULT_PAGE_SIZE, type Paging } from '../../lib/paging.ts';
import { useApi } from '../../lib/use-api.ts';

export function StockEvents() {
  const [institution, setInstitution] = useState('');
  const [item, setItem] = useState('');
  const [kind, setKind] = useState<StockEventKind | undefined>(undefined);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [deleted, setDeleted] = useState(false);
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const filter = {
    institution: institution.trim() || undefined,
    item: item.trim() || undefined,
    kind,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
    deleted: deleted ? '1' : undefined,
  };
  const list = useApi<Page<StockEventRow>>('/api/supervision/stock-events', { ...filter, ...paging });
  const struck = (r: StockEventRow, text: string | null) =>
    r.deletedAt ? <Typography.Text delete>{text}</Typography.Text> : text;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input
          placeholder="定点机构编码"
          value={institution}
          onChange={(e) => setInstitution(e.target.value)}
        />
        <Input
          placeholder="医疗目录编码或机构目录编号"
          value={item}
          onChange={(e) => setItem(e.target.value)}
        />
        <Select<StockEventKind>
          allowClear
          placeholder="类型"
          style={{ width: 160 }}
          value={kind}
          onChange={(v) => setKind(v)}
          options={STOCK_EVENT_KINDS.map((k) => ({
            value: k,
            label: `${STOCK_EVENT_NAMES[k]}（${STOCK_EVENT_INFNO[k]}）`,
          }))}
        />
        <DatePicker.RangePicker
          placeholder={['发生日期起', '发生日期止']}
          value={range}
          onChange={(v) => setRange(v)}
        />
        <Checkbox checked={deleted} onChange={(e) => setDeleted(e.target.checked)}>
          含已删除（3507）
        </Checkbox>
        <Button href={withQuery('/api/supervision/stock-events.xlsx', filter)}>导出 xlsx</Button>
      </Space>
      <p>
        定点机构经医保接口逐条上报：3501 盘存、3502 库存变更、3503 采购、3504 采购退货、3505 销售、3506
        销售退货；同一机构、类型的批次流水号只能上报一次，重报须先经 3507 删除，删除的记录留存备查。
      </p>
      <PagedTable<StockEventRow>
        data-testid="supervision-stock-events"
        rowKey="id"
        size="small"
        list={list}
        paging={paging}
        onPage={setPaging}
        unit="条"
        columns={[
          { title: '发生时间', render: (_, r) => struck(r, formatDateTime(r.occurredAt)) },
          { title: '定点机构', render: (_, r) => r.institutionName ?? r.fixmedinsCode },
          { title: '类型', render: (_, r) => struck(r, STOCK_EVENT_NAMES[r.kind]) },
          { title: '医疗目录编码', dataIndex: 'itemCode' },
          { title: '机构目录', render: (_, r) => `${r.hilistId} ${r.hilistName}` },
          { title: '批次流水号', dataIndex: 'bchno' },
          { title: '数量', render: (_, r) => struck(r, String(Number(r.quantity))) },
          { title: '单价', render: (_, r) => (r.price === null ? '' : String(Number(r.price))) },
          {
            title: '供应商 / 结算',
            render: (_, r) => r.detail.spler_name ?? r.detail.setl_id ?? '',
          },
          {
            title: '删除',
            render: (_, r) => (r.deletedAt ? `${formatDateTime(r.deletedAt)} ${r.deletedMsgid ?? ''}` : ''),
          },
        ]}
      />
    </Space>
  );
}
