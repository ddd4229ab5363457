// The fields a matter's handler needs, in the counter form (registration, change, correction, stop,
// a person's status, a special identity added or ended): one list of field specs per handler, laid
// out in one wrapping row.
import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import type { FormRule } from 'antd';
import { PERSON_STATUS_NAMES } from '../../../../src/domain/shared/labels.ts';
import { useApi } from '../../lib/use-api.ts';
import type { IdentityType, Locations } from '../persons/types.ts';

const RELATIONS = ['子女', '配偶', '父母', '孙子女', '兄弟姐妹', '祖父母', '其他'].map((r) => ({
  value: r,
  label: r,
}));
const STATUSES = Object.entries(PERSON_STATUS_NAMES).map(([value, label]) => ({ value, label }));

interface Field {
  name: string;
  label: string;
  span: number;
  /** the message when it is left empty (absent: optional) */
  required?: string;
  kind?: 'text' | 'date' | 'village' | 'relation' | 'status' | 'identity' | 'check';
  maxLength?: number;
  extra?: string;
  placeholder?: string;
  /** shown only when the form's `enroll` box is ticked */
  whenEnrolling?: true;
}

const psnNo: Field = { name: 'psnNo', label: '人员编号', span: 6, required: '请填写人员编号', maxLength: 16 };
const enrollmentId: Field = {
  name: 'enrollmentId',
  label: '参保记录编号',
  span: 6,
  required: '请填写参保记录编号',
};
const yuan = (name: string, label: string, span: number, required = true): Field => ({
  name,
  label,
  span,
  ...(required ? { required: '请填写' } : {}),
});

const FIELDS: Record<string, readonly Field[]> = {
  'person.register': [
    { name: 'certno', label: '身份证号码', span: 8, required: '请填写身份证号码', maxLength: 18 },
    { name: 'name', label: '姓名', span: 8, required: '请填写姓名', maxLength: 50 },
    { name: 'phone', label: '联系电话', span: 8, maxLength: 20 },
    { name: 'villageCode', label: '所属村（社区）', span: 8, kind: 'village', required: '请选择村（社区）' },
    {
      name: 'householdNo',
      label: '加入已有家庭户（户编号）',
      span: 8,
      maxLength: 40,
      extra: '不填则以本人为户主新建家庭户',
    },
    { name: 'relation', label: '与户主关系', span: 8, kind: 'relation' },
    { name: 'address', label: '家庭住址（新建家庭户时）', span: 24, maxLength: 100 },
    { name: 'enroll', label: '同时办理城乡居民参保（新生儿自出生之日起参保）', span: 24, kind: 'check' },
    { ...yuan('personalYuan', '个人缴费（元）', 8), whenEnrolling: true },
    { ...yuan('fiscalYuan', '财政补助（元）', 8), whenEnrolling: true },
    {
      name: 'contributionReason',
      label: '缴费说明（与标准不符时）',
      span: 8,
      maxLength: 200,
      whenEnrolling: true,
    },
  ],
  'person.change': [
    psnNo,
    { name: 'phone', label: '新联系电话', span: 6, maxLength: 20 },
    { name: 'villageCode', label: '新居住村（社区）', span: 6, kind: 'village' },
    { name: 'newName', label: '新姓名', span: 6, maxLength: 50 },
  ],
  'enrollment.correct': [
    enrollmentId,
    yuan('personalYuan', '个人缴费（元）', 4),
    yuan('fiscalYuan', '财政补助（元）', 4),
    yuan('assistedYuan', '资助（元）', 4, false),
    { name: 'reason', label: '更正原因', span: 6, required: '请填写原因', maxLength: 200 },
  ],
  'enrollment.stop': [
    enrollmentId,
    { name: 'stoppedOn', label: '停保日期', span: 6, kind: 'date', required: '请填写停保日期' },
    { name: 'reason', label: '停保原因', span: 6, required: '请填写原因', maxLength: 200 },
  ],
  'person.status': [
    psnNo,
    { name: 'status', label: '人员状态', span: 6, kind: 'status', required: '请选择人员状态' },
    { name: 'effectiveDate', label: '发生日期', span: 6, kind: 'date', required: '请填写发生日期' },
    {
      name: 'source',
      label: '信息来源',
      span: 6,
      required: '请填写信息来源',
      maxLength: 100,
      extra: '如公安死亡注销、法院判决、本人申报',
    },
    { name: 'note', label: '备注', span: 24, maxLength: 500 },
  ],
  'identity.add': [
    psnNo,
    { name: 'identityCode', label: '身份类别', span: 6, kind: 'identity', required: '请选择身份类别' },
    {
      name: 'sourceDept',
      label: '认定部门',
      span: 6,
      required: '请填写认定部门',
      maxLength: 50,
      placeholder: '如民政局、乡村振兴局、残联',
    },
    { name: 'sourceRef', label: '认定文号', span: 6, maxLength: 200 },
    { name: 'validFrom', label: '身份起始日期', span: 6, kind: 'date', required: '请填写起始日期' },
    { name: 'validTo', label: '身份截止日期（可空）', span: 6, kind: 'date' },
  ],
  'identity.end': [
    {
      name: 'identityId',
      label: '身份记录编号',
      span: 6,
      required: '请填写身份记录编号',
      extra: '见一人一档的特殊身份列表',
    },
    { name: 'validTo', label: '终止日期', span: 6, kind: 'date', required: '请填写终止日期' },
    { name: 'reason', label: '终止原因', span: 12, required: '请填写终止原因', maxLength: 200 },
  ],
};

const DATE: FormRule = { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式应为 YYYY-MM-DD' };

function IdentitySelect(props: { value?: string; onChange?: (v: string) => void }) {
  const types = useApi<{ items: IdentityType[] }>('/api/registry/identity-types');
  const options = (types.data?.items ?? []).map((t) => ({ value: t.code, label: t.name }));
  return <Select {...props} options={options} loading={!types.data} showSearch optionFilterProp="label" />;
}

function control(f: Field, locations: Locations | null) {
  switch (f.kind) {
    case 'village':
      return (
        <Select
          showSearch
          optionFilterProp="label"
          allowClear
          placeholder="选择村（社区）"
          options={(locations?.townships ?? []).map((t) => ({
            label: t.name,
            options: t.villages.map((v) => ({ value: v.code, label: `${t.name} ${v.name}` })),
          }))}
        />
      );
    case 'relation':
      return <Select allowClear options={RELATIONS} />;
    case 'status':
      return <Select options={STATUSES} />;
    case 'identity':
      return <IdentitySelect />;
    case 'check':
      return <Checkbox>{f.label}</Checkbox>;
    case 'date':
      return <Input placeholder="YYYY-MM-DD" />;
    default:
      return <Input maxLength={f.maxLength} placeholder={f.placeholder} />;
  }
}

export function PayloadFields({
  handler,
  locations,
}: {
  handler: string | null;
  locations: Locations | null;
}) {
  const enroll = Form.useWatch('enroll');
  const fields = (handler && FIELDS[handler]) || [];
  if (!fields.length) return null;
  return (
    <Row gutter={16}>
      {fields
        .filter((f) => !f.whenEnrolling || enroll)
        .map((f) => (
          <Col key={f.name} span={f.span}>
            <Form.Item
              name={f.name}
              label={f.kind === 'check' ? undefined : f.label}
              valuePropName={f.kind === 'check' ? 'checked' : undefined}
              extra={f.extra}
              rules={[
                ...(f.required ? [{ required: true, message: f.required }] : []),
                ...(f.kind === 'date' ? [DATE] : []),
              ]}
            >
              {control(f, locations)}
            </Form.Item>
          </Col>
        ))}
    </Row>
  );
}
