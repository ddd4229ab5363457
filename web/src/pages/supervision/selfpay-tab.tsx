// 自费就诊: the visits 定点 institutions reported through the national interface as paid in full by
// the patient (4202 住院, 4205 门诊, lines by 4201A, 4203 完成). 仅参保人 narrows them to persons
// insured that day — an insured person paying for care in scope in full is where a 转嫁费用 check
// starts. Filter by institution and day, export as xlsx.
import {
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Input,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type {
  SelfPayLineRow,
  SelfPayVisitDetail,
  SelfPayVisitRow,
} from '../../../../src/modules/supervision/contract.ts';
import { LoadError } from '../../components/page-state.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { type Page, withQuery } from '../../lib/api.ts';
import { fenToYuan, formatDateTime } from '../../lib/format.ts';
import { DEFAULT_PAGE_SIZE, type Paging } from '../../lib/paging.ts';
import { useApi } from '../../lib/use-api.ts';

export function SelfPayVisits() {
  const [institution, setInstitution] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [insured, setInsured] = useState(true);
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const [open, setOpen] = useState<number | null>(null);
  const filter = {
    institution: institution.trim() || undefined,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
    insured: insured ? '1' : undefined,
  };
  const list = useApi<Page<SelfPayVisitRow>>('/api/supervision/selfpay-visits', { ...filter, ...paging });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input
          placeholder="定点机构编码"
          value={institution}
          onChange={(e) => setInstitution(e.target.value)}
        />
        <DatePicker.RangePicker
          placeholder={['就诊日期起', '就诊日期止']}
          value={range}
          onChange={(v) => setRange(v)}
        />
        <Checkbox checked={insured} onChange={(e) => setInsured(e.target.checked)}>
          仅当日参保人
        </Checkbox>
        <Button href={withQuery('/api/supervision/selfpay-visits.xlsx', filter)}>导出 xlsx</Button>
      </Space>
      <Typography.Paragraph type="secondary">
        定点机构经医保接口上传的全自费就诊（4202 住院、4205 门诊，明细 4201A，4203
        上传完成）。证件号只用于匹配参保人，不留存；
        参保人在就诊当日有有效参保却全额自费，且有符合政策范围的费用，是核查转嫁费用的线索。
      </Typography.Paragraph>
      <PagedTable<SelfPayVisitRow>
        data-testid="supervision-selfpay"
        rowKey="id"
        size="small"
        list={list}
        paging={paging}
        onPage={setPaging}
        unit="次就诊"
        columns={[
          { title: '就诊时间', render: (_, r) => formatDateTime(r.beginAt) },
          { title: '定点机构', render: (_, r) => r.institutionName ?? r.fixmedinsCode },
          { title: '机构就诊ID', dataIndex: 'mdtrtId' },
          { title: '类别', render: (_, r) => (r.inpatient ? '住院' : '门诊') },
          {
            title: '参保人',
            render: (_, r) =>
              r.psnNo ? (
                <Space size={4}>
                  {r.psnName}
                  {r.insured ? <Tag color="orange">当日参保</Tag> : <Tag>当日未参保</Tag>}
                </Space>
              ) : (
                <Typography.Text type="secondary">非本统筹区参保人</Typography.Text>
              ),
          },
          {
            title: '主诊断',
            render: (_, r) => (r.mainDiagCode ? `${r.mainDiagName ?? ''}（${r.mainDiagCode}）` : ''),
          },
          { title: '明细', dataIndex: 'lines', align: 'right' },
          { title: '自费金额（元）', align: 'right', render: (_, r) => fenToYuan(r.amountFen) },
          {
            title: '其中符合政策范围（元）',
            align: 'right',
            render: (_, r) =>
              r.inscpFen > 0 ? (
                <Typography.Text type="danger">{fenToYuan(r.inscpFen)}</Typography.Text>
              ) : (
                '0.00'
              ),
          },
          { title: '上传完成', render: (_, r) => (r.completedAt ? '是' : '否') },
          {
            title: '',
            render: (_, r) => (
              <Button type="link" onClick={() => setOpen(r.id)}>
                明细
              </Button>
            ),
          },
        ]}
      />
      {open !== null && <VisitDrawer id={open} onClose={() => setOpen(null)} />}
    </Space>
  );
}

/** One reported visit: its diagnoses and lines, the in-scope part of each as the HIS computed it. */
function VisitDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const d = useApi<SelfPayVisitDetail>(`/api/supervision/selfpay-visits/${id}`);
  const v = d.data?.visit;
  const yuan = (fen: number | null) => (fen === null ? '' : fenToYuan(fen));
  return (
    <Drawer open size={880} title={v ? `自费就诊 ${v.mdtrtId}` : '自费就诊'} onClose={onClose}>
      {d.error && <LoadError error={d.error} onRetry={d.reload} />}
      {d.data && v && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label="定点机构">{v.institutionName ?? v.fixmedinsCode}</Descriptions.Item>
            <Descriptions.Item label="就诊">
              {v.inpatient ? '住院' : '门诊'} {formatDateTime(v.beginAt)}（医疗类别 {v.medType}）
            </Descriptions.Item>
            <Descriptions.Item label="参保人">
              {v.psnNo
                ? `${v.psnName ?? ''}（${v.psnNo}）${v.insured ? '，当日参保' : '，当日未参保'}`
                : '非本统筹区参保人'}
            </Descriptions.Item>
            <Descriptions.Item label="诊断">
              {d.data.diagnoses.map((x) => `${x.main ? '【主】' : ''}${x.name}（${x.code}）`).join('；') ||
                '—'}
            </Descriptions.Item>
            <Descriptions.Item label="自费金额">{fenToYuan(v.amountFen)} 元</Descriptions.Item>
            <Descriptions.Item label="其中符合政策范围">{fenToYuan(v.inscpFen)} 元</Descriptions.Item>
          </Descriptions>
          <Table<SelfPayLineRow>
            data-testid="selfpay-lines"
            size="small"
            rowKey="sn"
            pagination={false}
            dataSource={d.data.lines}
            columns={[
              { title: '记账流水号', dataIndex: 'sn' },
              { title: '时间', render: (_, l) => formatDateTime(l.occurredAt) },
              { title: '项目', render: (_, l) => `${l.hilistName ?? ''} ${l.itemCode}` },
              { title: '数量', align: 'right', render: (_, l) => String(Number(l.cnt)) },
              { title: '单价（元）', align: 'right', render: (_, l) => String(Number(l.price)) },
              { title: '金额（元）', align: 'right', render: (_, l) => fenToYuan(l.amountFen) },
              { title: '全自费（元）', align: 'right', render: (_, l) => yuan(l.fullOwnFen) },
              { title: '符合政策范围（元）', align: 'right', render: (_, l) => yuan(l.inscpFen) },
              { title: '备注', dataIndex: 'memo', ellipsis: true },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
