// The enrollment module's permissions. The codes keep the registry prefix they were published with:
// they are data (role_permission rows an admin may have changed). Progress and targets are read and
// set under the registry's registry.reference.view / .edit.
import { ALL_STAFF } from '../../domain/accounts/roles.ts';

export const ENROLLMENT_PERMISSIONS = {
  'registry.enrollment.view': { name: '参保记录查询', roles: ALL_STAFF },
  'registry.enrollment.edit': { name: '参保登记、更正与停保', roles: ['admin', 'clerk', 'agent'] },
} as const;
