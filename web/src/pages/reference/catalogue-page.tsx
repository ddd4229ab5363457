// 医保目录 (/catalogue): search by national code or name, filter by kind and class (in the URL), a
// paginated table with the B-class first self-paid share, price cap, restrictions and validity;
// a detail drawer; admins add and edit.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { Money } from '../../components/money.tsx';
import { LoadError } from '../../components/page-state.tsx';
import type { Page } from '../../lib/api.ts';
import { bpToPercent } from '../../lib/format.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { CatalogueDetail, ClassTag, RestrictionTags } from './catalogue-detail.tsx';
import type { CatalogueItem } from './catalogue-form.ts';
import { CatalogueFormDrawer } from './catalogue-form-drawer.tsx';
import { FilterLabel, KeywordFilter } from './keyword-filter.tsx';
import {
  CATALOGUE_KIND_LABELS,
  CATALOGUE_KINDS,
  CHRGITM_LV_LABELS,
  CHRGITM_LVS,
  labelOf,
  MED_CHRGITM_TYPE_LABELS,
  validityText,
} from './reference-labels.ts';
import { PAGE_SIZES, parseCatalogueFilters, toQuery } from './reference-query.ts';
import { useDrawer } from './use-drawer.ts';
import { useUrlFilters } from './use-url-filters.ts';

export default function CataloguePage() {
  const staff = useStaff();
  const isAdmin = staff.roles.includes('admin');
  const [f, update] = useUrlFilters(parseCatalogueFilters);
  const list = useApi<Page<CatalogueItem>>('/api/registry/catalogue', toQuery({ ...f }));
  const detail = useDrawer<CatalogueItem>();
  const editor = useDrawer<CatalogueItem | 'new'>();

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
          onClick={() => detail.show(i)}
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
      render: (bp: number | null, i) => (i.chrgitmLv === '02' ? bpToPercent(bp ?? 0) : '—'),
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
    <div>
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          医保目录
        </Typography.Title>
        {isAdmin && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.show('new')}>
            新增目录项目
          </Button>
        )}
      </Flex>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={16} align="center">
          <KeywordFilter
            id="catalogueSearch"
            label="编码或名称"
            placeholder="国家编码或名称，如 阿莫西林"
            value={f.q}
            onSearch={(q) => update({ q })}
          />
          <span>
            <FilterLabel htmlFor="filter_catalogue_kind">类别</FilterLabel>
            <Select
              id="filter_catalogue_kind"
              style={{ width: 150 }}
              allowClear
              placeholder="全部"
              value={f.kind}
              onChange={(kind) => update({ kind })}
              options={CATALOGUE_KINDS.map((k) => ({ value: k, label: CATALOGUE_KIND_LABELS[k] }))}
            />
          </span>
          <span>
            <FilterLabel htmlFor="filter_class">甲乙丙类</FilterLabel>
            <Select
              id="filter_class"
              style={{ width: 110 }}
              allowClear
              placeholder="全部"
              value={f.chrgitmLv}
              onChange={(chrgitmLv) => update({ chrgitmLv })}
              options={CHRGITM_LVS.map((l) => ({ value: l, label: CHRGITM_LV_LABELS[l] }))}
            />
          </span>
        </Flex>
      </Card>
      <Card size="small">
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <Table<CatalogueItem>
            rowKey="id"
            size="middle"
            data-testid="catalogue-table"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            locale={{ emptyText: '没有符合条件的目录项目' }}
            scroll={{ x: 1180 }}
            pagination={{
              current: f.page,
              pageSize: f.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [...PAGE_SIZES],
              showTotal: (t) => `共 ${t} 条`,
              onChange: (page, pageSize) => update({ page, pageSize }),
            }}
          />
        )}
      </Card>
      <CatalogueDetail
        open={detail.open}
        item={detail.value}
        canEdit={isAdmin}
        onEdit={editor.show}
        onClose={detail.hide}
      />
      <CatalogueFormDrawer
        open={editor.open}
        formKey={editor.seq}
        editing={editor.value === 'new' ? null : editor.value}
        onClose={editor.hide}
        onSaved={(i) => {
          editor.hide();
          if (detail.open) detail.show(i);
          list.reload();
        }}
      />
    </div>
  );
}
