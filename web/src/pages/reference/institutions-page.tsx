// 定点机构 (/institutions): search by code or name, filter by type, level, qualification and
// township (all kept in the URL), a paginated table, a detail drawer; admins add and edit.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useCallback, useMemo } from 'react';
import { LoadError } from '../../components/page-state.tsx';
import type { Page } from '../../lib/api.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { AgreementTag, InstitutionDetail, QualificationTags } from './institution-detail.tsx';
import type { Institution } from './institution-form.ts';
import { InstitutionFormDrawer } from './institution-form-drawer.tsx';
import { FilterLabel, KeywordFilter } from './keyword-filter.tsx';
import {
  INSTITUTION_KIND_LABELS,
  INSTITUTION_KINDS,
  LEVEL_LABELS,
  type Locations,
  labelOf,
  placeNames,
  QUALIFICATIONS,
} from './reference-labels.ts';
import { PAGE_SIZES, parseInstitutionFilters, toQuery } from './reference-query.ts';
import { useDrawer } from './use-drawer.ts';
import { useUrlFilters } from './use-url-filters.ts';

export default function InstitutionsPage() {
  const staff = useStaff();
  const isAdmin = staff.roles.includes('admin');
  const [f, update] = useUrlFilters(parseInstitutionFilters);
  const list = useApi<Page<Institution>>('/api/registry/institutions', toQuery({ ...f }));
  const locations = useApi<Locations>('/api/registry/locations');
  const names = useMemo(() => placeNames(locations.data), [locations.data]);
  const place = useCallback((code: string | null) => (code ? (names.get(code) ?? code) : '—'), [names]);
  const detail = useDrawer<Institution>();
  const editor = useDrawer<Institution | 'new'>();

  const columns: ColumnsType<Institution> = [
    { title: '机构编码', dataIndex: 'code', width: 140 },
    {
      title: '机构名称',
      dataIndex: 'name',
      render: (name: string, i) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => detail.show(i)}>
          {name}
        </Button>
      ),
    },
    { title: '类型', dataIndex: 'kind', render: (k: string) => labelOf(INSTITUTION_KIND_LABELS, k) },
    { title: '等级', dataIndex: 'level', render: (l: number | null) => labelOf(LEVEL_LABELS, l) },
    { title: '所在地', dataIndex: 'villageCode', render: place },
    {
      title: '协议期间',
      key: 'agreement',
      render: (_, i) => (
        <Space size={4}>
          <span>{`${i.agreementFrom} 至 ${i.agreementTo}`}</span>
          <AgreementTag from={i.agreementFrom} to={i.agreementTo} />
        </Space>
      ),
    },
    { title: '结算资格', key: 'quals', render: (_, i) => <QualificationTags institution={i} /> },
  ];

  return (
    <div>
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          定点机构
        </Typography.Title>
        {isAdmin && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.show('new')}>
            新增机构
          </Button>
        )}
      </Flex>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={16} align="center">
          <KeywordFilter
            id="institutionSearch"
            label="编码或名称"
            placeholder="如 H41092600001 或 卫生院"
            value={f.q}
            onSearch={(q) => update({ q })}
          />
          <span>
            <FilterLabel htmlFor="filter_kind">类型</FilterLabel>
            <Select
              id="filter_kind"
              style={{ width: 140 }}
              allowClear
              placeholder="全部"
              value={f.kind}
              onChange={(kind) => update({ kind })}
              options={INSTITUTION_KINDS.map((k) => ({ value: k, label: INSTITUTION_KIND_LABELS[k] }))}
            />
          </span>
          <span>
            <FilterLabel htmlFor="filter_level">等级</FilterLabel>
            <Select
              id="filter_level"
              style={{ width: 110 }}
              allowClear
              placeholder="全部"
              value={f.level}
              onChange={(level) => update({ level })}
              options={[1, 2, 3].map((l) => ({ value: l, label: LEVEL_LABELS[String(l)] }))}
            />
          </span>
          <span>
            <FilterLabel htmlFor="filter_qual">资格</FilterLabel>
            <Select
              id="filter_qual"
              style={{ width: 150 }}
              allowClear
              placeholder="全部"
              value={f.qual}
              onChange={(qual) => update({ qual })}
              options={QUALIFICATIONS.map((q) => ({ value: q.value, label: q.label }))}
            />
          </span>
          <span>
            <FilterLabel htmlFor="filter_township">乡镇</FilterLabel>
            <Select
              id="filter_township"
              style={{ width: 140 }}
              allowClear
              placeholder="全部"
              value={f.townshipCode}
              onChange={(townshipCode) => update({ townshipCode })}
              options={(locations.data?.townships ?? []).map((t) => ({ value: t.code, label: t.name }))}
            />
          </span>
        </Flex>
      </Card>
      <Card size="small">
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <Table<Institution>
            rowKey="code"
            size="middle"
            data-testid="institution-table"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            locale={{ emptyText: '没有符合条件的定点机构' }}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: f.page,
              pageSize: f.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [...PAGE_SIZES],
              showTotal: (t) => `共 ${t} 家`,
              onChange: (page, pageSize) => update({ page, pageSize }),
            }}
          />
        )}
      </Card>
      <InstitutionDetail
        open={detail.open}
        institution={detail.value}
        place={place}
        canEdit={isAdmin}
        onEdit={editor.show}
        onClose={detail.hide}
      />
      <InstitutionFormDrawer
        open={editor.open}
        formKey={editor.seq}
        editing={editor.value === 'new' ? null : editor.value}
        locations={locations.data}
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
