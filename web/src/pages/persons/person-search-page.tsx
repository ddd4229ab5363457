// 人员查询: filters in the URL, a server-paginated list; a row opens the person file (一人一档).
import { Card, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { maySeeSensitive } from '../../../../src/domain/registry/sensitive.ts';
import { PagedTable } from '../../components/paged-table.tsx';
import { LoadError } from '../../components/page-state.tsx';
import type { Page } from '../../lib/api.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { useUrlState } from '../../lib/use-url-state.ts';
import { GENDER_NAMES, identityNames, labelOf, PERSON_STATUS_NAMES, PERSON_STATUS_COLOR } from './labels.ts';
import { SearchForm } from './search-form.tsx';
import { apiQuery, hasFilters, parseSearch, searchFromForm, searchToParams } from './search-query.ts';
import { chinaToday } from './person-view.ts';
import type { IdentityType, Locations, PersonListRow } from './types.ts';

export default function PersonSearchPage() {
  const staff = useStaff();
  const navigate = useNavigate();
  const { value: search, set: setSearch, reset, params } = useUrlState(parseSearch, searchToParams);
  const agentVillage = staff.roles.length === 1 && staff.roles[0] === 'agent' ? staff.villageCode : null;

  const locations = useApi<Locations>('/api/registry/locations');
  const types = useApi<{ items: IdentityType[] }>('/api/registry/identity-types');
  const list = useApi<Page<PersonListRow> & { year: number }>('/api/registry/persons', apiQuery(search));
  const identityTypes = types.data?.items ?? [];
  const year = list.data?.year ?? Number(chinaToday().slice(0, 4));
  const coverage = (y: number, key: 'coveredThisYear' | 'coveredNextYear') => ({
    title: `${y} 年参保`,
    dataIndex: key,
    width: 100,
    render: (covered: boolean) => (
      <Tag color={covered ? 'green' : 'red'}>{covered ? '已参保' : '未参保'}</Tag>
    ),
  });

  const open = (p: PersonListRow) =>
    navigate(`/persons/${p.psnNo}`, { state: { from: `/persons?${params.toString()}` } });

  const columns: TableColumnsType<PersonListRow> = [
    { title: '人员编号', dataIndex: 'psnNo', width: 170 },
    {
      title: '姓名',
      dataIndex: 'name',
      render: (name: string, p) => (
        <Link
          to={`/persons/${p.psnNo}`}
          state={{ from: `/persons?${params.toString()}` }}
          onClick={(e) => e.stopPropagation()}
        >
          {name}
        </Link>
      ),
    },
    {
      title: '身份证号码',
      dataIndex: 'certno',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: '性别', dataIndex: 'gender', width: 64, render: (g: string) => labelOf(GENDER_NAMES, g) },
    {
      title: '年龄',
      dataIndex: 'age',
      width: 110,
      render: (age: number | null, p) => (
        <span title={`出生日期 ${p.birthDate}`}>
          {age ?? '—'} 岁
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {p.birthDate}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: '所属村（社区）',
      dataIndex: 'villageName',
      render: (v: string | null, p) => (v ? `${p.townshipName ?? ''} ${v}` : '—'),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 80,
      render: (s: string) => <Tag color={PERSON_STATUS_COLOR[s]}>{labelOf(PERSON_STATUS_NAMES, s)}</Tag>,
    },
    coverage(year, 'coveredThisYear'),
    coverage(year + 1, 'coveredNextYear'),
    {
      title: '特殊身份',
      dataIndex: 'identities',
      render: (codes: string[]) =>
        codes.length === 0
          ? '—'
          : identityNames(codes, identityTypes).map((n) => (
              <Tag key={n} color="purple">
                {n}
              </Tag>
            )),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        人员查询
      </Typography.Title>
      <Card size="small">
        <SearchForm
          value={search}
          locations={locations.data}
          identityTypes={identityTypes}
          agentVillage={agentVillage}
          showSensitive={maySeeSensitive(staff.roles)}
          year={year}
          onSearch={(v) => setSearch(searchFromForm(v, search.pageSize))}
          onReset={reset}
        />
        {locations.error && <LoadError error={locations.error} onRetry={locations.reload} />}
      </Card>
      <Card size="small" data-testid="person-table" aria-busy={list.loading}>
        <PagedTable<PersonListRow>
          rowKey="psnNo"
          size="middle"
          columns={columns}
          list={list}
          paging={search}
          onPage={(p) => setSearch({ ...search, ...p })}
          unit="人"
          locale={{ emptyText: hasFilters(search) ? '没有符合条件的人员' : '暂无人员' }}
          onRow={(p) => ({ onClick: () => open(p), style: { cursor: 'pointer' } })}
          scroll={{ x: 1200 }}
        />
      </Card>
    </Space>
  );
}
