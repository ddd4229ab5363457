// 12345 ticket permissions. The counter registers and imports the platform's tickets and makes the
// call-backs; the leader dispatches, approves extensions and presses overdue ones (督办); the posts
// sign, handle and reply; the admin keeps the limits.
import type { Role } from '../../domain/accounts/roles.ts';

export const TICKET_PERMISSIONS = {
  'ticket.view': {
    name: '12345 工单查看与考核指标',
    roles: ['admin', 'clerk', 'reviewer', 'leader', 'auditor'] as readonly Role[],
  },
  'ticket.register': { name: '12345 工单登记与导入', roles: ['admin', 'clerk'] as readonly Role[] },
  'ticket.dispatch': { name: '12345 工单派单', roles: ['admin', 'leader', 'clerk'] as readonly Role[] },
  'ticket.handle': {
    name: '12345 工单签收、退单、办理、回复、办结、申请延期',
    roles: ['admin', 'clerk', 'reviewer'] as readonly Role[],
  },
  'ticket.approve': { name: '12345 工单延期审批', roles: ['admin', 'leader'] as readonly Role[] },
  'ticket.callback': { name: '12345 工单回访、评价与重办', roles: ['admin', 'clerk'] as readonly Role[] },
  'ticket.supervise': { name: '12345 工单督办', roles: ['admin', 'leader'] as readonly Role[] },
  'ticket.limits': { name: '12345 工单时限设置', roles: ['admin'] as readonly Role[] },
} as const;
