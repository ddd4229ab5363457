// 人员查询 filter form: ID number, name, township → village cascade, identity, status. Enter in any
// text field submits; a village agent's place is fixed to their own village (the server enforces it).
import { Button, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { SENSITIVE_STATUSES } from '../../../../src/domain/registry/sensitive.ts';
import { PERSON_STATUS_NAMES } from './labels.ts';
import { certnoError, type PersonSearch, type SearchFormValues } from './search-query.ts';
import type { IdentityType, Locations } from './types.ts';

interface Props {
  value: PersonSearch;
  locations: Locations | null;
  identityTypes: IdentityType[];
  /** set for village agents: the place filters are replaced by their village's name */
  agentVillage: string | null;
  /** false: the 服刑 status is need-to-know and not offered (the server refuses the filter) */
  showSensitive: boolean;
  /** this calendar year: the 未参保 filter offers it and the next (集中征缴) */
  year: number;
  onSearch: (v: SearchFormValues) => void;
  onReset: () => void;
}

const STATUS_OPTIONS = Object.entries(PERSON_STATUS_NAMES).map(([value, label]) => ({ value, label }));
const PLAIN_STATUS_OPTIONS = STATUS_OPTIONS.filter((o) => !SENSITIVE_STATUSES.includes(o.value));

function formValues(s: PersonSearch): SearchFormValues {
  return {
    certno: s.certno,
    name: s.name,
    townshipCode: s.townshipCode || null,
    villageCode: s.villageCode || null,
    identity: s.identity || null,
    status: s.status || null,
    uncovered: s.uncovered || null,
  };
}

export function SearchForm({
  value,
  locations,
  identityTypes,
  agentVillage,
  showSensitive,
  year,
  onSearch,
  onReset,
}: Props) {
  const [form] = Form.useForm<SearchFormValues>();
  const township = Form.useWatch('townshipCode', form);
  // the URL is the truth: back/forward or a link re-fills the form
  useEffect(() => form.setFieldsValue(formValues(value)), [form, value]);

  const townships = locations?.townships ?? [];
  const villages = townships.find((t) => t.code === township)?.villages ?? [];
  const agentVillageName = agentVillage
    ? townships.flatMap((t) => t.villages).find((v) => v.code === agentVillage)?.name
    : null;

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={formValues(value)}
      onFinish={onSearch}
      aria-label="人员查询条件"
    >
      <Row gutter={16}>
        <Col xs={24} md={12} xl={6}>
          <Form.Item
            label="身份证号码"
            name="certno"
            rules={[
              { validator: (_, v) => (certnoError(v) ? Promise.reject(certnoError(v)) : Promise.resolve()) },
            ]}
          >
            <Input placeholder="完整的 18 位号码" maxLength={18} allowClear autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item label="姓名" name="name">
            <Input placeholder="可输入部分姓名" maxLength={50} allowClear autoComplete="off" />
          </Form.Item>
        </Col>
        {agentVillage ? (
          <Col xs={24} md={12} xl={6}>
            <Form.Item label="村（社区）">
              <Typography.Text data-testid="agent-village">
                {agentVillageName ?? agentVillage}（村级代办仅可查询本村人员）
              </Typography.Text>
            </Form.Item>
          </Col>
        ) : (
          <>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label="乡镇" name="townshipCode">
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="全部乡镇"
                  loading={!locations}
                  options={townships.map((t) => ({ value: t.code, label: t.name }))}
                  onChange={() => form.setFieldValue('villageCode', null)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Form.Item label="村（社区）" name="villageCode">
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  disabled={!township}
                  placeholder={township ? '全部村（社区）' : '请先选择乡镇'}
                  options={villages.map((v) => ({ value: v.code, label: v.name }))}
                />
              </Form.Item>
            </Col>
          </>
        )}
        <Col xs={24} md={12} xl={6}>
          <Form.Item label="特殊身份" name="identity">
            <Select
              allowClear
              placeholder="全部"
              options={identityTypes.map((t) => ({ value: t.code, label: t.name }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item label="人员状态" name="status">
            <Select
              allowClear
              placeholder="全部"
              options={showSensitive ? STATUS_OPTIONS : PLAIN_STATUS_OPTIONS}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item label="参保情况" name="uncovered">
            <Select
              allowClear
              placeholder="全部"
              options={[year + 1, year].map((y) => ({ value: y, label: `${y} 年未参保` }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} xl={6} style={{ display: 'flex', alignItems: 'flex-end' }}>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                查询
              </Button>
              <Button onClick={onReset}>重置</Button>
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
