// The fee lines as the engine classified them: class, over-cap, class B first share, in scope,
// and why (reason codes in Chinese); a totals row closes the table.
import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Money } from '../../components/money.tsx';
import { bpToRatioPercent } from '../../lib/format.ts';
import { CHARGE_CLASS_NAMES, labelOf, reasonLabels } from './labels.ts';
import { lineTotals } from './settlement-view.ts';
import type { SettlementLine } from './types.ts';

const CLASS_COLORS: Record<string, string> = { '01': 'green', '02': 'blue', '03': 'orange' };

const money = (title: string, dataIndex: keyof SettlementLine, width = 92) => ({
  title,
  dataIndex,
  width,
  align: 'right' as const,
  render: (fen: number) => (fen === 0 ? <span className="zero">0.00</span> : <Money fen={fen} />),
});

export function FeeLinesTable({ lines }: { lines: SettlementLine[] }) {
  const t = lineTotals(lines);
  const columns: TableColumnsType<SettlementLine> = [
    { title: '序号', dataIndex: 'lineNo', width: 52 },
    {
      title: '项目名称',
      dataIndex: 'itemName',
      className: 'wrap',
      render: (name: string | null, l) => (
        <span>
          {name ?? '（目录外项目）'}
          <Typography.Text type="secondary" className="item-code" style={{ display: 'block', fontSize: 12 }}>
            {l.itemCode}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: '等级',
      dataIndex: 'chargeClass',
      width: 60,
      render: (c: string | null) =>
        c ? <Tag color={CLASS_COLORS[c]}>{labelOf(CHARGE_CLASS_NAMES, c)}</Tag> : <Tag>目录外</Tag>,
    },
    {
      title: '数量',
      dataIndex: 'quantity',
      width: 56,
      align: 'right',
      render: (q: number | null) => q ?? '—',
    },
    money('单价', 'unitPriceFen', 84),
    money('金额', 'amountFen'),
    money('全自费', 'fullySelfPaidFen', 84),
    money('超限价自付', 'overCapFen'),
    {
      title: '乙类先行自付',
      dataIndex: 'firstShareFen',
      width: 104,
      align: 'right',
      render: (fen: number, l) =>
        fen === 0 ? (
          <span className="zero">0.00</span>
        ) : (
          <span>
            <Money fen={fen} />
            <span className="share-bp"> ({bpToRatioPercent(l.firstShareBp)})</span>
          </span>
        ),
    },
    money('范围内费用', 'inScopeFen'),
    {
      title: '说明',
      dataIndex: 'reasons',
      width: 150,
      className: 'wrap',
      render: (codes: string[], l) => reasonLabels(codes, l.reasonNames).join('；') || '—',
    },
  ];
  return (
    <Table<SettlementLine>
      rowKey="lineNo"
      size="small"
      columns={columns}
      dataSource={lines}
      pagination={false}
      locale={{ emptyText: '没有费用明细' }}
      data-testid="fee-lines"
      summary={() => (
        <Table.Summary.Row className="lines-total">
          <Table.Summary.Cell index={0} colSpan={5}>
            <strong>合计（{lines.length} 项）</strong>
          </Table.Summary.Cell>
          {[t.amountFen, t.fullySelfPaidFen, t.overCapFen, t.firstShareFen, t.inScopeFen].map((fen, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns in a fixed order
            <Table.Summary.Cell key={i} index={5 + i} align="right">
              <Money fen={fen} strong />
            </Table.Summary.Cell>
          ))}
          <Table.Summary.Cell index={10} />
        </Table.Summary.Row>
      )}
    />
  );
}
