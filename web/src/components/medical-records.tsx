// 诊疗记录 (4301/4302), 病案首页 (4401), 医嘱 (4402) and 电子病历 (4701) of a settlement's visit, as the institution's HIS uploaded them,
// for the 病历抽查 reviewers: each section in the form's order, one row as a description list,
// several as a table (by pages of 50). Loaded on request where it is beside other things (each reading is audited).
import { Alert, Button, Card, Descriptions, Empty, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { MedicalRecordItem, VisitMedicalRecords } from '../../../src/modules/his/contract.ts';
import { MEDICAL_RECORD_FORMS, RECORD_MEMBER_NAMES } from '../../../src/domain/his/medical-record-forms.ts';
import { formatDateTime } from '../lib/format.ts';
import { useStaff } from '../lib/session.tsx';
import { useApi } from '../lib/use-api.ts';

const label = (member: string) => RECORD_MEMBER_NAMES[member] ?? member;
/** the members a reviewer reads most first, in the order they are named; the others by code */
const NAMED = new Map(Object.keys(RECORD_MEMBER_NAMES).map((m, i) => [m, i]));
const byReading = (a: string, b: string) =>
  (NAMED.get(a) ?? NAMED.size) - (NAMED.get(b) ?? NAMED.size) || a.localeCompare(b);

/** a stay's orders (4402) run to thousands of rows */
const PAGE = 50;
/** not a member's name (those begin with a letter) */
const ROW_KEY = '__row';

function Section({ name, rows }: { name: string; rows: Record<string, string>[] }) {
  if (rows.length === 1) {
    return (
      <Descriptions size="small" bordered column={2} title={name}>
        {Object.entries(rows[0]!)
          .sort(([a], [b]) => byReading(a, b))
          .map(([k, v]) => (
            <Descriptions.Item key={k} label={label(k)}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span>
            </Descriptions.Item>
          ))}
      </Descriptions>
    );
  }
  const members = [...new Set(rows.flatMap((r) => Object.keys(r)))].sort(byReading);
  return (
    <Table<Record<string, string>>
      size="small"
      bordered
      title={() => <Typography.Text strong>{`${name}（${rows.length} 条）`}</Typography.Text>}
      pagination={rows.length > PAGE ? { pageSize: PAGE, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      rowKey={ROW_KEY}
      dataSource={rows.map((r, i) => ({ ...r, [ROW_KEY]: String(i) }))}
      columns={members.map((m) => ({ title: label(m), dataIndex: m }))}
    />
  );
}

function RecordCard({ record }: { record: MedicalRecordItem }) {
  const form = MEDICAL_RECORD_FORMS[record.infno];
  return (
    <Card
      size="small"
      type="inner"
      data-testid={`medical-record-${record.infno}`}
      title={`${form.name}（${record.infno}）`}
      extra={
        <Typography.Text type="secondary">
          上传于 {formatDateTime(record.uploadedAt)}
          {record.replaced > 0 ? `，此前 ${record.replaced} 次上传已替换` : ''}
        </Typography.Text>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {form.sections.map(([s, name]) => {
          const rows = record.document[s];
          return rows && rows.length > 0 ? <Section key={s} name={name} rows={rows} /> : null;
        })}
      </Space>
    </Card>
  );
}

/** a settlement's visit, or the visit itself */
type VisitRef = { setlId: string } | { mdtrtId: string };

function Loaded({ visit }: { visit: VisitRef }) {
  const r = useApi<VisitMedicalRecords>('/api/his/medical-records', visit);
  if (r.error) return <Alert type="error" showIcon title={r.error.message} />;
  if (r.loading || !r.data) return <Card size="small" loading />;
  if (r.data.records.length === 0) {
    return (
      <Empty description="定点机构 HIS 尚未上传该次就诊的诊疗记录（4301/4302）、病案首页（4401）、医嘱（4402）或电子病历（4701）" />
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {r.data.records.map((x) => (
        <RecordCard key={x.id} record={x} />
      ))}
    </Space>
  );
}

/**
 * A visit's clinical records (named by a settlement or by the visit), for those who review records
 * (病历抽查); nothing for others. `open`: load at once (the review itself) rather than on the
 * reviewer's click.
 */
export function MedicalRecords({ open = false, ...visit }: VisitRef & { open?: boolean }) {
  const staff = useStaff();
  const [shown, setShown] = useState(open);
  if (!staff.permissions.includes('supervision.sample')) return null;
  return (
    <Card
      size="small"
      title="诊疗记录与电子病历（HIS 上传）"
      className="no-print"
      data-testid="medical-records"
    >
      {shown ? (
        <Loaded visit={visit} />
      ) : (
        <Button onClick={() => setShown(true)}>查看病历（查阅将记入审计日志）</Button>
      )}
    </Card>
  );
}
