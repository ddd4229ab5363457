// The work calendar's permissions: county and township staff see it and compute due dates; only the
// admin loads and edits days. (The workbench menu entry lists the same roles.)
import type { Role } from '../../domain/accounts/roles.ts';

export const CALENDAR_PERMISSIONS = {
  'calendar.view': {
    name: '查看工作日历、计算办理时限',
    roles: ['admin', 'clerk', 'reviewer', 'auditor', 'leader'] as readonly Role[],
  },
  'calendar.edit': {
    name: '维护工作日历（导入年度、调整节假日与调休）',
    roles: ['admin'] as readonly Role[],
  },
} as const;

export type CalendarPermission = keyof typeof CALENDAR_PERMISSIONS;
