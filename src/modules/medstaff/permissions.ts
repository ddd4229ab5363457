// 医保医师 registry and points: auditors and admins keep the registry (import, export); auditors and
// the leader read it; points are scored through a case's outcome (casework.decide).
import type { Role } from '../../domain/accounts/roles.ts';

export const MEDSTAFF_PERMISSIONS = {
  'medstaff.read': {
    name: '医保医师（药师、护士、技师）查询与记分',
    roles: ['admin', 'auditor', 'leader'] as readonly Role[],
  },
  'medstaff.manage': { name: '医保医师登记、导入与资格维护', roles: ['admin', 'auditor'] as readonly Role[] },
} as const;
