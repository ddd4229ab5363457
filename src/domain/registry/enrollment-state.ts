// 参保状态: the one vocabulary every page shows for an enrollment, on a given day. The stored status
// says only whether the period was stopped; whether it has begun or run out depends on the day.
//   已停保  stopped (whatever its dates: a stop gives the rest of the period back)
//   未开始  active, begins after the day (next year's contribution paid in the collection season)
//   已到期  active, ended before the day
//   参保中  active, the day falls in the period
export const ENROLLMENT_STATES = ['not_started', 'active', 'expired', 'stopped'] as const;
export type EnrollmentState = (typeof ENROLLMENT_STATES)[number];

export const ENROLLMENT_STATE_NAMES: Record<EnrollmentState, string> = {
  not_started: '未开始',
  active: '参保中',
  expired: '已到期',
  stopped: '已停保',
};

export function enrollmentState(
  e: { status: string; beginDate: string; endDate: string },
  today: string,
): EnrollmentState {
  if (e.status === 'stopped') return 'stopped';
  if (e.beginDate > today) return 'not_started';
  if (e.endDate < today) return 'expired';
  return 'active';
}
