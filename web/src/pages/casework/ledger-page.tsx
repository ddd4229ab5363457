// 资金台账: recoveries, fines, refusals, deposit deductions and self-refunds per institution and period,
// with the entries behind them and an xlsx export.
import { Alert, Button, Card, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { LEDGER_KINDS, type LedgerKind, OUTCOME_KINDS } from '../../../../src/domain/casework/codes.ts';
import { Money } from '../../components/money.tsx';
import { withQuery } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';

interface Total {
  fixmedinsCode: string;
  institutionName: string | null;
  period: string;
  kind: LedgerKind;
  amountFen: number;
}
interface Entry extends Total {
  id: number;
  caseworkId: number;
}
type Line = { key: string; fixmedinsCode: string; institutionName: string | null; period: string } & Record<
  LedgerKind,
  number
>;

const thisMonth = () => new Date().toISOString().slice(0, 7);

export default function LedgerPage() {
  const [from, setFrom] = useState(`${thisMonth().slice(0, 4)}-01`);
  const [to, setTo] = useState(thisMonth());
  const [institution, setInstitution] = useState('');
  const query = { from, to, institution: institution.trim() || undefined };
  const r = useApi<{ items: Entry[]; totals: Total[] }>('/api/casework/ledger', query);
  const lines = new Map<string, Line>();
  for (const t of r.data?.totals ?? []) {
    const key = `${t.fixmedinsCode}|${t.period}`;
    const line =
      lines.get(key) ??
      ({
        key,
        fixmedinsCode: t.fixmedinsCode,
        institutionName: t.institutionName,
        period: t.period,
        recovery: 0,
        fine: 0,
        refusal: 0,
        deduction: 0,
        self_refund: 0,
      } as Line);
    line[t.kind] += t.amountFen;
    lines.set(key, line);
  }
  return (
    <Card
      title="资金台账"
      extra={<Button href={withQuery('/api/casework/ledger.xlsx', query)}>导出 xlsx</Button>}
    >
      <Space style={{ marginBottom: 12 }}>
        <Input type="month" value={from} onChange={(e) => setFrom(e.target.value)} />
        至
        <Input type="month" value={to} onChange={(e) => setTo(e.target.value)} />
        <Input
          placeholder="定点机构编码"
          value={institution}
          onChange={(e) => setInstitution(e.target.value)}
        />
      </Space>
      {r.error && <Alert type="error" message={r.error.message} />}
      <Table<Line>
        rowKey="key"
        size="small"
        loading={r.loading}
        dataSource={[...lines.values()]}
        pagination={false}
        columns={[
          { title: '定点机构', render: (_, l) => l.institutionName ?? l.fixmedinsCode },
          { title: '期间', dataIndex: 'period' },
          ...LEDGER_KINDS.map((k) => ({
            title: `${OUTCOME_KINDS[k]}（元）`,
            dataIndex: k,
            align: 'right' as const,
            render: (f: number) => <Money fen={f} />,
          })),
          {
            title: '合计（元）',
            align: 'right' as const,
            render: (_: unknown, l: Line) => (
              <Money strong fen={LEDGER_KINDS.reduce((s, k) => s + l[k], 0)} />
            ),
          },
        ]}
      />
      <Table<Entry>
        style={{ marginTop: 16 }}
        rowKey="id"
        size="small"
        dataSource={r.data?.items ?? []}
        columns={[
          { title: '期间', dataIndex: 'period' },
          { title: '定点机构', render: (_, e) => e.institutionName ?? e.fixmedinsCode },
          {
            title: '案件',
            dataIndex: 'caseworkId',
            render: (id: number) => <Link to={`/casework/${id}`}>{id}</Link>,
          },
          { title: '类别', dataIndex: 'kind', render: (k: LedgerKind) => OUTCOME_KINDS[k] },
          {
            title: '金额（元）',
            dataIndex: 'amountFen',
            align: 'right',
            render: (f: number) => <Money fen={f} />,
          },
        ]}
      />
    </Card>
  );
}
