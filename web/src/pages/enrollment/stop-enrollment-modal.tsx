// 停保: a date within the period and a reason, confirmed in a modal that says it cannot be undone.
import { Alert, App, Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import { api } from '../../lib/api.ts';
import { dateField, ruleFrom } from '../../lib/form-support.ts';
import { stopErrors } from './enrollment-errors.ts';
import { type EnrollmentRow, type StopFormValues, validateStop } from './enrollment-form.ts';
import { INSUTYPE_SHORT_NAMES, labelOf } from './enrollment-labels.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';

export function StopEnrollmentModal(props: {
  open: boolean;
  formKey: number;
  enrollment: EnrollmentRow | null;
  onClose: () => void;
  onStopped: () => void;
}) {
  const e = props.enrollment;
  return (
    <Modal open={props.open} onCancel={props.onClose} footer={null} destroyOnHidden title="确认停保">
      {e && (
        <StopForm key={props.formKey} enrollment={e} onClose={props.onClose} onStopped={props.onStopped} />
      )}
    </Modal>
  );
}

function StopForm(props: { enrollment: EnrollmentRow; onClose: () => void; onStopped: () => void }) {
  const e = props.enrollment;
  const { message } = App.useApp();
  const [form] = Form.useForm<StopFormValues>();
  const { formError, saving, submit } = useFormSubmit(form, stopErrors);
  const validate = (v: StopFormValues) => validateStop(v, e);
  const onFinish = () =>
    submit(async () => {
      const v = form.getFieldsValue(true) as StopFormValues;
      await api.post(`/api/registry/enrollments/${e.id}/stop`, {
        stoppedOn: v.stoppedOn,
        reason: (v.reason ?? '').trim(),
      });
      message.success('已停保');
      props.onStopped();
    });
  return (
    <Form form={form} name="stop" layout="vertical" onFinish={onFinish}>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`停保 ${e.insutype} ${labelOf(INSUTYPE_SHORT_NAMES, e.insutype)}（${e.beginDate} 至 ${e.endDate}）`}
        description="停保后，停保日期之后不再享受该险种待遇；停保不能撤销，如有误须重新登记。"
      />
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form.Item
        label="停保日期"
        name="stoppedOn"
        required
        rules={[ruleFrom(validate, 'stoppedOn')]}
        {...dateField}
      >
        <DatePicker placeholder="YYYY-MM-DD" />
      </Form.Item>
      <Form.Item label="停保原因" name="reason" required rules={[ruleFrom(validate, 'reason')]}>
        <Input maxLength={200} placeholder="如 转入职工医保、死亡、重复参保" />
      </Form.Item>
      <Space>
        <Button type="primary" danger htmlType="submit" loading={saving}>
          确认停保
        </Button>
        <Button onClick={props.onClose}>取消</Button>
      </Space>
    </Form>
  );
}
