// Who pays what: each fund, the personal account and cash, and the check that they add up to the
// settlement's total.
import { Alert, Descriptions, type DescriptionsProps, Typography } from 'antd';
import { Money } from '../../components/money.tsx';
import { fenToYuan } from '../../lib/format.ts';
import { fundBreakdown } from './settlement-view.ts';
import type { SettlementHead } from './types.ts';

export function FundBreakdown({ settlement }: { settlement: SettlementHead }) {
  const b = fundBreakdown(settlement);
  const items: DescriptionsProps['items'] = [
    ...b.parts.map((p) => ({
      key: p.key,
      label: p.label,
      children: (
        <span data-testid={`fund-${p.key}`}>
          <Money fen={p.fen} />
        </span>
      ),
    })),
    {
      key: 'fund',
      label: '基金支付合计',
      children: (
        <span data-testid="fund-total">
          <Money fen={b.fundFen} strong />
        </span>
      ),
    },
    {
      key: 'person',
      label: '个人负担合计',
      children: (
        <span data-testid="person-total">
          <Money fen={b.personFen} strong />
        </span>
      ),
    },
    {
      key: 'total',
      label: '医疗费用总额',
      children: (
        <span data-testid="medfee-total">
          <Money fen={b.totalFen} strong />
        </span>
      ),
    },
  ];
  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 4, md: 4, lg: 4, xl: 4, xxl: 4 }}
        items={items}
      />
      {b.addsUp ? (
        <Typography.Paragraph data-testid="fund-check" className="fund-check" style={{ margin: '8px 0 0' }}>
          核对：{b.equation} 元，等于医疗费用总额 {fenToYuan(b.totalFen)} 元（基金 {fenToYuan(b.fundFen)} 元 +
          个人 {fenToYuan(b.personFen)} 元）。
        </Typography.Paragraph>
      ) : (
        <Alert
          type="error"
          showIcon
          data-testid="fund-check"
          style={{ marginTop: 8 }}
          title={`各项合计 ${fenToYuan(b.sumFen)} 元与医疗费用总额 ${fenToYuan(b.totalFen)} 元不一致，请联系系统管理员核查。`}
        />
      )}
    </>
  );
}
