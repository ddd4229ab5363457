// The workbench's menu: each entry names the permission its page needs — the same code the API's
// routes declare — so the menu follows the role → permission table the admin edits, and a person
// never sees a page whose calls would be refused.

export interface NavItem {
  path: string;
  label: string;
  permission: string;
}

export const NAV: readonly NavItem[] = [
  { path: '/dashboard', label: '首页', permission: 'dashboard.view' },
  { path: '/collection', label: '征缴进度', permission: 'collection.view' },
  { path: '/persons', label: '人员查询', permission: 'registry.person.view' },
  { path: '/enrollments', label: '参保登记', permission: 'registry.enrollment.edit' },
  { path: '/unpaid', label: '未参保名单', permission: 'collection.unpaid' },
  { path: '/matter/counter', label: '综合受理', permission: 'matter.accept' },
  { path: '/matter/todo', label: '我的待办', permission: 'matter.view' },
  { path: '/matter/guide', label: '办事指南', permission: 'matter.view' },
  { path: '/matter/stats', label: '事项统计', permission: 'matter.stats' },
  // after its sub-pages: the menu highlights the first entry whose path begins the location
  { path: '/matter', label: '事项查询', permission: 'matter.view' },
  { path: '/rating', label: '好差评', permission: 'rating.view' },
  { path: '/ticket', label: '12345 工单', permission: 'ticket.view' },
  { path: '/settlements', label: '结算查询', permission: 'settlement.search' },
  { path: '/institutions', label: '定点机构', permission: 'registry.institution.view' },
  { path: '/catalogue', label: '医保目录', permission: 'registry.institution.view' },
  { path: '/regions', label: '医保区划', permission: 'registry.region.edit' },
  { path: '/import', label: '台账导入', permission: 'import.run' },
  { path: '/accounts', label: '用户管理', permission: 'accounts.manage' },
  { path: '/permissions', label: '权限管理', permission: 'accounts.permissions' },
  { path: '/calendar', label: '工作日历', permission: 'calendar.view' },
  { path: '/audit', label: '审计日志', permission: 'audit.view' },
  { path: '/supervision', label: '基金监管', permission: 'supervision.read' },
  { path: '/suspects', label: '疑点处理', permission: 'supervision.suspect.view' },
  { path: '/sampling', label: '病历抽查', permission: 'supervision.sample' },
  { path: '/oversight', label: '机构监管画像', permission: 'supervision.suspect.view' },
  // after their sub-pages, like /matter
  { path: '/casework/ledger', label: '资金台账', permission: 'casework.read' },
  { path: '/casework/summary', label: '监管汇总', permission: 'casework.read' },
  { path: '/casework', label: '违规案件', permission: 'casework.read' },
  { path: '/medstaff', label: '医保医师', permission: 'medstaff.read' },
];

/** 修改密码 is in the header for everyone, and the only page while a reset password awaits change. */
export const PASSWORD_PATH = '/password';

export function navFor(permissions: readonly string[]): NavItem[] {
  return NAV.filter((n) => permissions.includes(n.permission));
}

/** Detail pages whose first segment is not their section's. */
const SECTION_OF: Record<string, string> = { '/households': '/persons' };

/** The menu section a path belongs to: its deepest menu entry (/matter/todo), else its list's, or null. */
export function sectionOf(path: string): string | null {
  const deepest = NAV.filter((n) => path === n.path || path.startsWith(`${n.path}/`)).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];
  if (deepest && deepest.path.split('/').length > 2) return deepest.path;
  const first = `/${path.split('/').filter(Boolean)[0] ?? ''}`;
  const owner = SECTION_OF[first] ?? first;
  return NAV.some((n) => n.path === owner) ? owner : null;
}

/** Whether a path is open with these permissions: its menu entry's, detail pages following their list. */
export function mayOpen(path: string, permissions: readonly string[]): boolean {
  const owner = sectionOf(path);
  const item = NAV.find((n) => n.path === owner);
  return item ? permissions.includes(item.permission) : true;
}

const DETAIL_TITLES: Record<string, string> = {
  '/persons': '人员档案',
  '/households': '家庭户档案',
  '/settlements': '结算单',
};
const OTHER_TITLES: Record<string, string> = { [PASSWORD_PATH]: '修改密码', '/login': '登录' };

/** The browser tab's title for a path: the page's own name, then the workbench's. */
export function pageTitle(path: string): string {
  const parts = path.split('/').filter(Boolean);
  const first = `/${parts[0] ?? ''}`;
  const name =
    // a menu page with a deeper path (/matter/todo) by its own entry
    NAV.find((n) => n.path === `/${parts.join('/')}`)?.label ??
    (parts.length > 1 ? DETAIL_TITLES[first] : undefined) ??
    NAV.find((n) => n.path === first)?.label ??
    OTHER_TITLES[first] ??
    (first === '/' ? undefined : '页面不存在');
  return name ? `${name} - 医保经办工作台` : '医保经办工作台';
}

/** Where a person lands after login when no page was asked for. */
export function homeFor(permissions: readonly string[]): string {
  return navFor(permissions)[0]?.path ?? '/persons';
}

/** Only same-site workbench paths may be returned to after login (no open redirect). */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return null;
  return next;
}
