// 好差评 permissions. The counter opens the tablet for the citizen (the citizen rates without logging
// in); the handler's post rectifies a 差评 and may appeal; a leader decides the appeal; the admin sets the
// rectification period.
import type { Role } from '../../domain/accounts/roles.ts';

export const RATING_PERMISSIONS = {
  'rating.view': {
    name: '好差评统计与整改台账',
    roles: ['admin', 'clerk', 'reviewer', 'leader', 'auditor'] as readonly Role[],
  },
  'rating.invite': {
    name: '窗口评价器：为已办结事项发起评价',
    roles: ['admin', 'clerk', 'agent'] as readonly Role[],
  },
  'rating.rectify': {
    name: '差评整改（回访、核实、整改、反馈）与申诉',
    roles: ['admin', 'clerk', 'reviewer'] as readonly Role[],
  },
  'rating.review': { name: '差评申诉复核', roles: ['admin', 'leader'] as readonly Role[] },
  'rating.settings': { name: '差评整改期限设置', roles: ['admin'] as readonly Role[] },
} as const;
