// 医保科室 in the institution drawer: the departments the institution's HIS uploaded (3401, changed
// by 3402, revoked by 3403), with their head, beds and staff, searchable and exportable.
import type { DepartmentItem } from '../../../../src/modules/his/contract.ts';
import { UploadedSection } from './uploaded-section.tsx';

const count = (n: number | null) => (n === null ? '—' : String(n));

export function DepartmentSection({ code }: { code: string }) {
  return (
    <UploadedSection<DepartmentItem>
      testId="department-section"
      title="医保科室（HIS 上传）"
      path={`/api/his/departments/${code}`}
      placeholder="科室编码或名称"
      empty="该机构的 HIS 尚未上传科室信息"
      rowKey={(d) => d.code}
      columns={[
        { title: '科室', render: (_, d) => `${d.name}（${d.code}）` },
        { title: '科别', dataIndex: 'caty', width: 60 },
        { title: '负责人', render: (_, d) => d.detail.headName ?? '—', width: 90 },
        {
          title: '床位（批准/医保）',
          render: (_, d) => `${count(d.detail.approvedBeds)} / ${count(d.detail.insuredBeds)}`,
          width: 120,
        },
        {
          title: '医/药/护/技',
          render: (_, d) =>
            [d.detail.doctors, d.detail.pharmacists, d.detail.nurses, d.detail.technicians]
              .map(count)
              .join(' / '),
          width: 120,
        },
      ]}
    />
  );
}
