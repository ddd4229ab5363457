// 监管汇总: the leader's paragraph for a period (cases opened and closed, counts and amounts per outcome
// of the 五个一批), as seed 002 reports it.
import { Alert, Card, Col, Input, Row, Space, Statistic } from 'antd';
import { useState } from 'react';
import { OUTCOME_KINDS } from '../../../../src/domain/casework/codes.ts';
import { fenToYuan } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';

type Kind = keyof typeof OUTCOME_KINDS;
interface Summary {
  cases: { opened: number; closed: number };
  byKind: Record<Kind, { count: number; amountFen: number; cases: number }>;
  text: string;
}
const MONEY = new Set<Kind>(['recovery', 'fine', 'refusal', 'deduction', 'self_refund']);
const thisMonth = () => new Date().toISOString().slice(0, 7);

export default function SummaryPage() {
  const [from, setFrom] = useState(`${thisMonth().slice(0, 4)}-01`);
  const [to, setTo] = useState(thisMonth());
  const s = useApi<Summary>('/api/casework/summary', { from, to });
  return (
    <Card title="监管汇总">
      <Space style={{ marginBottom: 12 }}>
        <Input type="month" value={from} onChange={(e) => setFrom(e.target.value)} />
        至
        <Input type="month" value={to} onChange={(e) => setTo(e.target.value)} />
      </Space>
      {s.error && <Alert type="error" message={s.error.message} />}
      {s.data && (
        <>
          <Alert type="info" message={s.data.text} style={{ marginBottom: 16 }} />
          <Row gutter={[16, 16]}>
            <Col span={6}>
              <Statistic title="立案" value={s.data.cases.opened} suffix="件" />
            </Col>
            <Col span={6}>
              <Statistic title="结案" value={s.data.cases.closed} suffix="件" />
            </Col>
            {(Object.keys(OUTCOME_KINDS) as Kind[]).map((k) => (
              <Col span={6} key={k}>
                <Statistic
                  title={`${OUTCOME_KINDS[k]}（${s.data!.byKind[k].count} 项）`}
                  value={MONEY.has(k) ? fenToYuan(s.data!.byKind[k].amountFen) : s.data!.byKind[k].count}
                  suffix={MONEY.has(k) ? '元' : '项'}
                />
              </Col>
            ))}
          </Row>
        </>
      )}
    </Card>
  );
}
