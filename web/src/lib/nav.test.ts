import assert from 'node:assert/strict';
import { test } from 'node:test';
import { grants, joinPermissions, permissionsOf } from '../../../src/domain/accounts/permissions.ts';
import type { Role } from '../../../src/domain/accounts/roles.ts';
import { modules } from '../../../src/modules/index.ts';
import { homeFor, mayOpen, NAV, navFor, PASSWORD_PATH, safeNext } from './nav.ts';

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
