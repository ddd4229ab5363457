// 定点机构 (/institutions): search by code or name, filter by type, level, qualification and
// township (all kept in the URL), a paginated table, a detail drawer; admins add and edit.
import { Button, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useCallback, useMemo } from 'react';
import { PagedTable } from '../../components/paged-table.tsx';
import type { Page } from '../../lib/api.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { FilterSelect, KeywordFilter } from '../../components/filter-bar.tsx';
import { AgreementTag, InstitutionDetail, QualificationTags } from './institution-detail.tsx';
import type { Institution } from './institution-form.ts';
import { InstitutionFormDrawer } from './institution-form-drawer.tsx';
import { ListFrame } from '../../components/list-frame.tsx';
import { INSTITUTION_KIND_LABELS, INSTITUTION_KINDS, placeNames, QUALIFICATIONS } from './labels.ts';
import { INSTITUTION_LEVEL_NAMES, labelOf } from '../../../../src/domain/shared/labels.ts';
import type { Locations } from '../../../../src/modules/registry/contract.ts';
import { parseInstitutionFilters } from './query.ts';
import { toQuery } from '../../lib/list-query.ts';
import { useListDrawers } from '../../lib/use-drawer.ts';
import { useUrlFilters } from '../../lib/use-url-filters.ts';

export default function InstitutionsPage() {
  const staff = useStaff();
  const isAdmin = staff.permissions.includes('registry.institution.edit');
  const canManageCredential = staff.permissions.includes('his.credential.manage');
  const [f, update] = useUrlFilters(parseInstitutionFilters);
  const list = useApi<Page<Institution>>('/api/registry/institutions', toQuery({ ...f }));
  const locations = useApi<Locations>('/api/registry/locations');
  const names = useMemo(() => placeNames(locations.data), [locations.data]);
  const place = useCallback((code: string | null) => (code ? (names.get(code) ?? code) : '—'), [names]);
  const drawers = useListDrawers<Institution>(list.reload);

  const columns: ColumnsType<Institution> = [
    { title: '机构编码', dataIndex: 'code', width: 140 },
    {
      title: '机构名称',
      dataIndex: 'name',
      render: (name: string, i) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => drawers.showDetail(i)}>
          {name}
        </Button>
      ),
    },
    { title: '类型', dataIndex: 'kind', render: (k: string) => labelOf(INSTITUTION_KIND_LABELS, k) },
    { title: '等级', dataIndex: 'level', render: (l: number | null) => labelOf(INSTITUTION_LEVEL_NAMES, l) },
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
    <ListFrame
      title="定点机构"
      addLabel="新增机构"
      onAdd={isAdmin ? drawers.add : undefined}
      filters={
        <>
          <KeywordFilter
            id="institutionSearch"
            label="编码或名称"
            placeholder="如 H41092600001 或 卫生院"
            value={f.q}
            onSearch={(q) => update({ q })}
          />
          <FilterSelect
            id="filter_kind"
            label="类型"
            width={140}
            value={f.kind}
            onChange={(kind) => update({ kind })}
            options={INSTITUTION_KINDS.map((k) => ({ value: k, label: INSTITUTION_KIND_LABELS[k] }))}
          />
          <FilterSelect
            id="filter_level"
            label="等级"
            width={110}
            value={f.level}
            onChange={(level) => update({ level })}
            options={([1, 2, 3] as const).map((l) => ({ value: l, label: INSTITUTION_LEVEL_NAMES[l] }))}
          />
          <FilterSelect
            id="filter_qual"
            label="资格"
            width={150}
            value={f.qual}
            onChange={(qual) => update({ qual })}
            options={QUALIFICATIONS.map((q) => ({ value: q.value, label: q.label }))}
          />
          <FilterSelect
            id="filter_township"
            label="乡镇"
            width={140}
            value={f.townshipCode}
            onChange={(townshipCode) => update({ townshipCode })}
            options={(locations.data?.townships ?? []).map((t) => ({ value: t.code, label: t.name }))}
          />
        </>
      }
      table={
        <PagedTable<Institution>
          rowKey="code"
          size="middle"
          data-testid="institution-table"
          columns={columns}
          list={list}
          paging={f}
          onPage={update}
          unit="家"
          locale={{ emptyText: '没有符合条件的定点机构' }}
          scroll={{ x: 'max-content' }}
        />
      }
    >
      <InstitutionDetail
        {...drawers.detailProps}
        place={place}
        canEdit={isAdmin}
        canManageCredential={canManageCredential}
      />
      <InstitutionFormDrawer {...drawers.formProps} locations={locations.data} />
    </ListFrame>
  );
}
