// 结算清单 beside a settlement: what the institution's HIS uploaded by 4101 (main diagnosis,
// operations, status, when, how often replaced), or that it has not yet — for county staff, who
// check lists before the DRG/DIP grouping. Not printed on the 结算单.
import { Alert, Card, Descriptions, Typography } from 'antd';
import type { SettlementListItem } from '../../../../src/modules/his/contract.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';

export function SettlementListCard({ setlId }: { setlId: string }) {
  const staff = useStaff();
  const allowed = staff.permissions.includes('registry.institution.view');
  const l = useApi<SettlementListItem>(
    allowed ? `/api/his/settlement-lists/${encodeURIComponent(setlId)}` : null,
  );
  if (!allowed) return null;
  const notYet = l.error?.code === 'HIS_LIST_NOT_FOUND';
  return (
    <Card
      size="small"
      title="结算清单（HIS 上传）"
      className="slip-section no-print"
      data-testid="settlement-list"
      loading={l.loading}
    >
      {notYet ? (
        <Typography.Text type="secondary">定点机构 HIS 尚未上传结算清单（4101）</Typography.Text>
      ) : l.error ? (
        <Alert type="error" showIcon title={l.error.message} />
      ) : l.data ? (
        <Descriptions size="small" column={2}>
          <Descriptions.Item label="主要诊断">
            {l.data.mainDiagCode ? `${l.data.mainDiagName ?? ''}（${l.data.mainDiagCode}）` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="手术操作">{l.data.operations} 项</Descriptions.Item>
          <Descriptions.Item label="清单状态（stas_type）">{l.data.status ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="上传时间">
            {formatDateTime(l.data.uploadedAt)}
            {l.data.replaced > 0 ? `（此前上传 ${l.data.replaced} 次，已替换）` : ''}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </Card>
  );
}
