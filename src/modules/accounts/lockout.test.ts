// The lockout holds under parallel guesses: attempts are reserved atomically before any password
// is checked, so a burst cannot outrun the count, and unknown names are counted the same way.
import assert from 'node:assert/strict';
import { loginAs, TEST_PASSWORD, testApp } from '../../api/testing.ts';
import type { Db } from '../../db/types.ts';
import { LOCK_MINUTES, MAX_FAILURES } from '../../domain/accounts/lockout.ts';
import { isAppError } from '../../domain/shared/errors.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { argon2Hasher, type PasswordHasher } from './passwords.ts';
import { addUser, login } from './service.ts';
import { dbTest } from '../../db/testing.ts';

const NOW = new Date('2026-03-02T01:00:00Z');
const BURST = 50;

async function addZhang(db: Db) {
  await db.tx((tx) =>
    addUser(tx, SYSTEM_ACTOR, {
      username: 'zhang01',
      displayName: '张三',
      password: TEST_PASSWORD,
      roles: ['clerk'],
    }),
  );
}

/** argon2, counting the verifications it performs */
function countingHasher(): PasswordHasher & { verified: number } {
  const h = {
    verified: 0,
    hash: argon2Hasher.hash,
    verify: (hash: string, pw: string) => {
      h.verified++;
      return argon2Hasher.verify(hash, pw);
    },
  };
  return h;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
}

const tally = (codes: string[]) =>
  codes.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c]: (acc[c] ?? 0) + 1 }), {});

dbTest(
  `${BURST} parallel wrong guesses: ${MAX_FAILURES} are checked, the rest refused unchecked`,
  async (db) => {
    await addZhang(db);
    const hasher = countingHasher();
    const codes = await Promise.all(
      Array.from({ length: BURST }, (_, i) => codeOf(login(db, 'zhang01', `wrong-guess-${i}`, NOW, hasher))),
    );
    assert.equal(hasher.verified, MAX_FAILURES);
    assert.deepEqual(tally(codes), {
      LOGIN_FAILED: MAX_FAILURES - 1,
      ACCOUNT_LOCKED: BURST - MAX_FAILURES + 1,
    });
    // the right password after the burst: refused without being checked
    assert.equal(await codeOf(login(db, 'zhang01', TEST_PASSWORD, NOW, hasher)), 'ACCOUNT_LOCKED');
    assert.equal(hasher.verified, MAX_FAILURES);
    // the lock ends after LOCK_MINUTES
    const later = new Date(NOW.getTime() + LOCK_MINUTES * 60_000);
    assert.equal(await codeOf(login(db, 'zhang01', TEST_PASSWORD, later, hasher)), 'OK');
    const audited = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_entry WHERE action = 'account.login_failed'",
    );
    assert.equal(audited[0].n, MAX_FAILURES, 'each checked failure is audited, the refusals are not');
  },
);

dbTest('a correct password inside a burst of wrong guesses over HTTP is refused once locked', async (db) => {
  const app = await testApp(db, () => NOW);
  await addZhang(db);
  const attempt = (password: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'zhang01', password } });
  const wrong = Array.from({ length: BURST }, (_, i) => attempt(`wrong-guess-${i}`));
  const right = attempt(TEST_PASSWORD);
  const results = await Promise.all([...wrong, right]);
  assert.ok(results.every((r) => r.statusCode === 401));
  const codes = results.map((r) => r.json().error.code as string);
  assert.equal(codes.at(-1), 'ACCOUNT_LOCKED');
  assert.equal(codes.filter((c) => c === 'LOGIN_FAILED').length, MAX_FAILURES - 1);
  const sessions = await db.query('SELECT 1 FROM staff_session');
  assert.equal(sessions.length, 0);
});

dbTest('an unknown name gets the same error, one argon2 check and the same lockout', async (db) => {
  await addZhang(db);
  const known = countingHasher();
  const unknown = countingHasher();
  for (let i = 1; i < MAX_FAILURES; i++) {
    const k = await codeOf(login(db, 'zhang01', `nope-${i}`, NOW, known));
    const u = await codeOf(login(db, 'li_nobody', `nope-${i}`, NOW, unknown));
    assert.equal(k, 'LOGIN_FAILED');
    assert.equal(u, k, `attempt ${i}`);
    assert.equal(unknown.verified, known.verified, 'one verification each');
  }
  assert.equal(known.verified, MAX_FAILURES - 1);
  // the fifth locks both, and then both refuse unchecked with the same message
  for (const [name, h] of [
    ['zhang01', known],
    ['li_nobody', unknown],
  ] as const) {
    assert.equal(await codeOf(login(db, name, 'nope-5', NOW, h)), 'ACCOUNT_LOCKED');
    assert.equal(await codeOf(login(db, name, 'nope-6', NOW, h)), 'ACCOUNT_LOCKED');
    assert.equal(h.verified, MAX_FAILURES);
  }
  const errors = await Promise.all(
    ['zhang01', 'LI_NOBODY'].map((n) => login(db, n, 'x', NOW).catch((e: Error) => e.message)),
  );
  assert.equal(errors[0], errors[1], 'locked message identical; the name is counted in lower case');
});

dbTest('a success clears the count, so failures must come in a row', async (db) => {
  await addZhang(db);
  for (let round = 0; round < 2; round++) {
    for (let i = 1; i < MAX_FAILURES; i++) {
      assert.equal(await codeOf(login(db, 'zhang01', 'nope', NOW)), 'LOGIN_FAILED');
    }
    assert.equal(await codeOf(login(db, 'zhang01', TEST_PASSWORD, NOW)), 'OK');
  }
});

dbTest('the lockout shows in the admin list and an admin re-enable lifts it', async (db) => {
  const app = await testApp(db, () => NOW);
  const admin = await loginAs(app, db, 'admin');
  await addZhang(db);
  for (let i = 0; i < MAX_FAILURES; i++) await codeOf(login(db, 'zhang01', 'nope', NOW));
  const list = await app.inject({ url: '/api/accounts', headers: { cookie: admin } });
  const zhang = list.json().items.find((a: { username: string }) => a.username === 'zhang01');
  assert.equal(zhang.lockedUntil, new Date(NOW.getTime() + LOCK_MINUTES * 60_000).toISOString());
  const enabled = await app.inject({
    method: 'POST',
    url: `/api/accounts/${zhang.id}/enable`,
    headers: { cookie: admin },
  });
  assert.equal(enabled.statusCode, 200);
  assert.equal(await codeOf(login(db, 'zhang01', TEST_PASSWORD, NOW)), 'OK');
});
