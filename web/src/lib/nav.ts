// The workbench's menu: each entry names the roles that may use it, mirroring the API's route
// roles, so a clerk never sees a page whose calls would be refused.
import { ROLES, type Role } from '../../../src/domain/accounts/roles.ts';

export type { Role };

export interface NavItem {
  path: string;
  label: string;
  roles: readonly Role[];
}

const ALL: readonly Role[] = ROLES;

export const NAV: readonly NavItem[] = [
  { path: '/dashboard', label: '首页', roles: ['admin', 'leader', 'auditor', 'reviewer'] },
  { path: '/collection', label: '征缴进度', roles: ['admin', 'leader', 'reviewer', 'auditor'] },
  { path: '/persons', label: '人员查询', roles: ALL },
  { path: '/enrollments', label: '参保登记', roles: ['admin', 'clerk', 'agent'] },
  { path: '/unpaid', label: '未参保名单', roles: ['admin', 'clerk', 'agent'] },
  { path: '/settlements', label: '结算查询', roles: ['admin', 'clerk', 'reviewer', 'auditor', 'leader'] },
  { path: '/institutions', label: '定点机构', roles: ['admin', 'clerk', 'reviewer', 'auditor', 'leader'] },
  { path: '/catalogue', label: '医保目录', roles: ['admin', 'clerk', 'reviewer', 'auditor', 'leader'] },
  { path: '/import', label: '台账导入', roles: ['admin', 'clerk'] },
  { path: '/accounts', label: '用户管理', roles: ['admin'] },
  { path: '/calendar', label: '工作日历', roles: ['admin', 'clerk', 'reviewer', 'auditor', 'leader'] },
];

/** 修改密码 is in the header for everyone, and the only page while a reset password awaits change. */
export const PASSWORD_PATH = '/password';

export function navFor(roles: readonly Role[]): NavItem[] {
  return NAV.filter((n) => n.roles.some((r) => roles.includes(r)));
}

/** Whether a path (its first segment) is open to these roles; detail pages follow their list. */
export function mayOpen(path: string, roles: readonly Role[]): boolean {
  const first = `/${path.split('/').filter(Boolean)[0] ?? ''}`;
  const owner = first === '/households' ? '/persons' : first;
  const item = NAV.find((n) => n.path === owner);
  return item ? item.roles.some((r) => roles.includes(r)) : true;
}

/** Where a role lands after login when no page was asked for. */
export function homeFor(roles: readonly Role[]): string {
  return navFor(roles)[0]?.path ?? '/persons';
}

/** Only same-site workbench paths may be returned to after login (no open redirect). */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return null;
  return next;
}
