// 我的办件: the person's own matters with their progress; one matter's steps, photos and its rating
// (once, after 办结, with the online indicators).
import { Alert, Button, Card, Checkbox, Descriptions, Input, List, Rate, Result, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  gradeOf,
  REASON_TAG_NAMES,
  REASON_TAGS,
  type ReasonTag,
} from '../../../../src/domain/rating/codes.ts';
import type { PersonMatter, PersonMatterDetail } from '../../../../src/modules/selfservice/contract.ts';
import { formatDateTime } from '../../lib/format.ts';
import { actionLabel, STATE_COLOR, stateName } from '../matter/labels.ts';
import type { MatterAction, MatterState } from '../../../../src/modules/matter/contract.ts';
import { errorText, mApi } from './m-api.ts';
import { useM } from './use-m.ts';

const stateTag = (s: string) => (
  <Tag color={STATE_COLOR[s as MatterState]} data-testid="matter-state">
    {stateName(s)}
  </Tag>
);

export function MattersPage() {
  const navigate = useNavigate();
  const { data, error } = useM<{ items: PersonMatter[] }>('/api/m/matters');
  if (error) return <Alert type="error" message={error} />;
  return (
    <Card size="small" title="我的办件">
      <List
        loading={!data}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '暂无办件' }}
        renderItem={(m) => (
          <List.Item onClick={() => navigate(`/m/matters/${m.id}`)} style={{ cursor: 'pointer' }}>
            <List.Item.Meta
              title={
                <>
                  {m.typeName} {stateTag(m.state)}
                </>
              }
              description={`受理编号 ${m.receiptNo ?? '—'} · 申请日期 ${m.appliedOn}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function RateBox({ id, onDone }: { id: number; onDone: () => void }) {
  const [overall, setOverall] = useState(0);
  const [tags, setTags] = useState<ReasonTag[]>([]);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const bad = overall > 0 && gradeOf(overall) === 'bad';
  const submit = async () => {
    try {
      await mApi.post(`/api/m/matters/${id}/rating`, { overall, tags, comment });
      onDone();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Card size="small" title="评价本次服务" style={{ marginTop: 12 }}>
      {error && <Alert type="error" message={error} style={{ marginBottom: 8 }} />}
      <Rate
        value={overall}
        onChange={setOverall}
        tooltips={['非常不满意', '不满意', '基本满意', '满意', '非常满意']}
      />
      {bad && (
        <Checkbox.Group
          style={{ marginTop: 8 }}
          value={tags}
          onChange={(v) => setTags(v as ReasonTag[])}
          options={REASON_TAGS.map((t) => ({ value: t, label: REASON_TAG_NAMES[t] }))}
        />
      )}
      <Input.TextArea
        rows={2}
        maxLength={500}
        placeholder="其他意见（选填）"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        style={{ marginTop: 8 }}
      />
      <Button
        type="primary"
        block
        style={{ marginTop: 8 }}
        disabled={!overall || (bad && !tags.length)}
        onClick={submit}
      >
        提交评价
      </Button>
    </Card>
  );
}

export function MatterDetailPage() {
  const { id } = useParams();
  const { data, error, reload } = useM<PersonMatterDetail>(`/api/m/matters/${id}`);
  if (error) return <Alert type="error" message={error} />;
  if (!data) return null;
  const m = data.matter;
  return (
    <>
      <Card size="small" title={m.typeName}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="状态">{stateTag(m.state)}</Descriptions.Item>
          <Descriptions.Item label="受理编号">{m.receiptNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="申请日期">{m.appliedOn}</Descriptions.Item>
          {m.dueOn && <Descriptions.Item label="承诺办结日期">{m.dueOn}</Descriptions.Item>}
          {m.completedOn && <Descriptions.Item label="办结日期">{m.completedOn}</Descriptions.Item>}
          <Descriptions.Item label="已上传照片">
            {data.photos.map((p) => p.material).join('、') || '无'}
          </Descriptions.Item>
        </Descriptions>
        <Timeline
          style={{ marginTop: 12 }}
          items={data.steps.map((s) => ({
            children: `${formatDateTime(s.at)} ${actionLabel(s.action as MatterAction)} → ${stateName(s.to)}${s.reason ? `（${s.reason}）` : ''}`,
          }))}
        />
      </Card>
      {m.state === 'completed' &&
        (data.rated ? (
          <Result status="success" title="您已评价，感谢您的反馈" />
        ) : (
          <RateBox id={m.id} onDone={reload} />
        ))}
    </>
  );
}
