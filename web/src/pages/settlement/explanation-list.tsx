// The engine's steps as sentences a clerk reads out, each with its calculation and amount.
import { Alert, Empty, Tag } from 'antd';
import { Money } from '../../components/money.tsx';
import { type ExplainedStep, explainSteps, KIND_NAMES } from './explanation.ts';
import type { SettlementDetail } from './types.ts';

const KIND_COLORS: Record<ExplainedStep['kind'], string | undefined> = {
  total: undefined,
  self: 'orange',
  scope: 'cyan',
  fund: 'green',
  account: 'blue',
  info: undefined,
  summary: 'purple',
};

export function ExplanationList({ detail }: { detail: SettlementDetail }) {
  const s = detail.settlement;
  if (s.kind === 'reversal')
    return (
      <Alert
        type="info"
        showIcon
        title="撤销记录不重新计算：各项金额为原结算的负数，冲回原结算的基金支付和个人负担。计算过程见原结算。"
      />
    );
  const steps = explainSteps(detail.steps, { assistanceName: s.assistanceIdentityName });
  if (steps.length === 0) return <Empty description="本结算没有保存计算过程" />;
  return (
    <table className="explain-table" data-testid="explanation">
      <thead>
        <tr>
          <th style={{ width: 48, whiteSpace: 'nowrap' }}>步骤</th>
          <th style={{ width: 96 }} className="kind">
            类别
          </th>
          <th>说明</th>
          <th className="formula">计算</th>
          <th style={{ width: 110, textAlign: 'right' }}>金额（元）</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((x, i) => (
          <tr key={x.key} data-rule={x.rule} className={x.kind === 'summary' ? 'summary' : undefined}>
            <td>{i + 1}</td>
            <td className="kind">
              <Tag color={KIND_COLORS[x.kind]} title={x.title}>
                {KIND_NAMES[x.kind]}
              </Tag>
            </td>
            <td>
              <strong>{x.title}：</strong>
              {x.sentence}
            </td>
            <td className="formula">{x.formula ?? ''}</td>
            <td style={{ textAlign: 'right' }}>{x.shownFen === null ? '—' : <Money fen={x.shownFen} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
