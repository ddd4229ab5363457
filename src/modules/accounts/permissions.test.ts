import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { installAuth } from '../../api/auth.ts';
import { loginAs, testApp } from '../../api/testing.ts';
import { dbTest, freshPglite } from '../../db/testing.ts';
import { joinPermissions } from '../../domain/accounts/permissions.ts';
import type { Db } from '../../db/types.ts';
import { createAccess } from './index.ts';

const NOW = new Date('2026-12-03T02:00:00Z');
const count = async (db: Db, table: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

test('a route without a permission, or with one no module declares, is refused at start-up', async () => {
  const { db, drop } = await freshPglite();
  try {
    const build = async (config: Record<string, unknown>) => {
      const app = Fastify();
      installAuth(
        app as never,
        { db, now: () => NOW, version: 't' },
        createAccess(joinPermissions([{ 'x.read': { name: 'x', roles: ['admin'] } }])),
      );
      app.get('/api/x', { config }, async () => ({}));
      await app.ready();
    };
    await assert.rejects(build({}), /没有声明所需权限/);
    await assert.rejects(build({ permission: 'x.write' }), /没有任何模块定义/);
    await build({ permission: 'x.read' });
    await build({ permission: 'public' });
  } finally {
    await drop();
  }
});

dbTest(
  'the agent is refused the settlement search until the admin grants it, then it is withdrawn',
  async (db) => {
    const app = await testApp(db, () => NOW);
    const admin = await loginAs(app, db, 'admin');
    const agent = await loginAs(app, db, 'agent', '410926101001');
    const search = () => app.inject({ url: '/api/settlement/settlements', headers: { cookie: agent } });
    assert.equal((await search()).statusCode, 403);
    assert.match((await search()).json().error.message, /结算查询/);
    const me = (await app.inject({ url: '/api/auth/me', headers: { cookie: agent } })).json();
    assert.ok(!me.staff.permissions.includes('settlement.search'));

    const put = (role: string, granted: boolean) =>
      app.inject({
        method: 'PUT',
        url: `/api/accounts/permissions/${role}/settlement.search`,
        headers: { cookie: admin },
        payload: { granted },
      });
    const granted = await put('agent', true);
    assert.equal(granted.statusCode, 200);
    const row = granted.json().permissions.find((p: { code: string }) => p.code === 'settlement.search');
    assert.ok(row.roles.includes('agent'));
    assert.ok(!row.defaultRoles.includes('agent'));
    assert.equal((await search()).statusCode, 200);
    assert.ok(
      (await app.inject({ url: '/api/auth/me', headers: { cookie: agent } }))
        .json()
        .staff.permissions.includes('settlement.search'),
    );

    assert.equal((await put('agent', false)).statusCode, 200);
    assert.equal((await search()).statusCode, 403);
    assert.equal(await count(db, 'role_permission'), 0, 'back to the default: no override kept');
    const audits = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'permission.set'`,
    );
    assert.equal(audits[0].n, 2);
  },
);

dbTest('only the admin edits the table, and cannot lock themselves out of it', async (db) => {
  const app = await testApp(db, () => NOW);
  const admin = await loginAs(app, db, 'admin');
  const clerk = await loginAs(app, db, 'clerk');
  const put = (cookie: string, url: string, granted: boolean) =>
    app.inject({ method: 'PUT', url, headers: { cookie }, payload: { granted } });
  assert.equal((await put(clerk, '/api/accounts/permissions/clerk/accounts.manage', true)).statusCode, 403);
  const lockout = await put(admin, '/api/accounts/permissions/admin/accounts.permissions', false);
  assert.equal(lockout.json().error.code, 'PERMISSION_LOCKOUT');
  const unknown = await put(admin, '/api/accounts/permissions/clerk/nothing.here', true);
  assert.equal(unknown.json().error.code, 'PERMISSION_UNKNOWN');
  assert.equal(await count(db, 'role_permission'), 0);
});
