// 我的待办 and 事项查询: the queues of the staff member and the search by person, number, status, date
// and village point. A village agent sees the matters of their own village only.
import type { Queryable } from '../../db/types.ts';
import { chinaDay } from '../../domain/shared/calendar.ts';
import { addWorkingDays } from '../../domain/shared/working-days.ts';
import { assertVillage, isAgentOnly } from '../persons/index.ts';
import { workCalendarFor } from '../calendar/index.ts';
import { QUEUE_NAMES, QUEUES, type Queue, type Reminders, type SearchQuery } from './contract.ts';
import { countMatters, type MatterFilter, searchMatters } from './repo.ts';
import type { MatterContext } from './service.ts';

const OPEN = ['notified', 'deferred', 'accepted', 'correcting'] as const;

/** The filter a queue and the search's fields make for this staff member (an agent: their village). */
async function filterOf(
  q: Queryable,
  c: MatterContext,
  { queue, ...rest }: Omit<SearchQuery, 'page' | 'pageSize'>,
): Promise<MatterFilter> {
  const f: MatterFilter = { ...rest };
  if (isAgentOnly(c.staff)) {
    if (f.villageCode) assertVillage(c.staff, f.villageCode);
    f.villageCode = c.staff.villageCode ?? '';
  }
  const me = c.staff.id;
  if (queue === 'mine') Object.assign(f, { handlerId: me, states: OPEN });
  if (queue === 'review') f.reviewableBy = me;
  if (queue === 'returned') Object.assign(f, { handlerId: me, state: 'correcting' });
  if (queue === 'deferred') f.state = 'deferred';
  if (queue === 'escalated') f.escalated = true;
  if (queue === 'due') {
    const today = chinaDay(c.now);
    const year = Number(today.slice(0, 4));
    f.dueBy = addWorkingDays(await workCalendarFor(q, year, year + 1), today, 2);
  }
  return f;
}

export async function findMatters(q: Queryable, c: MatterContext, query: SearchQuery) {
  const { page, pageSize, ...rest } = query;
  const r = await searchMatters(q, await filterOf(q, c, rest), pageSize, (page - 1) * pageSize);
  return { ...r, page, pageSize };
}

/** 事项查询's export: everything the filters find, up to 10,000 matters, newest first. */
const EXPORT_LIMIT = 10_000;
export async function exportMatters(q: Queryable, c: MatterContext, query: SearchQuery) {
  const { page: _p, pageSize: _s, ...rest } = query;
  return (await searchMatters(q, await filterOf(q, c, rest), EXPORT_LIMIT, 0)).items;
}

/** Which queues a staff member is reminded of on login: their own work, and 督办 for those who supervise. */
const REMINDED: Record<Queue, (p: ReadonlySet<string>) => boolean> = {
  mine: (p) => p.has('matter.accept'),
  review: (p) => p.has('matter.approve'),
  returned: (p) => p.has('matter.accept'),
  due: (p) => p.has('matter.accept') || p.has('matter.approve'),
  deferred: (p) => p.has('matter.accept'),
  escalated: (p) => p.has('matter.supervise'),
};

/** The login reminders: the non-empty queues of this staff member with their counts. */
export async function reminders(q: Queryable, c: MatterContext): Promise<Reminders> {
  const out: Reminders = [];
  for (const queue of QUEUES) {
    if (!REMINDED[queue](c.permissions)) continue;
    const total = await countMatters(q, await filterOf(q, c, { queue }));
    if (total > 0) out.push({ queue, name: QUEUE_NAMES[queue], count: total });
  }
  return out;
}
