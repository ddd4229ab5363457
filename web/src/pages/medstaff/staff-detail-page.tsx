// 一名医保医师: the record, the payment qualification, and the points of each calendar year against
// the thresholds (9 suspends, 12 terminates), each event with its band, reason and case.
import { Alert, Card, Descriptions, Progress, Space, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import {
  POINT_BANDS,
  type PointBand,
  SUSPEND_AT,
  TERMINATE_AT,
} from '../../../../src/domain/medstaff/points.ts';
import {
  QUALIFICATION_NAMES,
  STAFF_KINDS,
  type StaffRow,
} from '../../../../src/modules/medstaff/contract.ts';
import { useApi } from '../../lib/use-api.ts';

type Staff = StaffRow;
interface Point {
  id: number;
  caseworkId: number | null;
  band: PointBand;
  points: number;
  on: string;
  reason: string;
}
const COLORS = { normal: 'green', suspended: 'orange', terminated: 'red' } as const;

export default function StaffDetailPage() {
  const { id } = useParams();
  const r = useApi<{ staff: Staff; points: Point[] }>(`/api/medstaff/staff/${id}`);
  if (r.error) return <Alert type="error" message={r.error.message} />;
  const s = r.data?.staff;
  const points = r.data?.points ?? [];
  const years = [...new Set(points.map((p) => p.on.slice(0, 4)))].sort().reverse();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={s ? `医保医师：${s.name}（${s.staffCode}）` : '医保医师'} loading={r.loading}>
        {s && (
          <Descriptions column={3} size="small">
            <Descriptions.Item label="定点机构">{s.institutionName ?? s.fixmedinsCode}</Descriptions.Item>
            <Descriptions.Item label="类别">{STAFF_KINDS[s.kind]}</Descriptions.Item>
            <Descriptions.Item label="科室">{s.department || '—'}</Descriptions.Item>
            <Descriptions.Item label="医保支付资格">
              <Tag color={COLORS[s.status]}>
                {QUALIFICATION_NAMES[s.status]}
                {s.status === 'suspended' && s.suspendedUntil ? ` 至 ${s.suspendedUntil}` : ''}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label="禁止再登记至">{s.barredUntil ?? '—'}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card title="记分（按自然年度累计，每年 1 月 1 日清零）">
        {years.length === 0 && <p>没有记分记录。</p>}
        {years.map((y) => {
          const mine = points.filter((p) => p.on.startsWith(y));
          const total = mine.reduce((a, p) => a + p.points, 0);
          return (
            <div key={y} style={{ marginBottom: 16 }}>
              <Space>
                <strong>
                  {y} 年累计 {total} 分
                </strong>
                {total >= TERMINATE_AT ? (
                  <Tag color="red">已达 {TERMINATE_AT} 分：终止医保支付资格</Tag>
                ) : total >= SUSPEND_AT ? (
                  <Tag color="orange">已达 {SUSPEND_AT} 分：暂停医保支付资格</Tag>
                ) : (
                  <Tag>距暂停还差 {SUSPEND_AT - total} 分</Tag>
                )}
              </Space>
              <Progress
                percent={Math.min(100, Math.round((total * 100) / TERMINATE_AT))}
                steps={TERMINATE_AT}
                strokeColor={total >= SUSPEND_AT ? '#fa541c' : '#1677ff'}
                format={() => `${total}/${TERMINATE_AT}`}
              />
              <Table<Point>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={mine}
                columns={[
                  { title: '记分日期', dataIndex: 'on' },
                  { title: '情形', dataIndex: 'band', render: (b: PointBand) => POINT_BANDS[b].name },
                  { title: '分值', dataIndex: 'points' },
                  { title: '事由', dataIndex: 'reason', render: (t: string) => t || '—' },
                  {
                    title: '案件',
                    dataIndex: 'caseworkId',
                    render: (c: number | null) => (c ? <Link to={`/casework/${c}`}>案件 {c}</Link> : '—'),
                  },
                ]}
              />
            </div>
          );
        })}
      </Card>
    </Space>
  );
}
