// 网上办事: the catalogue's matters a person may apply for online; picking one opens its form (the
// fields it needs and a photo of each material), submitted as an online matter.
import { Alert, Button, Card, Form, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { OnlineMatterType } from '../../../../src/modules/selfservice/contract.ts';
import { errorText, mApi } from './m-api.ts';
import { useM } from './use-m.ts';

export function ApplyListPage() {
  const navigate = useNavigate();
  const { data, error } = useM<{ items: OnlineMatterType[] }>('/api/m/matter-types');
  if (error) return <Alert type="error" message={error} />;
  return (
    <Card size="small" title="可在网上办理的事项">
      <List
        loading={!data}
        dataSource={data?.items ?? []}
        renderItem={(t) => (
          <List.Item
            actions={[
              <Button key="go" type="link" onClick={() => navigate(`/m/apply/${t.code}`)}>
                申请
              </Button>,
            ]}
          >
            <List.Item.Meta title={t.name} description={`${t.mainName} · 办理时限 ${t.limit}`} />
          </List.Item>
        )}
      />
    </Card>
  );
}

function PhotoInput({ material, onUploaded }: { material: string; onUploaded: (id: number | null) => void }) {
  const [state, setState] = useState<string | null>(null);
  const [err, setErr] = useState<string | null>(null);
  return (
    <Form.Item
      label={`${material}（照片）`}
      required
      validateStatus={err ? 'error' : undefined}
      help={err ?? state}
    >
      <input
        type="file"
        accept="image/jpeg,image/png"
        capture="environment"
        data-testid={`photo-${material}`}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          onUploaded(null);
          setErr(null);
          if (!file) return;
          setState('正在上传…');
          const form = new FormData();
          form.append('file', file);
          try {
            const r = await mApi.upload<{ id: number }>(
              `/api/m/uploads?material=${encodeURIComponent(material)}`,
              form,
            );
            onUploaded(r.id);
            setState('已上传');
          } catch (x) {
            setState(null);
            setErr(errorText(x));
          }
        }}
      />
    </Form.Item>
  );
}

export function ApplyFormPage() {
  const { code } = useParams();
  const navigate = useNavigate();
  const { data } = useM<{ items: OnlineMatterType[] }>('/api/m/matter-types');
  const [photos, setPhotos] = useState<Record<string, number | null>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = data?.items.find((x) => x.code === code);
  if (!data) return null;
  if (!t) return <Alert type="error" message="该事项不能在网上办理" />;
  const submit = async (fields: Record<string, string>) => {
    setBusy(true);
    setError(null);
    try {
      const uploadIds = Object.values(photos).filter((x): x is number => typeof x === 'number');
      const r = await mApi.post<{ id: number }>('/api/m/matters', { typeCode: t.code, fields, uploadIds });
      navigate(`/m/matters/${r.id}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t.name}>
      <Typography.Paragraph type="secondary">
        所需材料：{t.materials.join('、')}。身份证件已由登录核验，无需上传。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" onFinish={submit}>
        {t.fields.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            rules={[
              { required: f.required, message: `请填写${f.label}` },
              ...(f.kind === 'phone'
                ? [{ pattern: /^1[3-9]\d{9}$/, message: '手机号码应为 11 位数字' }]
                : []),
            ]}
          >
            {f.kind === 'phone' ? (
              <Input inputMode="tel" maxLength={11} />
            ) : (
              <Input.TextArea rows={3} maxLength={200} />
            )}
          </Form.Item>
        ))}
        {t.photos.map((m) => (
          <PhotoInput key={m} material={m} onUploaded={(id) => setPhotos((p) => ({ ...p, [m]: id }))} />
        ))}
        <Button type="primary" htmlType="submit" block loading={busy}>
          提交申请
        </Button>
      </Form>
      <Tag style={{ marginTop: 12 }}>办理时限 {t.limit}</Tag>
    </Card>
  );
}
