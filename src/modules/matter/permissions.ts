// Service-matter permissions. Any counter clerk and the village agent accept (综合柜员制, 帮办代办);
// only the second post reviews — the agent never; the counter completes immediate matters that need
// no review; the admin keeps the catalogue. The acceptor's own matters are refused to them by the
// workflow (separation of duty), whatever permissions they hold.
import { ALL_STAFF, type Role } from '../../domain/accounts/roles.ts';

export const MATTER_PERMISSIONS = {
  'matter.view': { name: '办事指南、事项查询与待办', roles: ALL_STAFF },
  'matter.accept': {
    name: '受理、一次性告知、容缺受理、补正提交、撤回、转办',
    roles: ['admin', 'clerk', 'agent'] as readonly Role[],
  },
  'matter.approve': {
    name: '事项审核（通过并办结、退回补正、不予办理）与延期',
    roles: ['admin', 'reviewer', 'leader'] as readonly Role[],
  },
  'matter.complete': {
    name: '即办事项办结（无需第二岗审核的事项）',
    roles: ['admin', 'clerk'] as readonly Role[],
  },
  'matter.catalogue': { name: '事项清单管理', roles: ['admin'] as readonly Role[] },
  'matter.supervise': {
    name: '逾期督办（容缺逾期未补、超期办件）与督办队列',
    roles: ['admin', 'leader'] as readonly Role[],
  },
  'matter.stats': {
    name: '事项办理统计与导出',
    roles: ['admin', 'leader', 'reviewer', 'clerk', 'auditor'] as readonly Role[],
  },
} as const;
