// 违规案件: auditors (稽核) file, investigate and carry out cases; a second auditor or the leader hears
// (审理, never the investigator); the leader decides the outcomes; everyone of the three reads.
import type { Role } from '../../domain/accounts/roles.ts';

export const CASEWORK_PERMISSIONS = {
  'casework.read': {
    name: '违规案件、资金台账与监管汇总查询',
    roles: ['admin', 'auditor', 'leader'] as readonly Role[],
  },
  'casework.investigate': { name: '违规案件立案、调查与执行结案', roles: ['auditor'] as readonly Role[] },
  'casework.hear': {
    name: '违规案件审理（不得由调查人员审理）',
    roles: ['auditor', 'leader'] as readonly Role[],
  },
  'casework.decide': { name: '违规案件处理决定（五个一批）与撤销', roles: ['leader'] as readonly Role[] },
} as const;
