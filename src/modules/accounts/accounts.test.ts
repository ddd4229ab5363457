import assert from 'node:assert/strict';
import { loginAs, TEST_PASSWORD, testApp } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';

dbTest('login sets an HTTP-only cookie and /api/auth/me answers who it is', async (db) => {
  const app = await testApp(db);
  const cookie = await loginAs(app, db, 'clerk');
  const me = await app.inject({ url: '/api/auth/me', headers: { cookie } });
  assert.equal(me.statusCode, 200);
  assert.deepEqual(me.json().staff.roles, ['clerk']);
  const audit = await db.query<{ action: string }>(
    "SELECT action FROM audit_entry WHERE action = 'account.login'",
  );
  assert.equal(audit.length, 1);
});

dbTest('a route without a session answers 401 with a code', async (db) => {
  const app = await testApp(db);
  const res = await app.inject({ url: '/api/auth/me' });
  assert.equal(res.statusCode, 401);
  assert.equal(res.json().error.code, 'NOT_LOGGED_IN');
});

dbTest('a role not allowed by the route gets 403 ROLE_FORBIDDEN', async (db) => {
  const app = await testApp(db);
  const cookie = await loginAs(app, db, 'clerk');
  const res = await app.inject({ url: '/api/accounts', headers: { cookie } });
  assert.equal(res.statusCode, 403);
  assert.equal(res.json().error.code, 'ROLE_FORBIDDEN');
});

dbTest('five wrong passwords lock the account even for the right password', async (db) => {
  const app = await testApp(db);
  const admin = await loginAs(app, db, 'admin');
  const created = await app.inject({
    method: 'POST',
    url: '/api/accounts',
    headers: { cookie: admin },
    payload: { username: 'zhang01', displayName: '张三', password: TEST_PASSWORD, roles: ['reviewer'] },
  });
  assert.equal(created.statusCode, 201);
  for (let i = 0; i < 5; i++) {
    const r = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zhang01', password: 'wrong' },
    });
    assert.equal(r.statusCode, 401);
  }
  const r = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'zhang01', password: TEST_PASSWORD },
  });
  assert.equal(r.statusCode, 401);
  assert.equal(r.json().error.code, 'ACCOUNT_LOCKED');
});

dbTest('malformed JSON, wrong types and oversized bodies are refused with codes', async (db) => {
  const app = await testApp(db);
  const bad = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'content-type': 'application/json' },
    payload: '{"username":',
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, 'MALFORMED_JSON');
  const typed = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 5, password: [] },
  });
  assert.equal(typed.statusCode, 400);
  assert.equal(typed.json().error.code, 'VALIDATION_FAILED');
  const big = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'x'.repeat(2 * 1024 * 1024), password: 'y' },
  });
  assert.equal(big.statusCode, 413);
  assert.equal(big.json().error.code, 'PAYLOAD_TOO_LARGE');
});

dbTest('logout ends the session', async (db) => {
  const app = await testApp(db);
  const cookie = await loginAs(app, db, 'leader');
  const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
  assert.equal(out.statusCode, 200);
  const me = await app.inject({ url: '/api/auth/me', headers: { cookie } });
  assert.equal(me.statusCode, 401);
});

dbTest('GET /api/health names the version and engine', async (db) => {
  const app = await testApp(db);
  const res = await app.inject({ url: '/api/health' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().engine, db.engine);
});
