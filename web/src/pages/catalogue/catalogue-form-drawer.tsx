// Admin: add or edit a catalogue item (a new version of a code gets its own 生效日期). The share is
// typed in percent and the cap in 元; same checks as the API, errors beside the fields.
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import {
  type EditFormProps,
  editTitle,
  FormDrawer,
  type FormDrawerState,
} from '../../components/form-drawer.tsx';
import { api } from '../../lib/api.ts';
import {
  CATALOGUE_API_TO_FORM,
  CATALOGUE_FALLBACK,
  CATALOGUE_FIELDS,
  type CatalogueFormValues,
  type CatalogueItem,
  fromCatalogueItem,
  newCatalogueValues,
  toCatalogueBody,
  validateCatalogue,
} from './catalogue-form.ts';
import { mapApiError } from '../../lib/field-errors.ts';
import { dateField, ruleFrom } from '../../lib/form-support.ts';
import {
  CATALOGUE_KIND_LABELS,
  CATALOGUE_KINDS,
  GENDER_LIMIT_LABELS,
  MED_CHRGITM_TYPE_LABELS,
} from './labels.ts';
import { CHARGE_CLASS_NAMES, CHARGE_CLASSES } from '../../../../src/domain/shared/labels.ts';
import { chinaToday } from '../../lib/format.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';

type Props = EditFormProps<CatalogueItem>;

export function CatalogueFormDrawer({ open, formKey, ...form }: Props & FormDrawerState) {
  const title = editTitle('目录项目', form.editing);
  return (
    <FormDrawer open={open} formKey={formKey} onClose={form.onClose} size={600} title={title}>
      <CatalogueForm {...form} />
    </FormDrawer>
  );
}

const rule = (f: string) => [ruleFrom(validateCatalogue, f)];

function CatalogueForm({ editing, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CatalogueFormValues>();
  const [initial] = useState(() => (editing ? fromCatalogueItem(editing) : newCatalogueValues(chinaToday())));
  const lv = Form.useWatch('chrgitmLv', form) ?? initial.chrgitmLv;
  const { formError, saving, submit } = useFormSubmit(form, (err) =>
    mapApiError(err, {
      fields: CATALOGUE_FIELDS,
      apiToForm: CATALOGUE_API_TO_FORM,
      fallback: (f) => CATALOGUE_FALLBACK[f as keyof typeof CATALOGUE_FALLBACK] ?? '格式不正确',
    }),
  );

  const onFinish = () =>
    submit(async () => {
      const body = toCatalogueBody(form.getFieldsValue(true) as CatalogueFormValues);
      const r = editing
        ? await api.put<{ item: CatalogueItem }>(`/api/registry/catalogue/${editing.id}`, body)
        : await api.post<{ item: CatalogueItem }>('/api/registry/catalogue', body);
      message.success(editing ? '目录项目已保存' : '目录项目已添加');
      onSaved(r.item);
    });

  return (
    <Form form={form} name="catalogue" layout="vertical" initialValues={initial} onFinish={onFinish}>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form.Item label="国家编码" name="code" required rules={rule('code')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item label="名称" name="name" required rules={rule('name')}>
        <Input maxLength={200} />
      </Form.Item>
      <Space align="start" style={{ display: 'flex' }} wrap>
        <Form.Item label="目录类别" name="kind" required rules={rule('kind')}>
          <Select
            style={{ width: 150 }}
            options={CATALOGUE_KINDS.map((k) => ({ value: k, label: CATALOGUE_KIND_LABELS[k] }))}
          />
        </Form.Item>
        <Form.Item label="甲乙丙类" name="chrgitmLv" required rules={rule('chrgitmLv')}>
          <Select
            style={{ width: 110 }}
            options={CHARGE_CLASSES.map((l) => ({ value: l, label: CHARGE_CLASS_NAMES[l] }))}
            onChange={(v) => v !== '02' && form.setFieldsValue({ firstShare: '' })}
          />
        </Form.Item>
        <Form.Item label="收费项目类别" name="medChrgitmType" required rules={rule('medChrgitmType')}>
          <Select
            style={{ width: 160 }}
            options={Object.entries(MED_CHRGITM_TYPE_LABELS).map(([value, l]) => ({
              value,
              label: `${value} ${l}`,
            }))}
          />
        </Form.Item>
      </Space>
      <Space align="start" style={{ display: 'flex' }}>
        <Form.Item
          label="先行自付比例（%）"
          name="firstShare"
          dependencies={['chrgitmLv']}
          rules={rule('firstShare')}
          extra="仅乙类项目"
        >
          <Input style={{ width: 150 }} disabled={lv !== '02'} inputMode="decimal" placeholder="如 10" />
        </Form.Item>
        <Form.Item label="限价（元）" name="priceCap" rules={rule('priceCap')} extra="不填则不限价">
          <Input style={{ width: 150 }} inputMode="decimal" />
        </Form.Item>
      </Space>
      <Space align="start" style={{ display: 'flex' }} wrap>
        <Form.Item label="性别限制" name="genderLimit">
          <Select
            style={{ width: 120 }}
            allowClear
            placeholder="不限"
            options={Object.entries(GENDER_LIMIT_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="最小年龄（岁）" name="minAge" rules={rule('minAge')}>
          <Input style={{ width: 110 }} inputMode="numeric" />
        </Form.Item>
        <Form.Item label="最大年龄（岁）" name="maxAge" dependencies={['minAge']} rules={rule('maxAge')}>
          <Input style={{ width: 110 }} inputMode="numeric" />
        </Form.Item>
        <Form.Item label="住院限制" name="inpatientOnly" valuePropName="checked">
          <Checkbox>仅限住院使用</Checkbox>
        </Form.Item>
      </Space>
      <Space align="start" style={{ display: 'flex' }}>
        <Form.Item label="生效日期" name="validFrom" required rules={rule('validFrom')} {...dateField}>
          <DatePicker placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item
          label="失效日期"
          name="validTo"
          dependencies={['validFrom']}
          rules={rule('validTo')}
          {...dateField}
        >
          <DatePicker placeholder="长期有效可不填" />
        </Form.Item>
      </Space>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
        <Button onClick={onClose}>取消</Button>
      </Space>
    </Form>
  );
}
