// Finding the person at the counter: a resident ID (looked up in the register) or a person number.
import { Button, Form, Input } from 'antd';
import { useEffect } from 'react';
import { ApiError, api, type Page } from '../../lib/api.ts';
import { classifyLookup } from './person-lookup.ts';

export function PersonLookupForm({
  current,
  onFound,
}: {
  current: string | null;
  onFound: (psnNo: string) => void;
}) {
  const [form] = Form.useForm<{ q: string }>();
  useEffect(() => {
    if (current) form.setFieldsValue({ q: current });
  }, [current, form]);

  const fail = (message: string) => form.setFields([{ name: 'q', errors: [message] }]);
  const onFinish = async ({ q }: { q: string }) => {
    const l = classifyLookup(q);
    if (l.kind === 'invalid') return fail(l.message);
    try {
      // the server reads the box (q): check digit, 15-digit legacy IDs, 16-digit person numbers
      const r = await api.get<Page<{ psnNo: string }>>('/api/registry/persons', { q: l.value, pageSize: 1 });
      if (r.items[0]) onFound(r.items[0].psnNo);
      else {
        const what = l.kind === 'psnNo' ? '人员编号' : '身份证号';
        fail(`未找到${what}为 ${l.value} 的人员（本县未登记或不在您的管辖范围）`);
      }
    } catch (e) {
      fail(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    // items aligned at the top: a message under the box must not move the button
    <Form
      form={form}
      name="lookup"
      layout="inline"
      onFinish={onFinish}
      requiredMark={false}
      style={{ alignItems: 'flex-start' }}
    >
      <Form.Item
        label="身份证号或人员编号"
        name="q"
        rules={[
          {
            validator: async (_, v: string) => {
              const l = classifyLookup(v);
              if (l.kind === 'invalid') throw new Error(l.message);
            },
            validateTrigger: 'onSubmit',
          },
        ]}
      >
        {/* no clear button: it would be the Tab stop after the box, an icon without a name */}
        <Input style={{ width: 280 }} placeholder="18 位身份证号或 16 位人员编号" autoFocus />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          查找
        </Button>
      </Form.Item>
    </Form>
  );
}
