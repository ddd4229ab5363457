// The first start: the demo county only where asked for, otherwise one admin whose one-time
// password is printed once and must be changed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testApp } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/types.ts';
import { DEMO_ACCOUNTS } from '../../demo/accounts.ts';
import { demoMode, firstStart } from './first-start.ts';
import { ensureDemoCounty } from './seed.ts';

const TODAY = '2026-11-22';
const count = async (db: Db, table: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
const smallDemo = (db: Db) => () => ensureDemoCounty(db, 40, { today: TODAY, settlements: 0 });

test('the demo is on for the embedded default and YIBAO_DEMO=1, off for a DATABASE_URL or YIBAO_DEMO=0', () => {
  assert.equal(demoMode({}), true);
  assert.equal(demoMode({ YIBAO_DEMO: '0' }), false);
  assert.equal(demoMode({ DATABASE_URL: 'postgres://db/yibao' }), false);
  assert.equal(demoMode({ DATABASE_URL: 'postgres://db/yibao', YIBAO_DEMO: '1' }), true);
  assert.equal(demoMode({ DATABASE_URL: 'postgres://db/yibao', YIBAO_DEMO: 'yes' }), false);
});

dbTest(
  'without the demo the first start creates one admin, who must change the printed password',
  async (db) => {
    const printed: string[] = [];
    const hint = await firstStart(
      db,
      false,
      () => assert.fail('no demo county'),
      (l) => printed.push(l),
    );
    assert.equal(hint, undefined, 'nothing for the log');
    const accounts = await db.query<{ username: string; roles: string[]; must_change_password: boolean }>(
      'SELECT username, roles, must_change_password FROM staff_account',
    );
    assert.deepEqual(accounts, [{ username: 'admin', roles: ['admin'], must_change_password: true }]);
    for (const table of ['person', 'household', 'enrollment', 'institution_credential', 'policy_version']) {
      assert.equal(await count(db, table), 0, table);
    }
    const password = /一次性密码：(\S+)/.exec(printed.join('\n'))?.[1];
    assert.ok(password, printed.join('\n'));
    assert.ok(!DEMO_ACCOUNTS.some((a) => a.username !== 'admin' && printed.join('').includes(a.username)));

    const app = await testApp(db);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password },
    });
    assert.equal(login.statusCode, 200);
    assert.equal(login.json().staff.mustChangePassword, true);

    // later starts print nothing and create nothing
    const again: string[] = [];
    assert.equal(
      await firstStart(
        db,
        false,
        () => assert.fail('no demo'),
        (l) => again.push(l),
      ),
      undefined,
    );
    assert.deepEqual(again, []);
    assert.equal(await count(db, 'staff_account'), 1);
  },
);

dbTest(
  'with the demo the first start seeds the demo county and logs only the documented logins',
  async (db) => {
    const printed: string[] = [];
    const hint = await firstStart(db, true, smallDemo(db), (l) => printed.push(l));
    assert.equal(await count(db, 'person'), 40);
    assert.equal(await count(db, 'staff_account'), DEMO_ACCOUNTS.length);
    assert.equal(await count(db, 'institution_credential'), 2);
    assert.match(hint ?? '', /Yibao@2026/);
    assert.doesNotMatch(hint ?? '', /demo-secret/);
    assert.deepEqual(printed, [], 'no one-time admin on the demo');
    // a restart leaves the county alone and still names the logins
    assert.match((await firstStart(db, true, smallDemo(db))) ?? '', /admin/);
    assert.equal(await count(db, 'person'), 40);
  },
);

dbTest('a database with real accounts is never turned into a demo', async (db) => {
  await firstStart(
    db,
    false,
    () => assert.fail('no demo'),
    () => undefined,
  );
  assert.equal(await firstStart(db, true, smallDemo(db)), undefined);
  assert.equal(await count(db, 'person'), 0);
  assert.equal(await count(db, 'staff_account'), 1);
});
