// Who pays what: each fund, the personal account and cash, and the check that they add up to the
// settlement's total.
import { Alert, Descriptions, type DescriptionsProps, Typography } from 'antd';
import { Money } from '../../components/money.tsx';
import { fenToYuan } from '../../lib/format.ts';
import { fundBreakdown } from './settlement-view.ts';
import type { SettlementHead } from './types.ts';

const amount = (key: string, label: string, testId: string, fen: number, strong = false) => ({
  key,
  label,
  children: (
    <span data-testid={testId}>
      <Money fen={fen} strong={strong} />
    </span>
  ),
});

export function FundBreakdown({ settlement }: { settlement: SettlementHead }) {
  const b = fundBreakdown(settlement);
  const items: DescriptionsProps['items'] = [
    ...b.parts.map((p) => amount(p.key, p.label, `fund-${p.key}`, p.fen)),
    amount('fund', '基金支付合计', 'fund-total', b.fundFen, true),
    amount('person', '个人负担合计', 'person-total', b.personFen, true),
    amount('total', '医疗费用总额', 'medfee-total', b.totalFen, true),
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
