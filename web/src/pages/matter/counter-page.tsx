// 综合受理: pick a matter from the catalogue by search, see its guide and materials checklist, tick
// what was handed in (or deferred under 容缺), fill what the matter needs, and submit: a complete
// application gets a receipt, an incomplete one the 一次性告知书 — both printable.
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { MatterRow, MatterTypeRow } from '../../../../src/modules/matter/contract.ts';
import { LoadError, Loading } from '../../components/page-state.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import type { Locations } from '../persons/types.ts';
import { CHANNEL_NAMES, levelName, limitText } from './labels.ts';
import { type FormValues, materialLists, payloadOf, type Tick } from './matter-form.ts';
import { PayloadFields } from './payload-fields.tsx';
import { MatterPaper } from './receipt.tsx';

export default function CounterPage() {
  const types = useApi<{ items: MatterTypeRow[] }>('/api/matter/types');
  const locations = useApi<Locations>('/api/registry/locations');
  const [code, setCode] = useState<string | null>(null);
  const [ticks, setTicks] = useState<Record<string, Tick>>({});
  const [result, setResult] = useState<MatterRow | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const channel = Form.useWatch('channel', form);
  // opened from a person's page (一人一档): ?type=CB006&psnNo=…&name=… picks the matter and fills the person
  const [params] = useSearchParams();
  const preset = {
    type: params.get('type'),
    psnNo: /^\d{16}$/.test(params.get('psnNo') ?? '') ? params.get('psnNo') : null,
    name: params.get('name'),
  };
  const type = useMemo(
    () => types.data?.items.find((t) => t.code === code)?.definition ?? null,
    [types.data, code],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: the preset applies once, when the catalogue arrives
  useEffect(() => {
    if (!types.data || !preset.type || code) return;
    if (!types.data.items.some((t) => t.code === preset.type)) return;
    setCode(preset.type);
  }, [types.data]);

  if (types.error) return <LoadError error={types.error} onRetry={types.reload} />;
  if (!types.data) return <Loading />;
  const options = types.data.items.map((t) => ({
    value: t.code,
    label: `${t.code} ${t.definition.mainName} · ${t.definition.name}`,
  }));
  const anyDeferred = type?.materials.some((m) => m.deferrable && ticks[m.name] === 'deferred') ?? false;

  const submit = async (v: FormValues) => {
    if (!type) return;
    setBusy(true);
    setError(null);
    try {
      const lists = materialLists(type.materials, ticks);
      const body = {
        typeCode: type.code,
        channel: v.channel ?? 'counter',
        applicantName: v.applicantName,
        psnNo: typeof v.subjectPsnNo === 'string' && v.subjectPsnNo.trim() ? v.subjectPsnNo.trim() : null,
        proxy: v.channel === 'proxy' ? { name: v.proxyName, certno: v.proxyCertno } : null,
        ...lists,
        promiseDue: anyDeferred ? v.promiseDue : null,
        payload: payloadOf(type.handler, v),
      };
      setResult(await api.post<MatterRow>('/api/matter/matters', body));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, { code: 'UNKNOWN', message: String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const pick = (c: string) => {
    setCode(c);
    setTicks({});
    setResult(null);
    setError(null);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="综合受理">
        <Select
          aria-label="选择事项"
          showSearch
          optionFilterProp="label"
          placeholder="输入事项名称或编码搜索，如“参保登记”“异地”"
          options={options}
          value={code}
          onChange={pick}
          style={{ width: '100%' }}
        />
      </Card>
      {type && !result && (
        <Card title={`${type.mainName} · ${type.name}`}>
          <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="办理时限">{limitText(type.limit)}</Descriptions.Item>
            <Descriptions.Item label="受理层级">
              {type.acceptLevels.map(levelName).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label="办结层级">
              {type.completeLevels.map(levelName).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label="第二岗审核">
              {type.secondPost ? '需要' : '不需要（即办）'}
            </Descriptions.Item>
            <Descriptions.Item label="委托代办">{type.proxyAllowed ? '可以' : '不可以'}</Descriptions.Item>
            <Descriptions.Item label="网上办理">{type.onlineChannel ?? '未开通'}</Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={type.materials}
            columns={[
              { title: '材料', dataIndex: 'name' },
              {
                title: '说明',
                render: (_, m) => (
                  <Space>
                    {m.replaceable && <Tag color="blue">部门数据可替代</Tag>}
                    {m.deferrable && <Tag color="gold">可容缺</Tag>}
                  </Space>
                ),
              },
              {
                title: '收取情况',
                width: 300,
                render: (_, m) => (
                  <Radio.Group
                    aria-label={`材料 ${m.name}`}
                    value={ticks[m.name] ?? 'missing'}
                    onChange={(e) => setTicks({ ...ticks, [m.name]: e.target.value as Tick })}
                    options={[
                      { value: 'handed_in', label: '已提交' },
                      ...(m.deferrable ? [{ value: 'deferred', label: '容缺' }] : []),
                      { value: 'missing', label: '未提交' },
                    ]}
                  />
                ),
              },
            ]}
          />
          <Form
            form={form}
            layout="vertical"
            onFinish={submit}
            // the person preset (from 一人一档) is there when the matter's fields mount, not a tick later
            initialValues={{
              channel: 'counter',
              subjectPsnNo: preset.psnNo ?? undefined,
              psnNo: preset.psnNo ?? undefined,
              applicantName: preset.name ?? undefined,
            }}
            style={{ marginTop: 16 }}
          >
            <Row gutter={16}>
              <Col span={8}>
                <Form.Item
                  name="applicantName"
                  label="申请人"
                  rules={[{ required: true, message: '请填写申请人' }]}
                >
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="channel" label="受理渠道">
                  <Select
                    options={Object.entries(CHANNEL_NAMES).map(([value, label]) => ({ value, label }))}
                  />
                </Form.Item>
              </Col>
              {!type.handler && (
                <Col span={8}>
                  <Form.Item name="subjectPsnNo" label="人员编号（如涉及参保人）">
                    <Input maxLength={16} />
                  </Form.Item>
                </Col>
              )}
            </Row>
            {channel === 'proxy' && (
              <Row gutter={16}>
                <Col span={8}>
                  <Form.Item
                    name="proxyName"
                    label="代办人姓名"
                    rules={[{ required: true, message: '请填写代办人' }]}
                  >
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item
                    name="proxyCertno"
                    label="代办人身份证号"
                    rules={[{ required: true, message: '请填写' }]}
                  >
                    <Input maxLength={18} />
                  </Form.Item>
                </Col>
              </Row>
            )}
            <PayloadFields handler={type.handler} locations={locations.data} />
            {anyDeferred && (
              <Form.Item
                name="promiseDue"
                label="承诺补交日期"
                rules={[{ required: true, message: '请填写承诺补交日期' }]}
              >
                <Input placeholder="YYYY-MM-DD" style={{ width: 200 }} />
              </Form.Item>
            )}
            {error && (
              <Alert
                type="error"
                showIcon
                title={error.message}
                description={error.code}
                style={{ marginBottom: 16 }}
              />
            )}
            <Button type="primary" htmlType="submit" loading={busy}>
              提交申请
            </Button>
          </Form>
        </Card>
      )}
      {result && (
        <Card
          title={result.receiptNo ? '已受理' : '材料不全：已出具一次性告知书'}
          extra={
            <Space>
              <Link to={`/matter/${result.id}`}>查看办件</Link>
              <Button onClick={() => pick(result.typeCode)}>继续受理</Button>
            </Space>
          }
        >
          <MatterPaper matter={result} />
        </Card>
      )}
    </Space>
  );
}
