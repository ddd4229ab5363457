// 我的待办: the staff member's queues — matters I accepted still open, awaiting my review (never my
// own), returned for correction, overdue or due within 2 working days, 容缺 waiting for material, and
// for leaders the 督办 queue. ?queue= opens a queue (the login reminders link here).
import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { QUEUE_NAMES, QUEUES, type MatterRow } from '../../../../src/modules/matter/contract.ts';
import type { Page } from '../../lib/api.ts';
import type { Paging } from '../../lib/paging.ts';
import { useStaff } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { MatterTable } from './matter-table.tsx';

export default function TodoPage() {
  const staff = useStaff();
  const reviewer = staff.permissions.includes('matter.approve');
  const supervisor = staff.permissions.includes('matter.supervise');
  const shown = QUEUES.filter((q) => (q !== 'review' || reviewer) && (q !== 'escalated' || supervisor));
  const [params] = useSearchParams();
  const asked = shown.find((q) => q === params.get('queue'));
  const [queue, setQueue] = useState<(typeof QUEUES)[number]>(asked ?? (reviewer ? 'review' : 'mine'));
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 20 });
  const list = useApi<Page<MatterRow>>('/api/matter/matters', { queue, ...paging });
  return (
    <Card title="我的待办">
      <Tabs
        activeKey={queue}
        onChange={(k) => {
          setQueue(k as typeof queue);
          setPaging({ ...paging, page: 1 });
        }}
        items={shown.map((q) => ({
          key: q,
          label: QUEUE_NAMES[q],
        }))}
      />
      <MatterTable list={list} paging={paging} onPage={setPaging} />
    </Card>
  );
}
