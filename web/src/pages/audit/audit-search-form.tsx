// 审计日志 filter form: person (person number or ID number), user, action (a known one, a module
// prefix, or typed), date range. The URL re-fills the form.
import { AutoComplete, Button, Col, DatePicker, Form, Input, Row, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { ACTION_OPTIONS, type AuditSearch, auditPersonError } from './audit-query.ts';

interface FormShape {
  person?: string;
  user?: string;
  action?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

type Filters = Omit<AuditSearch, 'page' | 'pageSize'>;

function formValues(s: AuditSearch): FormShape {
  return {
    person: s.person,
    user: s.user,
    action: s.action,
    dates: s.from || s.to ? [s.from ? dayjs(s.from) : null, s.to ? dayjs(s.to) : null] : null,
  };
}

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

export function AuditSearchForm(props: {
  value: AuditSearch;
  onSearch: (v: Filters) => void;
  onReset: () => void;
}) {
  const [form] = Form.useForm<FormShape>();
  useEffect(() => form.setFieldsValue(formValues(props.value)), [form, props.value]);

  return (
    <Form<FormShape>
      form={form}
      layout="vertical"
      initialValues={formValues(props.value)}
      aria-label="审计日志查询条件"
      onFinish={(v) =>
        props.onSearch({
          person: (v.person ?? '').trim().toUpperCase(),
          user: (v.user ?? '').trim(),
          action: (v.action ?? '').trim(),
          from: iso(v.dates?.[0]),
          to: iso(v.dates?.[1]),
        })
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12} xl={6}>
          <Form.Item
            label="人员"
            name="person"
            rules={[
              {
                validator: (_, v) =>
                  auditPersonError(v) ? Promise.reject(auditPersonError(v)) : Promise.resolve(),
              },
            ]}
          >
            <Input placeholder="人员编号 / 身份证号" maxLength={18} allowClear autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={4}>
          <Form.Item label="操作人工号" name="user">
            <Input placeholder="全部" maxLength={50} allowClear autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={7}>
          <Form.Item label="操作" name="action">
            <AutoComplete
              allowClear
              placeholder="全部"
              options={ACTION_OPTIONS}
              filterOption={(input, o) => !!o && `${o.value}${o.label}`.includes(input)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={7}>
          <Form.Item label="日期" name="dates">
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              format="YYYY-MM-DD"
              allowEmpty={[true, true]}
              placeholder={['开始日期', '结束日期']}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Space>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button
              onClick={() => {
                form.setFieldsValue({ person: '', user: '', action: '', dates: null });
                props.onReset();
              }}
            >
              重置
            </Button>
          </Space>
        </Col>
      </Row>
    </Form>
  );
}
