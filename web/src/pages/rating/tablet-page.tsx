// The counter's rating tablet, facing the citizen: no login; the address carries the one-time link the
// clerk opened for this matter. One click on a level rates it; a 差评 asks for at least one reason.
import { Alert, Button, Card, Checkbox, Input, Result, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import {
  COUNTER_INDICATORS,
  gradeOf,
  INDICATOR_NAMES,
  LEVEL_NAMES,
  LEVELS,
  REASON_TAG_NAMES,
  REASON_TAGS,
  type ReasonTag,
} from '../../../../src/domain/rating/codes.ts';
import type { TabletView } from '../../../../src/modules/rating/contract.ts';
import { ApiError, api } from '../../lib/api.ts';

const COLORS: Record<number, string> = {
  5: '#389e0d',
  4: '#7cb305',
  3: '#d4b106',
  2: '#d46b08',
  1: '#cf1322',
};

export default function TabletPage() {
  const { token } = useParams();
  const [view, setView] = useState<TabletView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [bad, setBad] = useState<number | null>(null);
  const [tags, setTags] = useState<ReasonTag[]>([]);
  const [comment, setComment] = useState('');
  const [done, setDone] = useState(false);

  useEffect(() => {
    api
      .get<TabletView>(`/api/rating/tablet/${token}`)
      .then(setView)
      .catch((e) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [token]);

  const rate = async (overall: number, reasonTags: ReasonTag[] = []) => {
    try {
      await api.post(`/api/rating/tablet/${token}`, { overall, tags: reasonTags, comment });
      setDone(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  const frame = (children: React.ReactNode) => (
    <div style={{ maxWidth: 720, margin: '40px auto', padding: 16 }}>
      <Card>{children}</Card>
    </div>
  );
  if (done)
    return frame(
      <Result status="success" title="感谢您的评价！" subTitle="您的评价已提交，我们将持续改进服务。" />,
    );
  if (error) return frame(<Alert type="error" showIcon message={error} />);
  if (!view) return frame(<Typography.Text>正在载入…</Typography.Text>);
  if (view.rated)
    return frame(<Result status="info" title="该事项已评价" subTitle={`受理编号 ${view.receiptNo}`} />);
  return frame(
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          请您对本次服务进行评价
        </Typography.Title>
        <Typography.Text type="secondary">
          {view.typeName} · 受理编号 {view.receiptNo} · 办结日期 {view.completedOn}
        </Typography.Text>
        <br />
        <Typography.Text type="secondary">
          评价内容：{COUNTER_INDICATORS.map((i) => INDICATOR_NAMES[i]).join('、')}
        </Typography.Text>
      </div>
      {bad === null ? (
        <Space wrap size="middle">
          {LEVELS.map((l) => (
            <Button
              key={l}
              size="large"
              style={{ height: 72, width: 120, fontSize: 18, background: COLORS[l], color: '#fff' }}
              onClick={() => (gradeOf(l) === 'bad' ? setBad(l) : rate(l))}
            >
              {LEVEL_NAMES[l]}
            </Button>
          ))}
        </Space>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>
            您选择了“{LEVEL_NAMES[bad as 1 | 2]}”，请选择原因（可多选）：
          </Typography.Text>
          <Checkbox.Group
            value={tags}
            onChange={(v) => setTags(v as ReasonTag[])}
            options={REASON_TAGS.map((t) => ({ value: t, label: REASON_TAG_NAMES[t] }))}
          />
          <Input.TextArea
            rows={3}
            maxLength={500}
            placeholder="其他意见（选填）"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <Space>
            <Button size="large" type="primary" disabled={tags.length === 0} onClick={() => rate(bad, tags)}>
              提交评价
            </Button>
            <Button size="large" onClick={() => setBad(null)}>
              返回
            </Button>
          </Space>
        </Space>
      )}
    </Space>,
  );
}
