import assert from 'node:assert/strict';
import { test } from 'node:test';
import { grants, joinPermissions, permissionsOf } from '../../../src/domain/accounts/permissions.ts';
import type { Role } from '../../../src/domain/accounts/roles.ts';
import { modules } from '../../../src/modules/index.ts';
import { homeFor, mayOpen, NAV, navFor, PASSWORD_PATH, pageTitle, safeNext, sectionOf } from './nav.ts';

// the server's default table: the menu is judged against what the API allows
const defs = joinPermissions(modules.map((m) => m.permissions));
const table = grants(defs, []);
const of = (...roles: Role[]) => [...permissionsOf(roles, table)];

test('every menu entry names a permission a module declares', () => {
  for (const n of NAV) assert.ok(defs.has(n.permission), `${n.label}: ${n.permission}`);
});

test('a village agent sees registry pages, the unpaid list and the matter pages, not settlements, import or the dashboard', () => {
  const agent = of('agent');
  assert.deepEqual(
    navFor(agent).map((n) => n.path),
    ['/persons', '/enrollments', '/unpaid', '/matter/counter', '/matter/todo', '/matter/guide', '/matter'],
  );
  assert.equal(mayOpen('/settlements/S1', agent), false);
  assert.equal(mayOpen('/collection', agent), false);
  assert.equal(mayOpen('/households/12', agent), true);
});

test('a leader lands on the dashboard, a clerk on person search', () => {
  assert.equal(homeFor(of('leader')), '/dashboard');
  assert.equal(homeFor(of('clerk')), '/persons');
  assert.ok(navFor(of('admin')).length >= 12);
});

test('user and permission management are the admin’s; the password page is open to all', () => {
  assert.ok(navFor(of('admin')).some((n) => n.path === '/accounts'));
  assert.ok(navFor(of('admin')).some((n) => n.path === '/permissions'));
  for (const r of ['clerk', 'reviewer', 'auditor', 'leader', 'agent'] as const) {
    assert.equal(mayOpen('/accounts', of(r)), false, r);
  }
  assert.equal(mayOpen(PASSWORD_PATH, of('agent')), true);
});

test('the audit log is for 稽核 and admin only', () => {
  assert.ok(navFor(of('auditor')).some((n) => n.path === '/audit'));
  assert.ok(navFor(of('admin')).some((n) => n.path === '/audit'));
  assert.equal(mayOpen('/audit', of('clerk')), false);
  assert.equal(mayOpen('/audit', of('leader')), false);
});

test('only same-site workbench paths are followed after login', () => {
  assert.equal(safeNext('/persons?x=1'), '/persons?x=1');
  assert.equal(safeNext('//evil.example'), null);
  assert.equal(safeNext('https://evil.example'), null);
  assert.equal(safeNext('/login'), null);
  assert.equal(safeNext(null), null);
});

test('a detail page lights its section in the menu', () => {
  assert.equal(sectionOf('/persons/4109260000000001'), '/persons');
  assert.equal(sectionOf('/households/4109261010030007'), '/persons');
  assert.equal(sectionOf('/settlements/S1'), '/settlements');
  assert.equal(sectionOf('/dashboard'), '/dashboard');
  assert.equal(sectionOf('/password'), null);
  // a menu page deeper than its section lights its own entry; a matter's page lights 事项查询
  assert.equal(sectionOf('/matter/todo'), '/matter/todo');
  assert.equal(sectionOf('/matter/stats'), '/matter/stats');
  assert.equal(sectionOf('/matter/42'), '/matter');
  assert.equal(sectionOf('/casework/ledger'), '/casework/ledger');
  assert.equal(sectionOf('/casework/7'), '/casework');
  // and the page's own permission decides: the village agent works matters but has no statistics
  assert.equal(mayOpen('/matter/todo', of('agent')), true);
  assert.equal(mayOpen('/matter/stats', of('agent')), false);
  assert.equal(mayOpen('/matter/stats', of('leader')), true);
});

test('each page has its own document title', () => {
  assert.equal(pageTitle('/persons'), '人员查询 - 医保经办工作台');
  assert.equal(pageTitle('/persons/4109260000000001'), '人员档案 - 医保经办工作台');
  assert.equal(pageTitle('/households/1'), '家庭户档案 - 医保经办工作台');
  assert.equal(pageTitle('/settlements/S1'), '结算单 - 医保经办工作台');
  assert.equal(pageTitle('/unpaid'), '未参保名单 - 医保经办工作台');
  assert.equal(pageTitle(PASSWORD_PATH), '修改密码 - 医保经办工作台');
  assert.equal(pageTitle('/nowhere'), '页面不存在 - 医保经办工作台');
  const titles = NAV.map((n) => pageTitle(n.path));
  assert.equal(new Set(titles).size, titles.length);
});

// The menu as it stood before the page folders each declared their own entries: the assembled
// menu must keep every path, label and permission, in this order.
const MENU_BEFORE_PAGE_FOLDERS: readonly (readonly [path: string, label: string, permission: string])[] = [
  ['/dashboard', '首页', 'dashboard.view'],
  ['/collection', '征缴进度', 'collection.view'],
  ['/persons', '人员查询', 'registry.person.view'],
  ['/enrollments', '参保登记', 'registry.enrollment.edit'],
  ['/unpaid', '未参保名单', 'collection.unpaid'],
  ['/matter/counter', '综合受理', 'matter.accept'],
  ['/matter/todo', '我的待办', 'matter.view'],
  ['/matter/guide', '办事指南', 'matter.view'],
  ['/matter/stats', '事项统计', 'matter.stats'],
  ['/matter', '事项查询', 'matter.view'],
  ['/rating', '好差评', 'rating.view'],
  ['/ticket', '12345 工单', 'ticket.view'],
  ['/settlements', '结算查询', 'settlement.search'],
  ['/filings', '异地备案与门慢资格', 'settlement.search'],
  ['/institutions', '定点机构', 'registry.institution.view'],
  ['/catalogue', '医保目录', 'registry.institution.view'],
  ['/regions', '医保区划', 'registry.region.edit'],
  ['/import', '台账导入', 'import.run'],
  ['/accounts', '用户管理', 'accounts.manage'],
  ['/permissions', '权限管理', 'accounts.permissions'],
  ['/calendar', '工作日历', 'calendar.view'],
  ['/audit', '审计日志', 'audit.view'],
  ['/supervision', '基金监管', 'supervision.read'],
  ['/suspects', '疑点处理', 'supervision.suspect.view'],
  ['/sampling', '病历抽查', 'supervision.sample'],
  ['/oversight', '机构监管画像', 'supervision.suspect.view'],
  ['/casework/ledger', '资金台账', 'casework.read'],
  ['/casework/summary', '监管汇总', 'casework.read'],
  ['/casework', '违规案件', 'casework.read'],
  ['/medstaff', '医保医师', 'medstaff.read'],
];

test('the menu keeps every entry, label, permission and its order', () => {
  assert.deepEqual(
    NAV.map((n) => [n.path, n.label, n.permission]),
    MENU_BEFORE_PAGE_FOLDERS.map((e) => [...e]),
  );
});
