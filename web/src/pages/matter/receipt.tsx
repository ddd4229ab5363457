// The papers the counter prints: 受理回执 (with the receipt number, due date and query code),
// 一次性告知书 (every missing material at once) and 容缺承诺书 (the deferred material and its day).
import { Button, Descriptions, Typography } from 'antd';
import type { MatterRow } from '../../../../src/modules/matter/contract.ts';
import { channelName, stateName } from './labels.ts';

export function MatterPaper({ matter }: { matter: MatterRow }) {
  const missing = matter.materials.filter((m) => m.status === 'missing').map((m) => m.name);
  const deferred = matter.materials.filter((m) => m.status === 'deferred').map((m) => m.name);
  const title = matter.receiptNo
    ? deferred.length && matter.state === 'deferred'
      ? '容缺受理回执及承诺书'
      : '受理回执'
    : '一次性告知书';
  return (
    <div className="matter-paper" data-testid="matter-paper">
      <Typography.Title level={4} style={{ textAlign: 'center' }}>
        {title}
      </Typography.Title>
      <Descriptions column={2} bordered size="small">
        <Descriptions.Item label="事项">{matter.typeName}</Descriptions.Item>
        <Descriptions.Item label="申请人">{matter.applicantName}</Descriptions.Item>
        <Descriptions.Item label="受理编号">
          <span data-testid="receipt-no">{matter.receiptNo ?? '—（材料补齐后受理）'}</span>
        </Descriptions.Item>
        <Descriptions.Item label="查询码">{matter.queryCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="申请日期">{matter.appliedOn}</Descriptions.Item>
        <Descriptions.Item label="承诺办结日期">
          {matter.dueOn ?? (matter.receiptNo ? '补齐材料后计算' : '—')}
        </Descriptions.Item>
        <Descriptions.Item label="受理渠道">{channelName(matter.channel)}</Descriptions.Item>
        <Descriptions.Item label="状态">{stateName(matter.state)}</Descriptions.Item>
      </Descriptions>
      {missing.length > 0 && (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          您申请的“{matter.typeName}”尚缺以下材料，请一次补齐后再来办理：
          <ol data-testid="missing-list">
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ol>
        </Typography.Paragraph>
      )}
      {deferred.length > 0 && matter.promiseDue && (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          本人承诺于 {matter.promiseDue} 前补交：{deferred.join('、')}。逾期未补交的，本事项按规定处理。
          <br />
          承诺人签字：＿＿＿＿＿＿＿＿
        </Typography.Paragraph>
      )}
      <Button className="no-print" onClick={() => window.print()} style={{ marginTop: 12 }}>
        打印
      </Button>
    </div>
  );
}
