// One settlement: head, fee lines with their classification, who paid what, and the engine's
// explanation in plain Chinese. "打印结算单" prints the same content as a one-page A4 结算单
// (slip-style.ts hides the frame and compacts the tables).
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useLocation, useNavigate, useParams } from 'react-router';
import { Loaded } from '../../components/page-state.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { ExplanationList } from './explanation-list.tsx';
import { FeeLinesTable } from './fee-lines-table.tsx';
import { FundBreakdown } from './fund-breakdown.tsx';
import { SettlementHeader } from './settlement-header.tsx';
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
      <div className="print-only slip-footer">
        <span>经办人：{staffName}</span>
        <span>打印时间：{formatDateTime(new Date().toISOString())}</span>
        <span>参保人（签字）：＿＿＿＿＿＿</span>
      </div>
    </div>
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
