// Admin: add or edit a designated institution. Same checks as the API, errors beside the fields.
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import {
  type EditFormProps,
  editTitle,
  FormDrawer,
  type FormDrawerState,
} from '../../components/form-drawer.tsx';
import { api } from '../../lib/api.ts';
import { mapApiError } from '../../lib/field-errors.ts';
import { dateField, ruleFrom } from '../../lib/form-support.ts';
import {
  fromInstitution,
  INSTITUTION_FALLBACK,
  INSTITUTION_FIELDS,
  type Institution,
  type InstitutionFormValues,
  toInstitutionBody,
  validateInstitution,
} from './institution-form.ts';
import { INSTITUTION_KIND_LABELS, INSTITUTION_KINDS, QUALIFICATIONS } from './labels.ts';
import { INSTITUTION_LEVEL_NAMES } from '../../../../src/domain/shared/labels.ts';
import type { Locations } from '../../../../src/modules/registry/contract.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';

type Props = EditFormProps<Institution> & { locations: Locations | null };

export function InstitutionFormDrawer({ open, formKey, ...form }: Props & FormDrawerState) {
  const title = editTitle('定点机构', form.editing);
  return (
    <FormDrawer open={open} formKey={formKey} onClose={form.onClose} size={560} title={title}>
      <InstitutionForm {...form} />
    </FormDrawer>
  );
}

const rule = (f: string) => [ruleFrom(validateInstitution, f)];

function InstitutionForm({ editing, locations, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<InstitutionFormValues>();
  const [initial] = useState<InstitutionFormValues>(() =>
    editing
      ? fromInstitution(editing)
      : { admdvs: locations?.region?.admdvs ?? '', kind: 'village_clinic', level: 1, villageCode: null },
  );
  const kind = Form.useWatch('kind', form) ?? initial.kind;
  const { formError, saving, submit } = useFormSubmit(form, (err) =>
    mapApiError(err, {
      fields: INSTITUTION_FIELDS,
      fallback: (f) => INSTITUTION_FALLBACK[f as keyof typeof INSTITUTION_FALLBACK] ?? '格式不正确',
    }),
  );

  const villageOptions = (locations?.townships ?? []).map((t) => ({
    label: t.name,
    title: t.name,
    options: t.villages.map((v) => ({ value: v.code, label: `${t.name} ${v.name}` })),
  }));

  const onFinish = () =>
    submit(async () => {
      const v = form.getFieldsValue(true) as InstitutionFormValues;
      const r = editing
        ? await api.put<{ institution: Institution }>(
            `/api/registry/institutions/${editing.code}`,
            toInstitutionBody(v, true),
          )
        : await api.post<{ institution: Institution }>(
            '/api/registry/institutions',
            toInstitutionBody(v, false),
          );
      message.success(editing ? '机构信息已保存' : '定点机构已添加');
      onSaved(r.institution);
    });

  return (
    <Form form={form} name="institution" layout="vertical" initialValues={initial} onFinish={onFinish}>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Space align="start" style={{ display: 'flex' }}>
        <Form.Item
          label="机构编码"
          name="code"
          required
          dependencies={['kind']}
          rules={rule('code')}
          extra="医疗机构 H、药店 P 加 11 位数字"
        >
          <Input disabled={!!editing} style={{ width: 200 }} maxLength={12} />
        </Form.Item>
        <Form.Item label="医保区划" name="admdvs" required rules={rule('admdvs')}>
          <Input style={{ width: 120 }} maxLength={6} />
        </Form.Item>
      </Space>
      <Form.Item label="机构名称" name="name" required rules={rule('name')}>
        <Input maxLength={200} />
      </Form.Item>
      <Space align="start" style={{ display: 'flex' }}>
        <Form.Item label="机构类型" name="kind" required rules={rule('kind')}>
          <Select
            style={{ width: 180 }}
            options={INSTITUTION_KINDS.map((k) => ({ value: k, label: INSTITUTION_KIND_LABELS[k] }))}
            onChange={(k) => k === 'pharmacy' && form.setFieldsValue({ level: null })}
          />
        </Form.Item>
        <Form.Item
          label="医疗机构等级"
          name="level"
          required={kind === 'hospital'}
          dependencies={['kind']}
          rules={rule('level')}
        >
          <Select
            style={{ width: 140 }}
            allowClear
            disabled={kind === 'pharmacy'}
            placeholder={kind === 'pharmacy' ? '药店无等级' : '请选择'}
            options={[1, 2, 3].map((l) => ({ value: l, label: INSTITUTION_LEVEL_NAMES[String(l)] }))}
          />
        </Form.Item>
      </Space>
      <Form.Item label="所在村（社区）" name="villageCode" rules={rule('villageCode')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={villageOptions}
          placeholder="县级机构可不填"
        />
      </Form.Item>
      <Space align="start" style={{ display: 'flex' }}>
        <Form.Item
          label="协议开始日期"
          name="agreementFrom"
          required
          rules={rule('agreementFrom')}
          {...dateField}
        >
          <DatePicker placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item
          label="协议截止日期"
          name="agreementTo"
          required
          dependencies={['agreementFrom']}
          rules={rule('agreementTo')}
          {...dateField}
        >
          <DatePicker placeholder="YYYY-MM-DD" />
        </Form.Item>
      </Space>
      <Form.Item label="结算资格" style={{ marginBottom: 8 }}>
        <Space wrap>
          {QUALIFICATIONS.map((q) => (
            <Form.Item key={q.prop} name={q.prop} valuePropName="checked" noStyle>
              <Checkbox>{q.label}</Checkbox>
            </Form.Item>
          ))}
        </Space>
      </Form.Item>
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
        <Button onClick={onClose}>取消</Button>
      </Space>
    </Form>
  );
}
