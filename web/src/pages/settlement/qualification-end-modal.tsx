// 终止门慢门特资格: an end date and a reason, checked here by the same rule the server applies (only
// shorter, never before today), confirmed in a modal.
import { Alert, App, Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import dayjs from 'dayjs';
import type { QualificationRow } from '../../../../src/modules/settlement/contract.ts';
import { api } from '../../lib/api.ts';
import { mapApiError } from '../../lib/field-errors.ts';
import { dateField, ruleFrom } from '../../lib/form-support.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { type EndValues, validateEnd } from './qualification-end-form.ts';

export function QualificationEndModal(props: {
  qualification: QualificationRow | null;
  onClose: () => void;
  onEnded: () => void;
}) {
  const q = props.qualification;
  return (
    <Modal open={q !== null} onCancel={props.onClose} footer={null} destroyOnHidden title="终止门慢门特资格">
      {q && <EndForm key={q.id} qualification={q} onClose={props.onClose} onEnded={props.onEnded} />}
    </Modal>
  );
}

function EndForm(props: { qualification: QualificationRow; onClose: () => void; onEnded: () => void }) {
  const q = props.qualification;
  const { message } = App.useApp();
  const [form] = Form.useForm<EndValues>();
  const today = dayjs().format('YYYY-MM-DD');
  const { formError, saving, submit } = useFormSubmit(form, (err) =>
    mapApiError(err, { fields: ['validTo', 'reason'] }),
  );
  const validate = (v: EndValues) => validateEnd(v, q, today);
  const onFinish = () =>
    submit(async () => {
      const v = form.getFieldsValue(true) as EndValues;
      await api.post(`/api/settlement/disease-qualifications/${q.id}/end`, {
        validTo: v.validTo,
        reason: (v.reason ?? '').trim(),
      });
      message.success(`资格 ${q.id} 将于 ${v.validTo} 终止`);
      props.onEnded();
    });
  return (
    <Form
      form={form}
      name="qualification-end"
      layout="vertical"
      onFinish={onFinish}
      initialValues={{ validTo: today }}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${q.psnName}（${q.psnNo}）病种 ${q.diseaseCode}，${q.validFrom} 至 ${q.validTo ?? '长期'}`}
        description="终止日期之后的就诊不再按门慢门特结算；此前已结算的费用不追溯。"
      />
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form.Item
        label="终止日期"
        name="validTo"
        required
        rules={[ruleFrom(validate, 'validTo')]}
        {...dateField}
      >
        <DatePicker placeholder="YYYY-MM-DD" />
      </Form.Item>
      <Form.Item label="终止原因" name="reason" required rules={[ruleFrom(validate, 'reason')]}>
        <Input maxLength={200} placeholder="如 经复查已治愈、死亡、转出统筹区" />
      </Form.Item>
      <Space>
        <Button type="primary" danger htmlType="submit" loading={saving}>
          确认终止
        </Button>
        <Button onClick={props.onClose}>取消</Button>
      </Space>
    </Form>
  );
}
