// Person file tabs from the settlement module: this year's accumulators (累计) per scheme and the
// person's settlements, newest first, paginated by the server.
import { Card, Col, Descriptions, Empty, Row, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { Money } from '../../components/money.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { Loaded } from '../../components/page-state.tsx';
import type { Page } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import type { Paging } from '../../lib/paging.ts';
import { useApi } from '../../lib/use-api.ts';
import { INSUTYPE_NAMES, labelOf, MED_TYPE_NAMES, SETTLEMENT_STATUS } from './labels.ts';
import { accumulatorLines } from './person-view.ts';
import type { Accumulator, SettlementRow } from './types.ts';

export function Accumulators({ psnNo, year }: { psnNo: string; year: number }) {
  const acc = useApi<{ year: number; items: Accumulator[] }>(`/api/settlement/accumulators/${psnNo}`, {
    year,
  });
  return (
    <Loaded
      {...acc}
      empty={(d) => d.items.length === 0}
      emptyText={`${year} 年尚无待遇累计（未发生医保结算）`}
    >
      {(d) => (
        <Row gutter={[16, 16]}>
          {d.items.map((a) => (
            <Col key={a.insutype} xs={24} xl={12}>
              <Card size="small" title={`${labelOf(INSUTYPE_NAMES, a.insutype)} · ${a.year} 年`}>
                <Descriptions
                  size="small"
                  column={1}
                  items={accumulatorLines(a).map((l) => ({
                    key: l.key,
                    label: l.label,
                    children: l.fen === null ? `${l.count ?? 0} 次` : <Money fen={l.fen} />,
                  }))}
                />
                <div style={{ color: '#888', fontSize: 12 }}>
                  金额单位：元；更新于 {formatDateTime(a.updatedAt)}
                </div>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </Loaded>
  );
}

export function Settlements({ psnNo, linkable }: { psnNo: string; linkable: boolean }) {
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 10 });
  const list = useApi<Page<SettlementRow>>('/api/settlement/settlements', { psnNo, ...paging });
  const columns: TableColumnsType<SettlementRow> = [
    {
      title: '结算编号',
      dataIndex: 'setlId',
      render: (id: string) => (linkable ? <Link to={`/settlements/${id}`}>{id}</Link> : id),
    },
    { title: '结算时间', dataIndex: 'setlTime', width: 150, render: (v: string) => formatDateTime(v) },
    { title: '定点机构', dataIndex: 'fixmedinsName' },
    { title: '险种', dataIndex: 'insutype', render: (v: string) => labelOf(INSUTYPE_NAMES, v) },
    {
      title: '医疗类别',
      dataIndex: 'medType',
      width: 100,
      render: (v: string) => labelOf(MED_TYPE_NAMES, v),
    },
    {
      title: '医疗费总额（元）',
      dataIndex: 'medfeeSumamt',
      align: 'right',
      render: (v: number) => <Money fen={v} />,
    },
    {
      title: '基金支付（元）',
      dataIndex: 'fundPaySumamt',
      align: 'right',
      render: (v: number) => <Money fen={v} />,
    },
    {
      title: '个人现金（元）',
      dataIndex: 'psnCashPay',
      align: 'right',
      render: (v: number) => <Money fen={v} />,
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (s: string) => (
        <Tag color={s === 'settled' ? 'green' : 'orange'}>{labelOf(SETTLEMENT_STATUS, s)}</Tag>
      ),
    },
  ];
  return (
    <PagedTable<SettlementRow>
      rowKey="setlId"
      size="small"
      columns={columns}
      list={list}
      paging={paging}
      onPage={setPaging}
      unit="笔"
      pageSizes={[10, 20, 50]}
      scroll={{ x: 1100 }}
      locale={{ emptyText: <Empty description="无结算记录" /> }}
    />
  );
}
