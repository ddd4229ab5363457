// New enrollment or correction of one: the form checks each field as it is typed with the same
// rules as the API, and places the API's own errors beside the field they concern on submit.
import { Alert, App, Button, Col, DatePicker, Form, Input, Row, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { FormDrawer, type FormDrawerState } from '../../components/form-drawer.tsx';
import { api } from '../../lib/api.ts';
import { fenToYuan } from '../../lib/format.ts';
import type { ContributionSuggestion } from '../../../../src/modules/enrollment/contract.ts';
import type { IdentityType } from '../persons/types.ts';
import { dateField, ruleFrom, showFieldErrors } from '../../lib/form-support.ts';
import { chinaToday } from '../../lib/format.ts';
import { enrollmentErrors } from './enrollment-errors.ts';
import {
  type EnrollmentFormValues,
  type EnrollmentRow,
  fromEnrollment,
  newEnrollmentValues,
  suggestedYear,
  periodYear,
  toEnrollmentBody,
  totalFen,
  validateEnrollment,
  yearPeriod,
} from './enrollment-form.ts';
import { insutypeOptions } from './enrollment-labels.ts';
import type { IdentitySpell } from './person-card.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';

const rule = (f: string) => [ruleFrom(validateEnrollment, f)];

interface FormProps {
  psnNo: string;
  editing: EnrollmentRow | null;
  /** the person's enrollments already listed (to suggest the year of a new one) */
  existing: EnrollmentRow[];
  identityTypes: IdentityType[];
  heldIdentities: IdentitySpell[];
  onClose: () => void;
  onSaved: () => void;
}

export function EnrollmentFormDrawer({
  open,
  formKey,
  personName,
  ...form
}: FormProps & FormDrawerState & { personName: string }) {
  const title = `${form.editing ? '更正参保记录' : '新增参保登记'} · ${personName}`;
  return (
    <FormDrawer open={open} formKey={formKey} onClose={form.onClose} size={600} title={title}>
      <EnrollmentForm {...form} />
    </FormDrawer>
  );
}

function EnrollmentForm(props: FormProps) {
  const { message } = App.useApp();
  const { editing } = props;
  const [form] = Form.useForm<EnrollmentFormValues>();
  const [initial] = useState(() =>
    editing
      ? fromEnrollment(editing)
      : newEnrollmentValues(suggestedYear(props.existing, Number(chinaToday().slice(0, 4)))),
  );
  const { formError, saving, submit } = useFormSubmit(form, enrollmentErrors);
  const [prefilled, setPrefilled] = useState<string | null>(null);
  // a new resident year: the amounts come from the year's contribution standard and the person's
  // subsidising identity (the server's rule); the clerk only changes them with a 缴费说明
  const prefill = async (y: number) => {
    if (editing) return;
    const r = await api
      .get<ContributionSuggestion>('/api/registry/contribution-suggestion', { psnNo: props.psnNo, year: y })
      .catch(() => null);
    const s = r?.suggestion;
    if (!s) return setPrefilled(null);
    const yuan = (f: number) => fenToYuan(f, { grouping: false });
    const values: Partial<EnrollmentFormValues> = {
      personal: yuan(s.personalFen),
      fiscal: yuan(s.fiscalFen),
      assisted: yuan(s.assistedFen),
      assistedIdentity: s.assistedIdentity,
      assistedPayer: s.assistedPayer ?? '',
    };
    // never over what the clerk has typed meanwhile
    const untouched = Object.entries(values).filter(
      ([k]) => !form.isFieldTouched(k as keyof EnrollmentFormValues),
    );
    form.setFieldsValue(Object.fromEntries(untouched));
    const who = s.assistedIdentity
      ? `，按${props.identityTypes.find((t) => t.code === s.assistedIdentity)?.name ?? ''}资助参保`
      : '';
    setPrefilled(`已按 ${y} 年缴费标准预填${who}`);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, for the year the form opens on
  useEffect(() => {
    if (initial.insutype === '390') prefill(Number(initial.beginDate?.slice(0, 4)));
  }, []);
  const values: EnrollmentFormValues = Form.useWatch([], { form, preserve: true }) ?? initial;
  const insutype = values.insutype;

  const held = new Set(props.heldIdentities.filter((i) => !i.validTo).map((i) => i.code));
  const identityOptions = props.identityTypes
    .filter((t) => t.subsidisesEnrollment)
    .map((t) => ({
      value: t.code,
      label: `${t.name}（${t.department}）${held.has(t.code) ? ' · 该人员持有' : ''}`,
    }));

  const onFinish = async () => {
    const v = form.getFieldsValue(true) as EnrollmentFormValues;
    const errors = validateEnrollment(v);
    if (Object.keys(errors).length) return showFieldErrors(form, errors as Record<string, string>);
    await submit(async () => {
      const body = toEnrollmentBody(props.psnNo, v);
      if (editing) await api.put(`/api/registry/enrollments/${editing.id}`, body);
      else await api.post('/api/registry/enrollments', body);
      message.success(editing ? '参保记录已更正' : '参保登记已保存');
      props.onSaved();
    });
  };

  const year = periodYear(values.beginDate, values.endDate);
  const total = totalFen(values);
  return (
    <Form
      form={form}
      name="enrollment"
      layout="vertical"
      initialValues={initial}
      onFinish={onFinish}
      onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name)}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      {prefilled && (
        <Alert
          type="info"
          showIcon
          title={prefilled}
          data-testid="prefill-note"
          style={{ marginBottom: 16 }}
        />
      )}
      <Form.Item label="险种" name="insutype" required rules={rule('insutype')}>
        <Select options={insutypeOptions()} />
      </Form.Item>
      {insutype === '390' && (
        <Form.Item
          label="参保年度"
          htmlFor="enrollment_year"
          extra="城乡居民医保按自然年度参保：选择年度即填入 1 月 1 日至 12 月 31 日"
        >
          <DatePicker
            id="enrollment_year"
            picker="year"
            value={year ? dayjs(`${year}-01-01`) : null}
            onChange={(d) => {
              if (!d) return;
              form.setFieldsValue(yearPeriod(d.year()));
              form.validateFields(['beginDate', 'endDate']).catch(() => undefined);
              prefill(d.year());
            }}
          />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="参保开始日期" name="beginDate" required rules={rule('beginDate')} {...dateField}>
            <DatePicker placeholder="YYYY-MM-DD" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label="参保截止日期"
            name="endDate"
            required={insutype !== '390'}
            dependencies={['beginDate', 'insutype']}
            rules={rule('endDate')}
            {...dateField}
          >
            <DatePicker
              placeholder={insutype === '390' ? '不填为当年 12-31' : 'YYYY-MM-DD'}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
      </Row>
      {insutype !== '390' && (
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item
              label="参保单位名称"
              name="employerName"
              required={insutype === '310'}
              dependencies={['insutype']}
              rules={rule('employerName')}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="单位编号" name="employerCode" rules={rule('employerCode')}>
              <Input placeholder="统一社会信用代码" />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label="个人缴费（元）" name="personal" required rules={rule('personal')}>
            <Input inputMode="decimal" placeholder="如 400.00" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="财政补助（元）" name="fiscal" required rules={rule('fiscal')}>
            <Input inputMode="decimal" placeholder="如 700.00" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="资助参保金额（元）" name="assisted" required rules={rule('assisted')}>
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item
            label="资助身份"
            name="assistedIdentity"
            dependencies={['assisted']}
            rules={rule('assistedIdentity')}
          >
            <Select
              allowClear
              options={identityOptions}
              placeholder="有资助金额时必填"
              onChange={(code?: string) => {
                const t = props.identityTypes.find((x) => x.code === code);
                if (t && !form.getFieldValue('assistedPayer'))
                  form.setFieldsValue({ assistedPayer: t.department });
              }}
            />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item label="资助单位" name="assistedPayer" rules={rule('assistedPayer')}>
            <Input maxLength={50} placeholder="如 民政" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="缴费说明" name="contributionReason" rules={rule('contributionReason')}>
        <Input maxLength={200} placeholder="金额与当年缴费标准不符时填写原因" />
      </Form.Item>
      <Typography.Paragraph>
        合计缴费：
        <strong data-testid="enrollment-total">{total === null ? '—' : `${fenToYuan(total)} 元`}</strong>
      </Typography.Paragraph>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {editing ? '保存更正' : '提交登记'}
        </Button>
        <Button onClick={props.onClose}>取消</Button>
      </Space>
    </Form>
  );
}
