// The account management API: each route's success, its audit entry, and its refusals (403 for
// non-admins, coded 400s for weak passwords) with nothing written.
import assert from 'node:assert/strict';
import { loginAs, testApp } from '../../api/testing.ts';
import type { App } from '../../api/context.ts';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/types.ts';
import { MAX_FAILURES } from '../../domain/accounts/lockout.ts';

const NOW = new Date('2026-03-02T01:00:00Z');
const NEW_PASSWORD = 'Qiu-tian-2026x';

/** Everything an account write could touch, to prove a refusal wrote nothing. */
async function snapshot(db: Db) {
  return {
    accounts: await db.query(
      'SELECT id, username, password_hash, roles, active, must_change_password FROM staff_account ORDER BY id',
    ),
    sessions: await db.query('SELECT token_hash FROM staff_session ORDER BY token_hash'),
    audit: await db.query('SELECT count(*)::int AS n FROM audit_entry'),
  };
}

async function login(app: App, username: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const c = res.cookies.find((k) => k.name === 'yibao_session');
  return { res, cookie: c ? `yibao_session=${c.value}` : '' };
}

async function createZhang(app: App, admin: string, password?: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/accounts',
    headers: { cookie: admin },
    payload: {
      username: 'zhang01',
      displayName: '张三',
      roles: ['clerk'],
      ...(password ? { password } : {}),
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as {
    staff: { id: number; mustChangePassword: boolean };
    temporaryPassword: string | null;
  };
}

async function lastAudit(db: Db, action: string) {
  const rows = await db.query<{ actor_name: string; entity_id: string; before: unknown; after: unknown }>(
    'SELECT actor_name, entity_id, before, after FROM audit_entry WHERE action = $1 ORDER BY id DESC LIMIT 1',
    [action],
  );
  return rows[0];
}

dbTest('an admin creates an account with a generated password that must be changed first', async (db) => {
  const app = await testApp(db, () => NOW);
  const admin = await loginAs(app, db, 'admin');
  const { staff, temporaryPassword } = await createZhang(app, admin);
  assert.ok(temporaryPassword && temporaryPassword.length >= 10);
  assert.equal(staff.mustChangePassword, true);
  const created = await lastAudit(db, 'account.create');
  assert.equal(created.entity_id, String(staff.id));
  assert.doesNotMatch(JSON.stringify(created), new RegExp(temporaryPassword), 'no password in the audit');

  const { res, cookie } = await login(app, 'zhang01', temporaryPassword);
  assert.equal(res.json().staff.mustChangePassword, true);
  // until changed, only me, logout and the change itself answer
  const other = await app.inject({ url: '/api/roles', headers: { cookie } });
  assert.equal(other.statusCode, 403);
  assert.equal(other.json().error.code, 'PASSWORD_CHANGE_REQUIRED');
  const me = await app.inject({ url: '/api/auth/me', headers: { cookie } });
  assert.equal(me.statusCode, 200);

  const change = (oldPassword: string, newPassword: string) =>
    app.inject({
      method: 'POST',
      url: '/api/accounts/me/password',
      headers: { cookie },
      payload: { oldPassword, newPassword },
    });
  const before = await snapshot(db);
  const weak = await change(temporaryPassword, 'short1A');
  assert.equal(weak.statusCode, 400);
  assert.equal(weak.json().error.code, 'PASSWORD_TOO_SHORT');
  assert.equal(weak.json().error.details[0].field, 'newPassword');
  const withName = await change(temporaryPassword, 'Zhang01-is-me');
  assert.equal(withName.json().error.code, 'PASSWORD_CONTAINS_USERNAME');
  const same = await change(temporaryPassword, temporaryPassword);
  assert.equal(same.json().error.code, 'PASSWORD_UNCHANGED');
  assert.deepEqual(await snapshot(db), before, 'refusals write nothing');
  const wrongOld = await change('Not-the-old-1', NEW_PASSWORD);
  assert.equal(wrongOld.statusCode, 400);
  assert.equal(wrongOld.json().error.code, 'OLD_PASSWORD_WRONG');

  const ok = await change(temporaryPassword, NEW_PASSWORD);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().staff.mustChangePassword, false);
  assert.equal((await app.inject({ url: '/api/roles', headers: { cookie } })).statusCode, 200);
  assert.ok(await lastAudit(db, 'account.password_change'));
  assert.equal((await login(app, 'zhang01', NEW_PASSWORD)).res.statusCode, 200);
  assert.equal((await login(app, 'zhang01', temporaryPassword)).res.statusCode, 401);
});

dbTest('changing one’s own password ends the other sessions and keeps this one', async (db) => {
  const app = await testApp(db, () => NOW);
  const admin = await loginAs(app, db, 'admin');
  await createZhang(app, admin, 'Chun-feng-2026');
  const first = await login(app, 'zhang01', 'Chun-feng-2026');
  const second = await login(app, 'zhang01', 'Chun-feng-2026');
  const ok = await app.inject({
    method: 'POST',
    url: '/api/accounts/me/password',
    headers: { cookie: first.cookie },
    payload: { oldPassword: 'Chun-feng-2026', newPassword: NEW_PASSWORD },
  });
  assert.equal(ok.json().endedSessions, 1);
  assert.equal(
    (await app.inject({ url: '/api/auth/me', headers: { cookie: first.cookie } })).statusCode,
    200,
  );
  assert.equal(
    (await app.inject({ url: '/api/auth/me', headers: { cookie: second.cookie } })).statusCode,
    401,
  );
});

dbTest(
  'a weak or published password is refused on create with its code, and nothing is written',
  async (db) => {
    const app = await testApp(db, () => NOW);
    const admin = await loginAs(app, db, 'admin');
    const before = await snapshot(db);
    for (const [password, code] of [
      ['Ab1!', 'PASSWORD_TOO_SHORT'],
      ['abcdefghijkl', 'PASSWORD_TOO_SIMPLE'],
      ['Yibao@2026', 'PASSWORD_TOO_COMMON'],
      ['my-zhang01-pw', 'PASSWORD_CONTAINS_USERNAME'],
    ]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/accounts',
        headers: { cookie: admin },
        payload: { username: 'zhang01', displayName: '张三', password, roles: ['clerk'] },
      });
      assert.equal(res.statusCode, 400, password);
      assert.equal(res.json().error.code, code, password);
    }
    assert.deepEqual(await snapshot(db), before);
  },
);

dbTest('an admin reset ends the sessions, lifts the lock and forces a change', async (db) => {
  const app = await testApp(db, () => NOW);
  const admin = await loginAs(app, db, 'admin');
  const { staff } = await createZhang(app, admin, 'Chun-feng-2026');
  const user = await login(app, 'zhang01', 'Chun-feng-2026');
  for (let i = 0; i < MAX_FAILURES; i++) await login(app, 'zhang01', 'not-it');
  assert.equal((await login(app, 'zhang01', 'Chun-feng-2026')).res.json().error.code, 'ACCOUNT_LOCKED');
  const reset = (payload: object) =>
    app.inject({
      method: 'POST',
      url: `/api/accounts/${staff.id}/reset-password`,
      headers: { cookie: admin },
      payload,
    });

  const before = await snapshot(db);
  const weak = await reset({ password: 'P@ssw0rd123' });
  assert.equal(weak.statusCode, 400);
  assert.equal(weak.json().error.code, 'PASSWORD_TOO_COMMON');
  assert.deepEqual(await snapshot(db), before);

  const given = await reset({ password: 'Dong-xue-2026' });
  assert.equal(given.statusCode, 200);
  assert.equal(given.json().temporaryPassword, null);
  assert.equal((await app.inject({ url: '/api/auth/me', headers: { cookie: user.cookie } })).statusCode, 401);

  const generated = await reset({});
  const temp = generated.json().temporaryPassword as string;
  assert.match(temp, /^\w{4}-\w{4}-\w{4}$/);
  const audited = await lastAudit(db, 'account.password_reset');
  assert.deepEqual(audited.after, { generated: true, endedSessions: 0 });
  const relogin = await login(app, 'zhang01', temp);
  assert.equal(relogin.res.json().staff.mustChangePassword, true);
  const blocked = await app.inject({ url: '/api/roles', headers: { cookie: relogin.cookie } });
  assert.equal(blocked.json().error.code, 'PASSWORD_CHANGE_REQUIRED');
});

dbTest('disable ends the sessions and refuses login; enable lets the account back in', async (db) => {
  const app = await testApp(db, () => NOW);
  const admin = await loginAs(app, db, 'admin');
  const { staff } = await createZhang(app, admin, 'Chun-feng-2026');
  const user = await login(app, 'zhang01', 'Chun-feng-2026');
  const act = (action: string) =>
    app.inject({ method: 'POST', url: `/api/accounts/${staff.id}/${action}`, headers: { cookie: admin } });

  const off = await act('disable');
  assert.equal(off.statusCode, 200);
  assert.deepEqual(off.json(), { active: false, endedSessions: 1 });
  assert.equal((await app.inject({ url: '/api/auth/me', headers: { cookie: user.cookie } })).statusCode, 401);
  const refused = await login(app, 'zhang01', 'Chun-feng-2026');
  assert.equal(refused.res.json().error.code, 'LOGIN_FAILED');
  assert.deepEqual((await lastAudit(db, 'account.disable')).before, { active: true });

  assert.equal((await act('enable')).statusCode, 200);
  assert.equal((await login(app, 'zhang01', 'Chun-feng-2026')).res.statusCode, 200);
  assert.ok(await lastAudit(db, 'account.enable'));
});

dbTest('an admin may not disable their own account', async (db) => {
  const app = await testApp(db, () => NOW);
  const admin = await loginAs(app, db, 'admin');
  const me = (await app.inject({ url: '/api/auth/me', headers: { cookie: admin } })).json().staff;
  const before = await snapshot(db);
  const res = await app.inject({
    method: 'POST',
    url: `/api/accounts/${me.id}/disable`,
    headers: { cookie: admin },
  });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.code, 'ACCOUNT_SELF_DISABLE');
  assert.deepEqual(await snapshot(db), before);
});

dbTest('revoking sessions logs the user out everywhere, audited; an unknown id is 404', async (db) => {
  const app = await testApp(db, () => NOW);
  const admin = await loginAs(app, db, 'admin');
  const { staff } = await createZhang(app, admin, 'Chun-feng-2026');
  const a = await login(app, 'zhang01', 'Chun-feng-2026');
  const b = await login(app, 'zhang01', 'Chun-feng-2026');
  const res = await app.inject({
    method: 'POST',
    url: `/api/accounts/${staff.id}/revoke-sessions`,
    headers: { cookie: admin },
  });
  assert.deepEqual(res.json(), { endedSessions: 2 });
  for (const c of [a.cookie, b.cookie]) {
    assert.equal((await app.inject({ url: '/api/auth/me', headers: { cookie: c } })).statusCode, 401);
  }
  assert.deepEqual((await lastAudit(db, 'account.revoke_sessions')).after, { endedSessions: 2 });
  const missing = await app.inject({
    method: 'POST',
    url: '/api/accounts/999999/revoke-sessions',
    headers: { cookie: admin },
  });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().error.code, 'ACCOUNT_NOT_FOUND');
});

dbTest('the list shows each account’s state, never a password hash', async (db) => {
  const app = await testApp(db, () => NOW);
  const admin = await loginAs(app, db, 'admin');
  await createZhang(app, admin);
  const res = await app.inject({ url: '/api/accounts?page=1&pageSize=10', headers: { cookie: admin } });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().total, 2);
  const zhang = res.json().items.find((i: { username: string }) => i.username === 'zhang01');
  assert.deepEqual(
    {
      active: zhang.active,
      mustChangePassword: zhang.mustChangePassword,
      lockedUntil: zhang.lockedUntil,
      sessions: zhang.sessions,
    },
    { active: true, mustChangePassword: true, lockedUntil: null, sessions: 0 },
  );
  assert.doesNotMatch(res.body, /argon2|passwordHash|password_hash/);
});

dbTest(
  'no account route but one’s own password change is open to a non-admin, and nothing is written',
  async (db) => {
    const app = await testApp(db, () => NOW);
    const admin = await loginAs(app, db, 'admin');
    const { staff } = await createZhang(app, admin, 'Chun-feng-2026');
    for (const role of ['clerk', 'reviewer', 'auditor', 'leader', 'agent'] as const) {
      const cookie = await loginAs(app, db, role);
      const before = await snapshot(db);
      const calls = [
        app.inject({ url: '/api/accounts', headers: { cookie } }),
        app.inject({
          method: 'POST',
          url: '/api/accounts',
          headers: { cookie },
          payload: { username: 'li02', displayName: '李四', password: NEW_PASSWORD, roles: ['admin'] },
        }),
        ...['reset-password', 'disable', 'enable', 'revoke-sessions'].map((a) =>
          app.inject({
            method: 'POST',
            url: `/api/accounts/${staff.id}/${a}`,
            headers: { cookie },
            payload: {},
          }),
        ),
      ];
      for (const res of await Promise.all(calls)) {
        assert.equal(res.statusCode, 403, `${role}: ${res.body}`);
        assert.equal(res.json().error.code, 'ROLE_FORBIDDEN');
      }
      assert.deepEqual(await snapshot(db), before, role);
    }
  },
);
