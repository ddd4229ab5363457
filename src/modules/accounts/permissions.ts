// Accounts' permissions. Managing users and the role → permission table is the admin's.
import { ALL_STAFF } from '../../domain/accounts/roles.ts';

export const ACCOUNT_PERMISSIONS = {
  'accounts.manage': { name: '用户管理（新增、重置密码、停用、注销会话）', roles: ['admin'] },
  'accounts.permissions': { name: '权限管理（角色与权限对照表）', roles: ['admin'] },
  'accounts.roles': { name: '查看角色列表', roles: ALL_STAFF },
} as const;
