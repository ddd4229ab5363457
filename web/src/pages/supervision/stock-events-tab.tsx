// 进销存上报: what institutions' own systems report record by record through the national interface
// (3501 盘存 … 3506 销售退货; 3507 deletes by 批次流水号). County staff filter and export them (the
// records deleted by 3507 shown on request, struck through), or see a month per institution and item
// beside what the fund settled.
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Input,
  Segmented,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  STOCK_EVENT_INFNO,
  STOCK_EVENT_KINDS,
  STOCK_EVENT_NAMES,
  type StockEventKind,
} from '../../../../src/domain/supervision/stock-events.ts';
import { soldShort } from '../../../../src/domain/supervision/stock.ts';
import type { StockEventRow, StockMonthRow } from '../../../../src/modules/supervision/contract.ts';
import { LoadError } from '../../components/page-state.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { type Page, withQuery } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { DEFAULT_PAGE_SIZE, type Paging } from '../../lib/paging.ts';
import { useApi } from '../../lib/use-api.ts';

export function StockEvents() {
  const [view, setView] = useState<'records' | 'months'>('records');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Segmented
        value={view}
        onChange={(v) => setView(v as 'records' | 'months')}
        options={[
          { value: 'records', label: '上报明细' },
          { value: 'months', label: '月度对比' },
        ]}
      />
      {view === 'records' ? <Records /> : <Months />}
    </Space>
  );
}

function Records() {
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
          { title: '追溯码', ellipsis: true, render: (_, r) => r.traceCodes.join(' ') },
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

/** A month per institution and item: purchased and sold (net of returns), the last count, settled. */
function Months() {
  const [institution, setInstitution] = useState('');
  const [month, setMonth] = useState<Dayjs | null>(null);
  const filter = { institution: institution.trim() || undefined, month: month?.format('YYYY-MM') };
  const list = useApi<{ items: StockMonthRow[] }>(
    filter.month ? '/api/supervision/stock-events/months' : null,
    filter,
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <DatePicker picker="month" placeholder="选择月份" value={month} onChange={(v) => setMonth(v)} />
        <Input
          placeholder="定点机构编码"
          value={institution}
          onChange={(e) => setInstitution(e.target.value)}
        />
        <Button
          disabled={!filter.month}
          href={withQuery('/api/supervision/stock-events/months.xlsx', filter)}
        >
          导出 xlsx
        </Button>
      </Space>
      {!filter.month && (
        <Alert type="info" message="选择月份，查看各机构上报的采购、销售、盘存与医保结算数量" />
      )}
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      {filter.month && (
        <Table<StockMonthRow>
          data-testid="supervision-stock-months"
          rowKey={(r) => `${r.fixmedinsCode}|${r.itemCode}`}
          size="small"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 50, showTotal: (n) => `共 ${n} 项` }}
          columns={[
            { title: '定点机构', render: (_, r) => r.institutionName ?? r.fixmedinsCode },
            { title: '医疗目录编码', dataIndex: 'itemCode' },
            { title: '名称', dataIndex: 'hilistName' },
            { title: '采购（净）', dataIndex: 'purchased' },
            { title: '销售（净）', dataIndex: 'sold' },
            { title: '盘存', render: (_, r) => (r.countedOn ? `${r.counted}（${r.countedOn}）` : '') },
            { title: '医保结算', dataIndex: 'settled' },
            {
              title: '结算超出销售',
              render: (_, r) => {
                const over = soldShort(r.sold, r.settled);
                return over > 0 ? <Typography.Text type="danger">{over}</Typography.Text> : 0;
              },
            },
          ]}
        />
      )}
    </Space>
  );
}
