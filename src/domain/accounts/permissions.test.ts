import assert from 'node:assert/strict';
import { test } from 'node:test';
import { grants, joinPermissions, permissionsOf } from './permissions.ts';

const defs = joinPermissions([
  { 'settlement.search': { name: '结算查询', roles: ['admin', 'clerk'] } },
  { 'calendar.edit': { name: '维护工作日历', roles: ['admin'] } },
]);

test('the defaults give each role its permissions', () => {
  const t = grants(defs, []);
  assert.deepEqual([...t.get('clerk')!], ['settlement.search']);
  assert.deepEqual([...t.get('agent')!], []);
  assert.deepEqual([...permissionsOf(['clerk', 'admin'], t)].sort(), ['calendar.edit', 'settlement.search']);
});

test('the admin grants and withdraws per role; unknown codes and roles are ignored', () => {
  const t = grants(defs, [
    { role: 'agent', permission: 'settlement.search', granted: true },
    { role: 'clerk', permission: 'settlement.search', granted: false },
    { role: 'agent', permission: 'nothing.here', granted: true },
  ]);
  assert.deepEqual([...t.get('agent')!], ['settlement.search']);
  assert.deepEqual([...t.get('clerk')!], []);
});

test('a code declared twice or malformed is refused', () => {
  assert.throws(
    () => joinPermissions([{ 'a.b': { name: 'x', roles: [] } }, { 'a.b': { name: 'y', roles: [] } }]),
    /重复/,
  );
  assert.throws(() => joinPermissions([{ Settlement: { name: 'x', roles: [] } }]), /格式/);
});
