// The fields a matter's handler needs, in the counter form (registration, change, correction, stop,
// a person's status, a special identity added or ended).
import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { PERSON_STATUS_NAMES } from '../../../../src/domain/shared/labels.ts';
import { useApi } from '../../lib/use-api.ts';
import type { IdentityType, Locations } from '../persons/types.ts';

const RELATIONS = ['子女', '配偶', '父母', '孙子女', '兄弟姐妹', '祖父母', '其他'];

function VillageSelect({
  locations,
  name,
  label,
  required,
}: {
  locations: Locations | null;
  name: string;
  label: string;
  required?: boolean;
}) {
  const options = (locations?.townships ?? []).map((t) => ({
    label: t.name,
    options: t.villages.map((v) => ({ value: v.code, label: `${t.name} ${v.name}` })),
  }));
  return (
    <Form.Item
      name={name}
      label={label}
      rules={required ? [{ required: true, message: '请选择村（社区）' }] : []}
    >
      <Select showSearch optionFilterProp="label" options={options} allowClear placeholder="选择村（社区）" />
    </Form.Item>
  );
}

const DATE = { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式应为 YYYY-MM-DD' };

function PsnNoField() {
  return (
    <Form.Item name="psnNo" label="人员编号" rules={[{ required: true, message: '请填写人员编号' }]}>
      <Input maxLength={16} />
    </Form.Item>
  );
}

function StatusFields() {
  const options = Object.entries(PERSON_STATUS_NAMES).map(([value, label]) => ({ value, label }));
  return (
    <>
      <Row gutter={16}>
        <Col span={6}>
          <PsnNoField />
        </Col>
        <Col span={6}>
          <Form.Item name="status" label="人员状态" rules={[{ required: true, message: '请选择人员状态' }]}>
            <Select options={options} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name="effectiveDate"
            label="发生日期"
            rules={[{ required: true, message: '请填写发生日期' }, DATE]}
          >
            <Input placeholder="YYYY-MM-DD" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name="source"
            label="信息来源"
            rules={[{ required: true, message: '请填写信息来源' }]}
            extra="如公安死亡注销、法院判决、本人申报"
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label="备注">
        <Input maxLength={500} />
      </Form.Item>
    </>
  );
}

function IdentityAddFields() {
  const types = useApi<{ items: IdentityType[] }>('/api/registry/identity-types');
  const options = (types.data?.items ?? []).map((t) => ({ value: t.code, label: t.name }));
  return (
    <>
      <Row gutter={16}>
        <Col span={6}>
          <PsnNoField />
        </Col>
        <Col span={6}>
          <Form.Item
            name="identityCode"
            label="身份类别"
            rules={[{ required: true, message: '请选择身份类别' }]}
          >
            <Select options={options} loading={!types.data} showSearch optionFilterProp="label" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name="sourceDept"
            label="认定部门"
            rules={[{ required: true, message: '请填写认定部门' }]}
          >
            <Input maxLength={50} placeholder="如民政局、乡村振兴局、残联" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="sourceRef" label="认定文号">
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item
            name="validFrom"
            label="身份起始日期"
            rules={[{ required: true, message: '请填写起始日期' }, DATE]}
          >
            <Input placeholder="YYYY-MM-DD" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="validTo" label="身份截止日期（可空）" rules={[DATE]}>
            <Input placeholder="YYYY-MM-DD" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

function IdentityEndFields() {
  return (
    <Row gutter={16}>
      <Col span={6}>
        <Form.Item
          name="identityId"
          label="身份记录编号"
          rules={[{ required: true, message: '请填写身份记录编号' }]}
          extra="见一人一档的特殊身份列表"
        >
          <Input />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item
          name="validTo"
          label="终止日期"
          rules={[{ required: true, message: '请填写终止日期' }, DATE]}
        >
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="reason" label="终止原因" rules={[{ required: true, message: '请填写终止原因' }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function PayloadFields({
  handler,
  locations,
}: {
  handler: string | null;
  locations: Locations | null;
}) {
  const enroll = Form.useWatch('enroll');
  if (handler === 'person.register') {
    return (
      <>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="certno"
              label="身份证号码"
              rules={[{ required: true, message: '请填写身份证号码' }]}
            >
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="phone" label="联系电话">
              <Input maxLength={20} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <VillageSelect locations={locations} name="villageCode" label="所属村（社区）" required />
          </Col>
          <Col span={8}>
            <Form.Item
              name="householdNo"
              label="加入已有家庭户（户编号）"
              extra="不填则以本人为户主新建家庭户"
            >
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="relation" label="与户主关系">
              <Select allowClear options={RELATIONS.map((r) => ({ value: r, label: r }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label="家庭住址（新建家庭户时）">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="enroll" valuePropName="checked">
          <Checkbox>同时办理城乡居民参保（新生儿自出生之日起参保）</Checkbox>
        </Form.Item>
        {enroll && (
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item
                name="personalYuan"
                label="个人缴费（元）"
                rules={[{ required: true, message: '请填写' }]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="fiscalYuan"
                label="财政补助（元）"
                rules={[{ required: true, message: '请填写' }]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="contributionReason" label="缴费说明（与标准不符时）">
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
        )}
      </>
    );
  }
  if (handler === 'person.change') {
    return (
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item name="psnNo" label="人员编号" rules={[{ required: true, message: '请填写人员编号' }]}>
            <Input maxLength={16} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="phone" label="新联系电话">
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <VillageSelect locations={locations} name="villageCode" label="新居住村（社区）" />
        </Col>
        <Col span={6}>
          <Form.Item name="newName" label="新姓名">
            <Input maxLength={50} />
          </Form.Item>
        </Col>
      </Row>
    );
  }
  if (handler === 'person.status') return <StatusFields />;
  if (handler === 'identity.add') return <IdentityAddFields />;
  if (handler === 'identity.end') return <IdentityEndFields />;
  if (handler === 'enrollment.correct' || handler === 'enrollment.stop') {
    const correct = handler === 'enrollment.correct';
    return (
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item
            name="enrollmentId"
            label="参保记录编号"
            rules={[{ required: true, message: '请填写参保记录编号' }]}
          >
            <Input />
          </Form.Item>
        </Col>
        {correct ? (
          <>
            <Col span={4}>
              <Form.Item
                name="personalYuan"
                label="个人缴费（元）"
                rules={[{ required: true, message: '请填写' }]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item
                name="fiscalYuan"
                label="财政补助（元）"
                rules={[{ required: true, message: '请填写' }]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="assistedYuan" label="资助（元）">
                <Input />
              </Form.Item>
            </Col>
          </>
        ) : (
          <Col span={6}>
            <Form.Item
              name="stoppedOn"
              label="停保日期"
              rules={[{ required: true, message: '请填写停保日期' }]}
            >
              <Input placeholder="YYYY-MM-DD" />
            </Form.Item>
          </Col>
        )}
        <Col span={6}>
          <Form.Item
            name="reason"
            label={correct ? '更正原因' : '停保原因'}
            rules={[{ required: true, message: '请填写原因' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
    );
  }
  return null;
}
