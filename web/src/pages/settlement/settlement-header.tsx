// The settlement's head: who, where, when, which care, scheme and policy, and its reversal status.
import { Descriptions, type DescriptionsProps, Space, Tag } from 'antd';
import { Link, useLocation } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import {
  GENDER_NAMES,
  INSUTYPE_NAMES,
  labelOf,
  INSTITUTION_LEVEL_NAMES,
  STATUS_COLORS,
  STATUS_NAMES,
} from './labels.ts';
import { medTypeName, reversalInfo, visitDates } from './settlement-view.ts';
import type { SettlementDetail } from './types.ts';

export function SettlementHeader({ detail }: { detail: SettlementDetail }) {
  const s = detail.settlement;
  // the counterpart opens with the same way back to the search
  const { state } = useLocation();
  const pv = detail.policyVersion;
  const rev = reversalInfo(s);
  const diagnoses = (s.diagnoses ?? [])
    .map((d) => [d.code, d.name].filter(Boolean).join(' '))
    .filter(Boolean)
    .join('；');
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: '参保人', children: <span data-testid="setl-person">{s.psnName}</span> },
    { key: 'psnNo', label: '人员编号', children: s.psnNo },
    { key: 'certno', label: '身份证号', children: s.certno ?? '—' },
    { key: 'gender', label: '性别', children: labelOf(GENDER_NAMES, s.gender) },
    {
      key: 'inst',
      label: '定点机构',
      children: `${s.fixmedinsName}（${s.fixmedinsCode}）`,
    },
    {
      key: 'level',
      label: '机构等级',
      children: s.institutionLevel ? `${labelOf(INSTITUTION_LEVEL_NAMES, s.institutionLevel)}` : '—',
    },
    { key: 'dates', label: s.inpatient ? '住院日期' : '就诊日期', children: visitDates(s) },
    { key: 'med', label: '医疗类别', children: `${medTypeName(s.medType)}（${s.medType}）` },
    { key: 'scheme', label: '险种', children: `${labelOf(INSUTYPE_NAMES, s.insutype)}（${s.insutype}）` },
    { key: 'diag', label: '诊断', children: diagnoses || '—' },
    {
      key: 'policy',
      label: '适用政策',
      children: pv.version ? `${pv.name ?? ''}（版本 ${pv.version}）` : '—',
      span: 2,
    },
    { key: 'time', label: '结算时间', children: formatDateTime(s.setlTime) },
    { key: 'year', label: '待遇年度', children: s.benefitYear },
    {
      key: 'identity',
      label: '救助身份',
      children: s.assistanceIdentityName ?? s.assistanceIdentity ?? '无',
    },
    {
      key: 'status',
      label: '结算状态',
      children: (
        <Space size={4} wrap data-testid="setl-status">
          <Tag color={STATUS_COLORS[s.status]}>{labelOf(STATUS_NAMES, s.status)}</Tag>
          {rev && (
            <>
              <span>{rev.text}，</span>
              <Link to={rev.linkTo} state={state}>
                {rev.linkLabel}
              </Link>
            </>
          )}
        </Space>
      ),
      span: 2,
    },
  ];
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 3, md: 3, lg: 3, xl: 3, xxl: 3 }}
      items={items}
    />
  );
}
