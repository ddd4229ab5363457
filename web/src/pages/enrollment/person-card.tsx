// Who is being enrolled: name, masked ID, where they live, status and special identities.
import { Descriptions, Tag } from 'antd';
import { Link } from 'react-router';
import { maskIdNumber } from '../../lib/format.ts';
import { GENDER_NAMES, labelOf, PERSON_STATUS_NAMES } from './enrollment-labels.ts';

export interface PersonSummary {
  psnNo: string;
  certno: string;
  name: string;
  gender: string;
  birthDate: string;
  age: number | null;
  villageName: string | null;
  townshipName: string | null;
  status: string;
  statusDate: string | null;
  deathDate: string | null;
}

export interface IdentitySpell {
  id: number;
  code: string;
  name: string;
  validFrom: string;
  validTo: string | null;
}

export function PersonCard({ person, identities }: { person: PersonSummary; identities: IdentitySpell[] }) {
  const p = person;
  const status = labelOf(PERSON_STATUS_NAMES, p.status);
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 4 }}
      data-testid="person-card"
      items={[
        { key: 'name', label: '姓名', children: <Link to={`/persons/${p.psnNo}`}>{p.name}</Link> },
        { key: 'psnNo', label: '人员编号', children: p.psnNo },
        { key: 'certno', label: '身份证号', children: maskIdNumber(p.certno) },
        {
          key: 'gender',
          label: '性别 / 年龄',
          children: `${labelOf(GENDER_NAMES, p.gender)} / ${p.age ?? '—'} 岁（${p.birthDate}）`,
        },
        {
          key: 'place',
          label: '所属村（社区）',
          children: [p.townshipName, p.villageName].filter(Boolean).join(' ') || '—',
        },
        {
          key: 'status',
          label: '人员状态',
          children:
            p.status === 'normal' ? (
              <Tag color="green">{status}</Tag>
            ) : (
              <Tag color="red">
                {status}
                {(p.deathDate ?? p.statusDate) ? `（${p.deathDate ?? p.statusDate}）` : ''}
              </Tag>
            ),
        },
        {
          key: 'identities',
          label: '特殊身份',
          span: 2,
          children: identities.length
            ? identities.map((i) => (
                <Tag key={i.id} color={i.validTo ? undefined : 'blue'}>
                  {i.name} {i.validFrom} 至 {i.validTo ?? '今'}
                </Tag>
              ))
            : '无',
        },
      ]}
    />
  );
}
