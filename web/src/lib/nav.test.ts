import assert from 'node:assert/strict';
import { test } from 'node:test';
import { homeFor, mayOpen, navFor, PASSWORD_PATH, safeNext } from './nav.ts';

test('a village agent sees registry pages and the unpaid list, not settlements, import or the dashboard', () => {
  const paths = navFor(['agent']).map((n) => n.path);
  assert.deepEqual(paths, ['/persons', '/enrollments', '/unpaid']);
  assert.equal(mayOpen('/collection', ['agent']), false);
  assert.equal(mayOpen('/settlements/S1', ['agent']), false);
  assert.equal(mayOpen('/households/12', ['agent']), true);
});

test('a leader lands on the dashboard, a clerk on person search', () => {
  assert.equal(homeFor(['leader']), '/dashboard');
  assert.equal(homeFor(['clerk']), '/persons');
  assert.ok(navFor(['admin']).length >= 7);
});

test('only workbench paths are followed after login', () => {
  assert.equal(safeNext('/persons/P1?x=1'), '/persons/P1?x=1');
  assert.equal(safeNext('//evil.example'), null);
  assert.equal(safeNext('https://evil.example'), null);
  assert.equal(safeNext('/login'), null);
  assert.equal(safeNext(null), null);
});

test('only an admin sees 用户管理; everyone may open 修改密码', () => {
  assert.ok(navFor(['admin']).some((n) => n.path === '/accounts'));
  assert.ok(!navFor(['clerk', 'leader']).some((n) => n.path === '/accounts'));
  assert.equal(mayOpen('/accounts', ['clerk']), false);
  assert.equal(mayOpen(PASSWORD_PATH, ['agent']), true);
});
