// A list of matters (queues, search results): number, matter, applicant, state, due date.
import { type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import type { MatterRow } from '../../../../src/modules/matter/contract.ts';
import { PagedTable } from '../../components/paged-table.tsx';
import type { Page } from '../../lib/api.ts';
import type { Paging } from '../../lib/paging.ts';
import type { Loaded } from '../../lib/use-api.ts';
import { channelName, STATE_COLOR, stateName } from './labels.ts';

const columns: TableColumnsType<MatterRow> = [
  {
    title: '受理编号',
    dataIndex: 'receiptNo',
    render: (v: string | null, m) => <Link to={`/matter/${m.id}`}>{v ?? `告知-${m.id}`}</Link>,
  },
  { title: '事项', dataIndex: 'typeName' },
  { title: '申请人', dataIndex: 'applicantName' },
  { title: '人员编号', dataIndex: 'psnNo', render: (v: string | null) => v ?? '—' },
  { title: '渠道', dataIndex: 'channel', render: channelName },
  { title: '申请日期', dataIndex: 'appliedOn' },
  { title: '承诺办结', dataIndex: 'dueOn', render: (v: string | null) => v ?? '—' },
  {
    title: '状态',
    dataIndex: 'state',
    render: (s: keyof typeof STATE_COLOR) => <Tag color={STATE_COLOR[s]}>{stateName(s)}</Tag>,
  },
];

export function MatterTable(props: {
  list: Loaded<Page<MatterRow>>;
  paging: Paging;
  onPage: (p: Paging) => void;
}) {
  return <PagedTable<MatterRow> rowKey="id" columns={columns} unit="件" {...props} />;
}
