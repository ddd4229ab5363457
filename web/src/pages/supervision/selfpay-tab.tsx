// 自费就诊: the visits 定点 institutions reported through the national interface as paid in full by
// the patient (4202 住院, 4205 门诊, lines by 4201A, 4203 完成). 仅参保人 narrows them to persons
// insured that day — an insured person paying for care in scope in full is where a 转嫁费用 check
// starts. Filter by institution and day, export as xlsx.
import { Button, Checkbox, DatePicker, Input, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { SelfPayVisitRow } from '../../../../src/modules/supervision/contract.ts';
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
        ]}
      />
    </Space>
  );
}
