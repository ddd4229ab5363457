// 事项查询: matters by person, receipt number, status, matter, village point and application date.
import { Button, Card, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import type { MatterRow, MatterTypeRow } from '../../../../src/modules/matter/contract.ts';
import type { Page } from '../../lib/api.ts';
import type { Paging } from '../../lib/paging.ts';
import { useApi } from '../../lib/use-api.ts';
import type { Locations } from '../persons/types.ts';
import { MATTER_STATES } from './labels.ts';
import { MatterTable } from './matter-table.tsx';

type Filter = Record<string, string | undefined>;

export default function MatterSearchPage() {
  const [filter, setFilter] = useState<Filter>({});
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  const types = useApi<{ items: MatterTypeRow[] }>('/api/matter/types');
  const locations = useApi<Locations>('/api/registry/locations');
  const list = useApi<Page<MatterRow>>('/api/matter/matters', { ...filter, ...paging });
  const villages = (locations.data?.townships ?? []).flatMap((t) =>
    t.villages.map((v) => ({ value: v.code, label: `${t.name} ${v.name}` })),
  );
  return (
    <Card title="事项查询">
      <Form
        layout="inline"
        onFinish={(v: Filter) => {
          setFilter(Object.fromEntries(Object.entries(v).filter(([, x]) => x)));
          setPaging({ ...paging, page: 1 });
        }}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="receiptNo" label="受理编号">
          <Input allowClear style={{ width: 190 }} />
        </Form.Item>
        <Form.Item name="psnNo" label="人员编号">
          <Input allowClear style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="state" label="状态">
          <Select
            allowClear
            style={{ width: 130 }}
            options={Object.entries(MATTER_STATES).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="typeCode" label="事项">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 240 }}
            options={(types.data?.items ?? []).map((t) => ({
              value: t.code,
              label: `${t.code} ${t.definition.name}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="villageCode" label="服务点（村）">
          <Select allowClear showSearch optionFilterProp="label" style={{ width: 180 }} options={villages} />
        </Form.Item>
        <Form.Item name="from" label="申请日期自">
          <Input placeholder="YYYY-MM-DD" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="to" label="至">
          <Input placeholder="YYYY-MM-DD" style={{ width: 120 }} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
        </Space>
      </Form>
      <MatterTable list={list} paging={paging} onPage={setPaging} />
    </Card>
  );
}
