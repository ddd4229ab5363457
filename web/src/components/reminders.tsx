// 待办提醒: after login, the staff member's non-empty matter queues once per session as a notice with
// links, and always as a badge in the header.
import { App, Badge, Button } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import type { Reminders as ReminderList } from '../../../src/modules/matter/contract.ts';
import { useApi } from '../lib/use-api.ts';

const SHOWN_KEY = 'yibao.reminders.shown';

export function Reminders({ staffId }: { staffId: number }) {
  const r = useApi<{ items: ReminderList }>('/api/matter/reminders');
  const navigate = useNavigate();
  const { notification } = App.useApp();
  const items = r.data?.items;
  useEffect(() => {
    if (!items?.length || sessionStorage.getItem(SHOWN_KEY) === String(staffId)) return;
    sessionStorage.setItem(SHOWN_KEY, String(staffId));
    notification.info({
      key: 'reminders',
      title: '待办提醒',
      // bottom right: a page's own actions (新增, 导出 …) sit top right and stay reachable
      placement: 'bottomRight',
      duration: 8,
      description: (
        <ul style={{ paddingLeft: 18, margin: 0 }} data-testid="reminders">
          {items.map((i) => (
            <li key={i.queue}>
              {/* the notice renders outside the router: a plain link that navigates through the closure */}
              <a
                href={`/matter/todo?queue=${i.queue}`}
                onClick={(e) => {
                  e.preventDefault();
                  notification.destroy('reminders');
                  navigate(`/matter/todo?queue=${i.queue}`);
                }}
              >
                {i.name}：{i.count} 件
              </a>
            </li>
          ))}
        </ul>
      ),
    });
  }, [items, staffId, notification, navigate]);
  const total = (items ?? []).reduce((n, i) => n + i.count, 0);
  return (
    <Badge count={total} size="small" overflowCount={99}>
      <Button type="text" onClick={() => navigate('/matter/todo')}>
        待办
      </Button>
    </Badge>
  );
}
