// One institution in a drawer: kind, level, place, agreement period and qualifications; its HIS
// credential (admins) and the 目录对照 its HIS uploaded.
import { Space, Tag } from 'antd';
import { CredentialSection } from './credential-section.tsx';
import { DepartmentSection } from './department-section.tsx';
import { MappingSection } from './mapping-section.tsx';
import { DetailDrawer } from '../../components/detail-drawer.tsx';
import type { Institution } from './institution-form.ts';
import { AGREEMENT_STATE_LABELS, agreementState, INSTITUTION_KIND_LABELS, QUALIFICATIONS } from './labels.ts';
import { chinaToday } from '../../lib/format.ts';
import { INSTITUTION_LEVEL_NAMES, labelOf } from '../../../../src/domain/shared/labels.ts';

export function AgreementTag({ from, to }: { from: string; to: string }) {
  const s = agreementState(from, to, chinaToday());
  const color = s === 'active' ? 'green' : s === 'expired' ? 'red' : 'gold';
  return <Tag color={color}>{AGREEMENT_STATE_LABELS[s]}</Tag>;
}

export function QualificationTags({ institution }: { institution: Institution }) {
  const held = QUALIFICATIONS.filter((q) => institution[q.prop]);
  if (held.length === 0) return <span style={{ color: '#999' }}>无</span>;
  return (
    <Space size={[0, 4]} wrap>
      {held.map((q) => (
        <Tag key={q.value} color="blue">
          {q.label}
        </Tag>
      ))}
    </Space>
  );
}

export function InstitutionDetail({
  place,
  canManageCredential,
  ...drawer
}: {
  open: boolean;
  item: Institution | null;
  place: (villageCode: string | null) => string;
  canEdit: boolean;
  /** his.credential.manage: the HIS 接入凭证 section */
  canManageCredential: boolean;
  onEdit: (i: Institution) => void;
  onClose: () => void;
}) {
  return (
    <DetailDrawer
      {...drawer}
      size={520}
      testId="institution-detail"
      more={(i) => (
        <>
          {canManageCredential && <CredentialSection key={i.code} code={i.code} />}
          <MappingSection key={`m-${i.code}`} code={i.code} />
          <DepartmentSection key={`d-${i.code}`} code={i.code} />
        </>
      )}
      lines={(i) => [
        { key: 'code', label: '机构编码', children: i.code },
        { key: 'name', label: '机构名称', children: i.name },
        { key: 'kind', label: '机构类型', children: labelOf(INSTITUTION_KIND_LABELS, i.kind) },
        { key: 'level', label: '医疗机构等级', children: labelOf(INSTITUTION_LEVEL_NAMES, i.level) },
        { key: 'admdvs', label: '医保区划', children: i.admdvs },
        { key: 'place', label: '所在地', children: place(i.villageCode) },
        {
          key: 'agreement',
          label: '协议期间',
          children: (
            <Space>
              {`${i.agreementFrom} 至 ${i.agreementTo}`}
              <AgreementTag from={i.agreementFrom} to={i.agreementTo} />
            </Space>
          ),
        },
        { key: 'quals', label: '结算资格', children: <QualificationTags institution={i} /> },
      ]}
    />
  );
}
