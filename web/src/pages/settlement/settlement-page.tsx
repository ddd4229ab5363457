// One settlement: head, fee lines with their classification, who paid what, and the engine's
// explanation in plain Chinese. "打印结算单" prints the same content as a one-page A4 结算单
// (slip-style.ts hides the frame and compacts the tables).
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useLocation, useNavigate, useParams } from 'react-router';
import { MedicalRecords } from '../../components/medical-records.tsx';
import { Loaded } from '../../components/page-state.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { ExplanationList } from './explanation-list.tsx';
import { FeeLinesTable } from './fee-lines-table.tsx';
import { FundBreakdown } from './fund-breakdown.tsx';
import { SettlementHeader } from './settlement-header.tsx';
import { SettlementListCard } from './settlement-list-card.tsx';
import { plainSummary } from '../../../../src/domain/settlement/plain-summary.ts';
import { slipTitle } from './settlement-view.ts';
import { SLIP_CSS } from './slip-style.ts';
import type { SettlementDetail } from './types.ts';

function Slip({ detail, staffName }: { detail: SettlementDetail; staffName: string }) {
  const s = detail.settlement;
  return (
    <div className="setl-slip" data-testid="settlement-slip">
      <div className="slip-title">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {slipTitle(s)}
        </Typography.Title>
        <Typography.Text type="secondary">
          结算编号 {s.setlId}　就诊编号 {s.mdtrtId}
        </Typography.Text>
      </div>
      <SlipSummary detail={detail} />
      <Card size="small" title="基本信息" className="slip-section">
        <SettlementHeader detail={detail} />
      </Card>
      <Card size="small" title="基金支付与个人负担" className="slip-section">
        <FundBreakdown settlement={s} />
      </Card>
      <Card
        size="small"
        title={`费用明细（${s.kind === 'reversal' ? '原结算，' : ''}${detail.lines.length} 项）`}
        className="slip-section"
      >
        <FeeLinesTable lines={detail.lines} />
      </Card>
      <Card size="small" title="计算过程" className="slip-section">
        <ExplanationList detail={detail} />
      </Card>
      {s.kind === 'settlement' && <SettlementListCard setlId={s.setlId} />}
      {s.kind === 'settlement' && <MedicalRecords setlId={s.setlId} />}
      <div className="print-only slip-footer">
        <span>打印人：{staffName}</span>
        <span>打印时间：{formatDateTime(new Date().toISOString())}</span>
        <span>参保人（签字）：＿＿＿＿＿＿</span>
      </div>
    </div>
  );
}

/** The sentence a patient reads first, its three explanations, the share in capitals, and the year. */
function SlipSummary({ detail }: { detail: SettlementDetail }) {
  const s = detail.settlement;
  // the person's own 大病 deductible as the engine applied it (halved for 特困/低保 …), else the policy's
  const criticalStep = detail.steps.find((x) => x.rule === 'CRITICAL_ILLNESS_BASE');
  const summary = plainSummary(
    {
      totalFen: s.medfeeSumamt,
      fundFen: s.fundPaySumamt,
      personFen: s.psnPartAmt,
      inScopeFen: s.inscpScpAmt,
      firstShareFen: s.preselfpayAmt,
      overCapFen: s.overlmtSelfpay,
      fullySelfPaidFen: s.fulamtOwnpayAmt,
    },
    s.yearBasicPaidFen === null
      ? null
      : {
          basicCapFen: s.basicCapFen,
          basicPaidFen: s.yearBasicPaidFen,
          criticalDeductibleFen:
            s.insutype === '390' ? (criticalStep?.amountFen ?? s.criticalDeductibleFen) : null,
          criticalBaseFen: s.yearCriticalBaseFen ?? 0,
          criticalPaidFen: s.yearCriticalPaidFen ?? 0,
        },
  );
  const operator =
    s.opterName || s.opter
      ? `${s.channel === 'his' ? '机构经办人' : '经办人'}：${[s.opterName, s.opter && `（${s.opter}）`].filter(Boolean).join('')}`
      : null;
  return (
    <Card size="small" className="slip-section slip-summary" data-testid="slip-summary">
      <div style={{ fontSize: 16, fontWeight: 600 }}>
        <span data-testid="slip-sentence">{summary.sentence}</span>
        <span className="slip-capitals" data-testid="slip-capitals">
          个人负担金额（大写）：人民币{summary.personCapitals}
        </span>
      </div>
      <ul style={{ margin: '8px 0', paddingLeft: 20 }}>
        {[...summary.lines, ...summary.year].map((l) => (
          <li key={l}>{l}</li>
        ))}
        <li className="slip-parties">
          医保经办机构：{s.regionName ? `${s.regionName}医疗保障局` : '—'}　定点医药机构：{s.fixmedinsName}
          {operator ? `　${operator}` : ''}
        </li>
      </ul>
    </Card>
  );
}

export default function SettlementPage() {
  const { setlId = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const staff = useStaff();
  const from = (location.state as { from?: string } | null)?.from ?? '/settlements';
  const d = useApi<SettlementDetail>(`/api/settlement/settlements/${encodeURIComponent(setlId)}`);

  return (
    <>
      <style>{SLIP_CSS}</style>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} className="slip-page">
        <Space className="no-print" wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(from)}>
            返回结算查询
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} disabled={!d.data} onClick={() => window.print()}>
            打印结算单
          </Button>
        </Space>
        <Loaded loading={d.loading} error={d.error} data={d.data} reload={d.reload}>
          {(detail) => <Slip detail={detail} staffName={staff.displayName} />}
        </Loaded>
      </Space>
    </>
  );
}
