// The admin's part of the season: the collection window of the year and its 应参保人数 per township,
// typed in or imported from a sheet (乡镇编码, 应参保人数).
import { Alert, Button, Card, DatePicker, Form, InputNumber, Space, Table, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { CollectionWindow, Ranking } from '../../../../src/modules/collection/contract.ts';
import { ApiError, api } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';

export function TargetsCard(props: { year: number; windows: CollectionWindow[]; onSaved: () => void }) {
  const window = props.windows.find((w) => w.year === props.year);
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const ranking = useApi<Ranking>('/api/collection/ranking', { year: props.year, streakDays: 3 });
  const report = (e: unknown) =>
    setMessage({ type: 'error', text: e instanceof ApiError ? e.message : String(e) });

  const saveWindow = async (v: { range: [dayjs.Dayjs, dayjs.Dayjs] }) => {
    try {
      await api.put(`/api/collection/windows/${props.year}`, {
        opensOn: v.range[0].format('YYYY-MM-DD'),
        closesOn: v.range[1].format('YYYY-MM-DD'),
      });
      setMessage({ type: 'success', text: '征缴期已保存' });
      props.onSaved();
    } catch (e) {
      report(e);
    }
  };
  const saveTarget = async (code: string, target: number | null) => {
    if (target === null) return;
    try {
      await api.put(`/api/registry/targets/${code}/${props.year}`, { target });
      ranking.reload();
    } catch (e) {
      report(e);
    }
  };
  const upload = async (file: File) => {
    const form = new FormData();
    form.append('file', file);
    try {
      const r = await api.upload<{ imported: number }>(`/api/collection/targets/${props.year}`, form);
      setMessage({ type: 'success', text: `已导入 ${r.imported} 个乡镇的应参保人数` });
      ranking.reload();
    } catch (e) {
      report(e);
    }
    return false;
  };

  return (
    <Card title={`${props.year} 年度征缴期与应参保人数`}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Form
          layout="inline"
          onFinish={saveWindow}
          initialValues={window ? { range: [dayjs(window.opensOn), dayjs(window.closesOn)] } : undefined}
        >
          <Form.Item name="range" label="征缴期" rules={[{ required: true, message: '请选择征缴期' }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Button htmlType="submit">保存征缴期</Button>
        </Form>
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={upload}>
          <Button>从 Excel 导入应参保人数（乡镇编码、应参保人数）</Button>
        </Upload>
        {message && (
          <Alert
            type={message.type}
            showIcon
            title={message.text}
            closable
            onClose={() => setMessage(null)}
          />
        )}
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          loading={ranking.loading}
          dataSource={[...(ranking.data?.townships ?? [])].sort((a, b) => a.code.localeCompare(b.code))}
          columns={[
            { title: '乡镇编码', dataIndex: 'code' },
            { title: '乡镇', dataIndex: 'name' },
            {
              title: '应参保人数',
              render: (_, t) => (
                <InputNumber
                  aria-label={`${t.name}应参保人数`}
                  min={0}
                  defaultValue={t.target}
                  onBlur={(e) => saveTarget(t.code, Number(e.target.value.replaceAll(',', '')))}
                />
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
