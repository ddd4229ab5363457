// 结算查询: filters in the URL, a server-paginated list of settlements and reversals; a row opens
// the settlement page (and its back button returns to this very search).
import { Card, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { Money } from '../../components/money.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import type { Page } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { useUrlState } from '../../lib/use-url-state.ts';
import { INSUTYPE_SHORT_NAMES, labelOf, MED_TYPE_NAMES, STATUS_COLORS, STATUS_NAMES } from './labels.ts';
import { SearchForm } from './search-form.tsx';
import { apiQuery, hasFilters, parseSearch, searchFromForm, searchToParams } from './search-query.ts';
import type { SettlementListItem } from './types.ts';

const money = (title: string, dataIndex: keyof SettlementListItem, width = 110) => ({
  title,
  dataIndex,
  width,
  align: 'right' as const,
  render: (fen: number) => <Money fen={fen} />,
});

export default function SettlementSearchPage() {
  const navigate = useNavigate();
  const { value: search, set: setSearch, reset, params } = useUrlState(parseSearch, searchToParams);
  const list = useApi<Page<SettlementListItem>>('/api/settlement/settlements', apiQuery(search));
  const from = `/settlements${params.size ? `?${params.toString()}` : ''}`;

  const columns: TableColumnsType<SettlementListItem> = [
    {
      title: '结算编号 / 日期',
      dataIndex: 'setlId',
      width: 200,
      render: (id: string, r) => (
        <span>
          <Link to={`/settlements/${id}`} state={{ from }} onClick={(e) => e.stopPropagation()}>
            {id}
          </Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {r.setlDate}
            {r.status !== 'settled' && (
              // a reversed settlement and its reversal are marked; plain ones are not
              <Tag color={STATUS_COLORS[r.status]} style={{ marginInlineStart: 8 }} data-testid="status-tag">
                {labelOf(STATUS_NAMES, r.status)}
              </Tag>
            )}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: '参保人',
      dataIndex: 'psnName',
      width: 124,
      render: (name: string, r) => (
        <span>
          {name}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {r.psnNo}
          </Typography.Text>
        </span>
      ),
    },
    { title: '定点机构', dataIndex: 'fixmedinsName', width: 150, ellipsis: { showTitle: true } },
    {
      title: '医疗类别',
      dataIndex: 'medType',
      width: 84,
      render: (c: string, r) => (
        <span>
          {labelOf(MED_TYPE_NAMES, c)}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {labelOf(INSUTYPE_SHORT_NAMES, r.insutype)}
          </Typography.Text>
        </span>
      ),
    },
    money('医疗总费用', 'medfeeSumamt', 100),
    money('统筹基金', 'hifpPay', 96),
    money('大病保险', 'hifmiPay', 84),
    money('医疗救助', 'mafPay', 84),
    money('个人账户', 'acctPay', 84),
    money('个人现金', 'psnCashPay', 96),
  ];

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        结算查询
      </Typography.Title>
      <Card size="small">
        <SearchForm
          value={search}
          onSearch={(v) => setSearch(searchFromForm(v, search.pageSize))}
          onReset={reset}
        />
      </Card>
      <Card size="small" data-testid="settlement-table">
        <PagedTable<SettlementListItem>
          rowKey="setlId"
          size="small"
          columns={columns}
          list={list}
          paging={search}
          onPage={(p) => setSearch({ ...search, ...p })}
          unit="条"
          locale={{ emptyText: hasFilters(search) ? '没有符合条件的结算记录' : '暂无结算记录' }}
          onRow={(r) => ({
            onClick: () => navigate(`/settlements/${r.setlId}`, { state: { from } }),
            style: { cursor: 'pointer' },
          })}
          scroll={{ x: 1100 }}
        />
      </Card>
    </Space>
  );
}
