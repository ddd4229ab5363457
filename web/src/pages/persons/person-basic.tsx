// The person file's basic information. ID and phone come masked; roles with full-PII rights may
// reveal them through the audited endpoint (each reveal is an audit entry on the server).
import { App, Button, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api } from '../../lib/api.ts';
import { GENDER_NAMES, labelOf, PERSON_STATUS_NAMES, PERSON_STATUS_COLOR } from './labels.ts';
import type { Person } from './types.ts';

interface Revealed {
  certno: string;
  phone: string | null;
}

export function PersonBasic({ person, canReveal }: { person: Person; canReveal: boolean }) {
  const { message } = App.useApp();
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [busy, setBusy] = useState(false);

  const reveal = async () => {
    setBusy(true);
    try {
      setRevealed(await api.post<Revealed>(`/api/registry/persons/${person.psnNo}/reveal`));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '查看完整信息失败');
    } finally {
      setBusy(false);
    }
  };

  const certno = revealed?.certno ?? person.certno;
  const phone = revealed ? revealed.phone : person.phone;
  const revealAction = canReveal ? (
    revealed ? (
      <Button size="small" type="link" onClick={() => setRevealed(null)}>
        隐藏
      </Button>
    ) : (
      <Button
        size="small"
        type="link"
        loading={busy}
        onClick={reveal}
        title="查看完整身份证号码和联系电话（记入审计日志）"
      >
        显示完整
      </Button>
    )
  ) : null;

  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        { key: 'name', label: '姓名', children: person.name },
        { key: 'psnNo', label: '人员编号', children: person.psnNo },
        {
          key: 'status',
          label: '人员状态',
          children: (
            <Space size={4}>
              <Tag color={PERSON_STATUS_COLOR[person.status]}>
                {labelOf(PERSON_STATUS_NAMES, person.status)}
              </Tag>
              {person.statusDate && (
                <Typography.Text type="secondary">{person.statusDate} 起</Typography.Text>
              )}
            </Space>
          ),
        },
        {
          key: 'certno',
          label: '身份证号码',
          children: (
            <Space size={4} wrap>
              <Typography.Text code data-testid="person-certno">
                {certno}
              </Typography.Text>
              {revealAction}
            </Space>
          ),
        },
        { key: 'gender', label: '性别', children: labelOf(GENDER_NAMES, person.gender) },
        {
          key: 'birth',
          label: '出生日期',
          children: `${person.birthDate}${person.age !== null ? `（${person.age} 岁）` : ''}`,
        },
        {
          key: 'phone',
          label: '联系电话',
          children: (
            <Typography.Text code={!!phone} data-testid="person-phone">
              {phone ?? '未登记'}
            </Typography.Text>
          ),
        },
        {
          key: 'village',
          label: '所属村（社区）',
          children: person.villageName ? `${person.townshipName ?? ''} ${person.villageName}` : '—',
        },
        {
          key: 'household',
          label: '家庭户',
          children: person.householdNo ? (
            <Link to={`/households/${person.householdNo}`}>{person.householdNo}</Link>
          ) : (
            '未落户'
          ),
        },
        ...(person.deathDate ? [{ key: 'death', label: '死亡日期', children: person.deathDate }] : []),
      ]}
    />
  );
}
