// Benefit policy versions: everyone reads them (they explain every settlement); the admin adds one.
import { ALL_STAFF } from '../../domain/accounts/roles.ts';

export const POLICY_PERMISSIONS = {
  'policy.view': { name: '查看待遇政策版本', roles: ALL_STAFF },
  'policy.edit': { name: '发布待遇政策版本', roles: ['admin'] },
} as const;
