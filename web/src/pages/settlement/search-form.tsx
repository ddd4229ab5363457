// 结算查询 filter form: person (ID number / person number / name), institution, settlement date
// range, scheme and care type. Enter in the person box submits; the URL re-fills the form.
import { Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { INSUTYPE_OPTIONS, MED_TYPE_OPTIONS } from './labels.ts';
import { InstitutionSelect } from './institution-select.tsx';
import { personError, type SearchFormValues, type SettlementSearch } from './search-query.ts';

interface FormShape {
  person?: string;
  institution?: string | null;
  dates?: [Dayjs | null, Dayjs | null] | null;
  insutype?: string | null;
  medType?: string | null;
}

interface Props {
  value: SettlementSearch;
  onSearch: (v: SearchFormValues) => void;
  onReset: () => void;
}

function formValues(s: SettlementSearch): FormShape {
  return {
    person: s.person,
    institution: s.institution || null,
    dates: s.from || s.to ? [s.from ? dayjs(s.from) : null, s.to ? dayjs(s.to) : null] : null,
    insutype: s.insutype || null,
    medType: s.medType || null,
  };
}

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export function SearchForm({ value, onSearch, onReset }: Props) {
  const [form] = Form.useForm<FormShape>();
  // the URL is the truth: back/forward or a link re-fills the form
  useEffect(() => form.setFieldsValue(formValues(value)), [form, value]);

  return (
    <Form<FormShape>
      form={form}
      layout="vertical"
      initialValues={formValues(value)}
      aria-label="结算查询条件"
      onFinish={(v) =>
        onSearch({
          person: v.person,
          institution: v.institution ?? null,
          from: iso(v.dates?.[0]),
          to: iso(v.dates?.[1]),
          insutype: v.insutype ?? null,
          medType: v.medType ?? null,
        })
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12} xl={6}>
          <Form.Item
            label="参保人"
            name="person"
            rules={[
              { validator: (_, v) => (personError(v) ? Promise.reject(personError(v)) : Promise.resolve()) },
            ]}
          >
            <Input placeholder="身份证号 / 人员编号 / 姓名" maxLength={50} allowClear autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item label="定点机构" name="institution">
            <InstitutionSelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item label="结算日期" name="dates">
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              format="YYYY-MM-DD"
              allowEmpty={[true, true]}
              placeholder={['开始日期', '结束日期']}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Form.Item label="险种" name="insutype">
            <Select allowClear placeholder="全部" options={INSUTYPE_OPTIONS} popupMatchSelectWidth={220} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Form.Item label="医疗类别" name="medType">
            <Select allowClear placeholder="全部" options={MED_TYPE_OPTIONS} popupMatchSelectWidth={180} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Space>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button
              onClick={() => {
                form.setFieldsValue({
                  person: '',
                  institution: null,
                  dates: null,
                  insutype: null,
                  medType: null,
                });
                onReset();
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
