// 未参保名单: who in the village has not yet paid for the year, with the phone number the village
// agent calls (催缴); the agent sees their own village, county staff choose one. Exported as xlsx.
import { Button, Card, Select, Space, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import type { Season, UnpaidPerson } from '../../../../src/modules/collection/contract.ts';
import { PagedTable } from '../../components/paged-table.tsx';
import { LoadError, Loading } from '../../components/page-state.tsx';
import type { Page } from '../../lib/api.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { exportUrl } from './collection-format.ts';

interface Locations {
  townships: { code: string; name: string }[];
  villages: { code: string; name: string; townshipCode: string }[];
}

export default function UnpaidPage() {
  const staff = useStaff();
  const agent = staff.roles.includes('agent') && staff.roles.length === 1;
  const season = useApi<Season>('/api/collection/season');
  const locations = useApi<Locations>(agent ? null : '/api/registry/locations');
  const [params, setParams] = useSearchParams();
  if (season.error) return <LoadError error={season.error} onRetry={season.reload} />;
  if (!season.data) return <Loading />;
  const year = Number(params.get('year')) || season.data.defaultYear;
  const villageCode = agent ? (staff.villageCode ?? '') : (params.get('village') ?? '');
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  const set = (patch: Record<string, string | number>) =>
    setParams({
      year: String(year),
      village: villageCode,
      page: String(page),
      pageSize: String(pageSize),
      ...Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, String(v)])),
    });
  return (
    <Card
      title="未参保名单（催缴）"
      extra={
        <Space wrap>
          <Select
            aria-label="参保年度"
            value={year}
            style={{ width: 120 }}
            options={season.data.years.map((y) => ({ value: y, label: `${y} 年度` }))}
            onChange={(y) => set({ year: y, page: 1 })}
          />
          {!agent && (
            <Select
              aria-label="村（社区）"
              showSearch
              optionFilterProp="label"
              placeholder="选择村（社区）"
              style={{ width: 220 }}
              value={villageCode || undefined}
              options={(locations.data?.villages ?? []).map((v) => ({ value: v.code, label: v.name }))}
              onChange={(v) => set({ village: v, page: 1 })}
            />
          )}
          <Button
            type="primary"
            disabled={!villageCode}
            href={exportUrl('/api/collection/unpaid.xlsx', {
              year,
              villageCode: agent ? undefined : villageCode,
            })}
            download
          >
            导出 Excel
          </Button>
        </Space>
      }
    >
      {villageCode ? (
        <UnpaidTable
          year={year}
          villageCode={agent ? undefined : villageCode}
          page={page}
          pageSize={pageSize}
          onPage={(p) => set(p)}
        />
      ) : (
        <p>请选择村（社区）。</p>
      )}
    </Card>
  );
}

function UnpaidTable(props: {
  year: number;
  villageCode: string | undefined;
  page: number;
  pageSize: number;
  onPage: (p: { page: number; pageSize: number }) => void;
}) {
  const list = useApi<Page<UnpaidPerson> & { village: { name: string } }>('/api/collection/unpaid', {
    year: props.year,
    villageCode: props.villageCode,
    page: props.page,
    pageSize: props.pageSize,
  });
  return (
    <PagedTable<UnpaidPerson>
      data-testid="unpaid-table"
      rowKey="psnNo"
      size="small"
      list={list}
      paging={{ page: props.page, pageSize: props.pageSize }}
      onPage={props.onPage}
      unit="人"
      columns={[
        { title: '户编号', dataIndex: 'householdNo' },
        { title: '姓名', dataIndex: 'name' },
        { title: '身份证号', dataIndex: 'certno' },
        { title: '联系电话', dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
        { title: '出生日期', dataIndex: 'birthDate' },
        {
          title: '上年度',
          render: (_, p) =>
            p.insuredYearBefore ? <Tag color="orange">已参保，待续缴</Tag> : <Tag>未参保</Tag>,
        },
      ]}
    />
  );
}
