// 医保目录 (/catalogue): search by national code or name, filter by kind and class (in the URL), a
// paginated table with the B-class first self-paid share, price cap, restrictions and validity;
// a detail drawer; admins add and edit.
import { Button } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { Money } from '../../components/money.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import type { Page } from '../../lib/api.ts';
import { bpToRatioPercent } from '../../lib/format.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { CatalogueDetail, ClassTag, RestrictionTags } from './catalogue-detail.tsx';
import type { CatalogueItem } from './catalogue-form.ts';
import { CatalogueFormDrawer } from './catalogue-form-drawer.tsx';
import { FilterSelect, KeywordFilter } from '../../components/filter-bar.tsx';
import { ListFrame } from '../../components/list-frame.tsx';
import { CATALOGUE_KIND_LABELS, CATALOGUE_KINDS, MED_CHRGITM_TYPE_LABELS, validityText } from './labels.ts';
import { CHARGE_CLASS_NAMES, CHARGE_CLASSES, labelOf } from '../../../../src/domain/shared/labels.ts';
import { parseCatalogueFilters } from './query.ts';
import { toQuery } from '../../lib/list-query.ts';
import { useListDrawers } from '../../lib/use-drawer.ts';
import { useUrlFilters } from '../../lib/use-url-filters.ts';

export default function CataloguePage() {
  const staff = useStaff();
  const isAdmin = staff.permissions.includes('registry.institution.edit');
  const [f, update] = useUrlFilters(parseCatalogueFilters);
  const list = useApi<Page<CatalogueItem>>('/api/registry/catalogue', toQuery({ ...f }));
  const drawers = useListDrawers<CatalogueItem>(list.reload);

  const columns: ColumnsType<CatalogueItem> = [
    {
      title: '国家编码',
      dataIndex: 'code',
      render: (c: string) => <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{c}</span>,
    },
    {
      title: '名称',
      dataIndex: 'name',
      width: 260,
      render: (name: string, i) => (
        <Button
          type="link"
          style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => drawers.showDetail(i)}
        >
          {name}
        </Button>
      ),
    },
    { title: '类别', dataIndex: 'kind', render: (k: string) => labelOf(CATALOGUE_KIND_LABELS, k) },
    { title: '甲乙丙', dataIndex: 'chrgitmLv', render: (lv: string) => <ClassTag lv={lv} /> },
    {
      title: '先行自付（乙类）',
      dataIndex: 'firstShareBp',
      align: 'right',
      render: (bp: number | null, i) => (i.chrgitmLv === '02' ? bpToRatioPercent(bp ?? 0) : '—'),
    },
    {
      title: '限价（元）',
      dataIndex: 'priceCapFen',
      align: 'right',
      render: (fen: number | null) => (fen === null ? '—' : <Money fen={fen} />),
    },
    {
      title: '收费类别',
      dataIndex: 'medChrgitmType',
      render: (t: string) => labelOf(MED_CHRGITM_TYPE_LABELS, t),
    },
    { title: '限制', key: 'limits', render: (_, i) => <RestrictionTags item={i} /> },
    { title: '有效期', key: 'valid', render: (_, i) => validityText(i.validFrom, i.validTo) },
  ];

  return (
    <ListFrame
      title="医保目录"
      addLabel="新增目录项目"
      onAdd={isAdmin ? drawers.add : undefined}
      filters={
        <>
          <KeywordFilter
            id="catalogueSearch"
            label="编码或名称"
            placeholder="国家编码或名称，如 阿莫西林"
            value={f.q}
            onSearch={(q) => update({ q })}
          />
          <FilterSelect
            id="filter_catalogue_kind"
            label="类别"
            width={150}
            value={f.kind}
            onChange={(kind) => update({ kind })}
            options={CATALOGUE_KINDS.map((k) => ({ value: k, label: CATALOGUE_KIND_LABELS[k] }))}
          />
          <FilterSelect
            id="filter_class"
            label="甲乙丙类"
            width={110}
            value={f.chrgitmLv}
            onChange={(chrgitmLv) => update({ chrgitmLv })}
            options={CHARGE_CLASSES.map((l) => ({ value: l, label: CHARGE_CLASS_NAMES[l] }))}
          />
        </>
      }
      table={
        <PagedTable<CatalogueItem>
          rowKey="id"
          size="middle"
          data-testid="catalogue-table"
          columns={columns}
          list={list}
          paging={f}
          onPage={update}
          unit="条"
          locale={{ emptyText: '没有符合条件的目录项目' }}
          scroll={{ x: 1180 }}
        />
      }
    >
      <CatalogueDetail {...drawers.detailProps} canEdit={isAdmin} />
      <CatalogueFormDrawer {...drawers.formProps} />
    </ListFrame>
  );
}
