// 集中征缴 permissions (the workbench menu lists the same roles). The village agent sees only the
// unpaid list of their own village; the counter clerk works the unpaid lists, the leader the ranking.
import type { Role } from '../../domain/accounts/roles.ts';

export const COLLECTION_PERMISSIONS = {
  'collection.view': {
    name: '查看征缴进度、排名与通报',
    roles: ['admin', 'leader', 'reviewer', 'auditor'] as readonly Role[],
  },
  'collection.manage': { name: '设定征缴期与应参保人数', roles: ['admin'] as readonly Role[] },
  'collection.unpaid': {
    name: '查看与导出未参保名单（催缴）',
    roles: ['admin', 'clerk', 'agent'] as readonly Role[],
  },
} as const;
