// One catalogue item in a drawer: class, first self-paid share, price cap, restrictions, validity.
import { Space, Tag } from 'antd';
import { Money } from '../../components/money.tsx';
import { bpToRatioPercent } from '../../lib/format.ts';
import type { CatalogueItem } from './catalogue-form.ts';
import { DetailDrawer } from '../../components/detail-drawer.tsx';
import { CATALOGUE_KIND_LABELS, MED_CHRGITM_TYPE_LABELS, restrictionsOf, validityText } from './labels.ts';
import { CHARGE_CLASS_NAMES, labelOf } from '../../../../src/domain/shared/labels.ts';

const LV_COLORS: Record<string, string> = { '01': 'green', '02': 'blue', '03': 'orange' };

export function ClassTag({ lv }: { lv: string }) {
  return <Tag color={LV_COLORS[lv]}>{labelOf(CHARGE_CLASS_NAMES, lv)}</Tag>;
}

export function RestrictionTags({ item }: { item: CatalogueItem }) {
  const r = restrictionsOf(item);
  if (r.length === 0) return <span style={{ color: '#999' }}>无</span>;
  return (
    <Space size={[0, 4]} wrap>
      {r.map((t) => (
        <Tag key={t} color="purple">
          {t}
        </Tag>
      ))}
    </Space>
  );
}

export function CatalogueDetail(props: {
  open: boolean;
  item: CatalogueItem | null;
  canEdit: boolean;
  onEdit: (i: CatalogueItem) => void;
  onClose: () => void;
}) {
  return (
    <DetailDrawer
      {...props}
      size={560}
      testId="catalogue-detail"
      lines={(i) => [
        {
          key: 'code',
          label: '国家编码',
          children: <span style={{ wordBreak: 'break-all' }}>{i.code}</span>,
        },
        { key: 'name', label: '名称', children: i.name },
        { key: 'kind', label: '目录类别', children: labelOf(CATALOGUE_KIND_LABELS, i.kind) },
        { key: 'lv', label: '甲乙丙类', children: <ClassTag lv={i.chrgitmLv} /> },
        {
          key: 'share',
          label: '先行自付比例',
          children: i.chrgitmLv === '02' ? bpToRatioPercent(i.firstShareBp ?? 0) : '—（仅乙类）',
        },
        {
          key: 'cap',
          label: '限价（元）',
          children: i.priceCapFen === null ? '不限价' : <Money fen={i.priceCapFen} />,
        },
        {
          key: 'type',
          label: '收费项目类别',
          children: `${i.medChrgitmType} ${labelOf(MED_CHRGITM_TYPE_LABELS, i.medChrgitmType)}`,
        },
        { key: 'limits', label: '限制条件', children: <RestrictionTags item={i} /> },
        { key: 'valid', label: '有效期', children: validityText(i.validFrom, i.validTo) },
      ]}
    />
  );
}
