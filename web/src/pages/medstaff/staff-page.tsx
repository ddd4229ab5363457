// 医保医师: the registry of each institution's staff with their payment qualification, xlsx import (all
// rows or none) and export.
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  QUALIFICATION_NAMES,
  STAFF_KINDS,
  type StaffRow,
} from '../../../../src/modules/medstaff/contract.ts';
import { ApiError, api, withQuery } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';

type Row = StaffRow & { yearPoints: number };
const COLORS = { normal: 'green', suspended: 'orange', terminated: 'red' } as const;

export default function StaffPage() {
  const [institution, setInstitution] = useState('');
  const [status, setStatus] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const query = { institution: institution.trim() || undefined, status, q: q.trim() || undefined };
  const list = useApi<{ items: Row[]; total: number }>('/api/medstaff/staff', { ...query, page });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const upload = async (file: File) => {
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      const r = await api.post<{ rows: number; created: number; updated: number }>('/api/medstaff/import', {
        fileName: file.name,
        content: btoa(bin),
      });
      setMessage({ ok: true, text: `已导入 ${r.rows} 人（新增 ${r.created}，更新 ${r.updated}）` });
      list.reload();
    } catch (e) {
      setMessage({ ok: false, text: e instanceof ApiError ? e.message : String(e) });
    }
    return false;
  };

  return (
    <Card
      title="医保医师"
      extra={
        <Space>
          <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => upload(f)}>
            <Button>导入 xlsx</Button>
          </Upload>
          <Button href={withQuery('/api/medstaff/staff.xlsx', query)}>导出 xlsx</Button>
        </Space>
      }
    >
      <p>
        导入文件第 1
        行为表头：定点机构编码、人员代码、姓名、类别（医师/药师/护士/技师）、科室；任一行有误则整个文件不导入。
      </p>
      <Space style={{ marginBottom: 12 }}>
        <Input
          placeholder="定点机构编码"
          value={institution}
          onChange={(e) => setInstitution(e.target.value)}
        />
        <Select
          allowClear
          placeholder="资格状态"
          style={{ width: 120 }}
          value={status}
          onChange={setStatus}
          options={Object.entries(QUALIFICATION_NAMES).map(([value, label]) => ({ value, label }))}
        />
        <Input placeholder="姓名或人员代码" value={q} onChange={(e) => setQ(e.target.value)} />
      </Space>
      {message && (
        <Alert type={message.ok ? 'success' : 'error'} message={message.text} style={{ marginBottom: 12 }} />
      )}
      {list.error && <Alert type="error" message={list.error.message} />}
      <Table<Row>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        columns={[
          { title: '编号', dataIndex: 'id' },
          { title: '定点机构', render: (_, r) => r.institutionName ?? r.fixmedinsCode },
          { title: '人员代码', dataIndex: 'staffCode' },
          { title: '姓名', render: (_, r) => <Link to={`/medstaff/${r.id}`}>{r.name}</Link> },
          { title: '类别', dataIndex: 'kind', render: (k: Row['kind']) => STAFF_KINDS[k] },
          { title: '科室', dataIndex: 'department' },
          {
            title: '医保支付资格',
            render: (_, r) => (
              <Tag color={COLORS[r.status]}>
                {QUALIFICATION_NAMES[r.status]}
                {r.status === 'suspended' && r.suspendedUntil ? ` 至 ${r.suspendedUntil}` : ''}
              </Tag>
            ),
          },
          { title: '禁止再登记至', dataIndex: 'barredUntil', render: (d: string | null) => d ?? '—' },
          {
            title: '本年记分',
            dataIndex: 'yearPoints',
            render: (n: number) => (n > 0 ? <Tag color={n >= 9 ? 'red' : 'gold'}>{n} 分</Tag> : '0'),
          },
        ]}
      />
    </Card>
  );
}
