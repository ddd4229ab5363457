// The audit page's API: search by person, user, action and date; the chain check; refusals and
// downloads of personal data leave entries; every entry carries the application's clock.
import assert from 'node:assert/strict';
import { loginAs, testApp } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/types.ts';
import { addPerson } from '../persons/testing.ts';
import { seedCounty, VILLAGE, VILLAGE_2 } from '../registry/testing.ts';
import { someEntries, tamper } from './testing.ts';

const NOW = new Date('2026-03-15T02:00:00.000Z'); // 10:00 in China
const clock = () => NOW;

async function entries(db: Db, where: string) {
  return db.query<{
    actor_name: string;
    action: string;
    entity_id: string;
    after: Record<string, unknown>;
    at: string;
  }>(`SELECT actor_name, action, entity_id, after, at FROM audit_entry WHERE ${where} ORDER BY id`);
}

dbTest('a refused request is audited with the route, the user and the code', async (db) => {
  const app = await testApp(db, clock);
  try {
    const clerk = await loginAs(app, db, 'clerk');
    const res = await app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie: clerk } });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'ROLE_FORBIDDEN');
    const [e] = await entries(db, "action = 'access.denied'");
    assert.match(e.actor_name, /^clerk_/);
    assert.equal(e.entity_id, 'GET /api/audit/verify');
    assert.deepEqual(e.after, { url: '/api/audit/verify', code: 'ROLE_FORBIDDEN', roles: ['clerk'] });
    assert.equal(new Date(e.at).toISOString(), NOW.toISOString());
  } finally {
    await app.close();
  }
});

dbTest("a service's scope refusal is audited too (a village agent outside the village)", async (db) => {
  await seedCounty(db);
  const other = await addPerson(db, { villageCode: VILLAGE_2 });
  const app = await testApp(db, clock);
  try {
    const agent = await loginAs(app, db, 'agent', VILLAGE);
    const res = await app.inject({
      method: 'GET',
      url: `/api/registry/persons/${other.psnNo}`,
      headers: { cookie: agent },
    });
    assert.equal(res.statusCode, 403);
    const [e] = await entries(db, "action = 'access.denied'");
    assert.equal(e.entity_id, 'GET /api/registry/persons/:psnNo');
    assert.equal(e.after.code, 'AGENT_OUTSIDE_VILLAGE');
    assert.equal(e.after.url, `/api/registry/persons/${other.psnNo}`);
  } finally {
    await app.close();
  }
});

dbTest('a login is audited at the time of the application clock', async (db) => {
  const app = await testApp(db, clock);
  try {
    await loginAs(app, db, 'auditor');
    const [e] = await entries(db, "action = 'account.login'");
    assert.equal(new Date(e.at).toISOString(), NOW.toISOString());
  } finally {
    await app.close();
  }
});

dbTest('the auditor checks the chain; an edited entry is reported', async (db) => {
  const app = await testApp(db, clock);
  try {
    const auditor = await loginAs(app, db, 'auditor');
    await someEntries(db, 3, NOW);
    const ok = await app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie: auditor } });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().ok, true);
    assert.equal(ok.json().checked, 5); // the account, its login and three entries

    await tamper(
      db,
      `UPDATE audit_entry SET actor_name = 'nobody' WHERE action = 'person.update' AND seq = 3`,
    );
    const bad = await app.inject({
      method: 'GET',
      url: '/api/audit/verify?from=2026-03-15&to=2026-03-15',
      headers: { cookie: auditor },
    });
    assert.equal(bad.json().ok, false);
    assert.deepEqual(
      bad.json().breaks.map((b: { kind: string; seq: number }) => [b.kind, b.seq]),
      [['hash', 3]],
    );
    const wrong = await app.inject({
      method: 'GET',
      url: '/api/audit/verify?from=2026-02-30',
      headers: { cookie: auditor },
    });
    assert.equal(wrong.statusCode, 400);
  } finally {
    await app.close();
  }
});

dbTest(
  'the trail is searched by person (number or ID), user, action and China day, a page at a time',
  async (db) => {
    await seedCounty(db);
    const p = await addPerson(db);
    const app = await testApp(db, clock);
    try {
      const auditor = await loginAs(app, db, 'auditor');
      const admin = await loginAs(app, db, 'admin');
      const reveal = await app.inject({
        method: 'POST',
        url: `/api/registry/persons/${p.psnNo}/reveal`,
        headers: { cookie: admin },
      });
      assert.equal(reveal.statusCode, 200, reveal.body);
      await someEntries(db, 3, new Date('2026-03-13T15:59:59Z')); // 13 March, 23:59:59 in China
      const get = async (q: string) => {
        const res = await app.inject({
          method: 'GET',
          url: `/api/audit/entries?${q}`,
          headers: { cookie: auditor },
        });
        assert.equal(res.statusCode, 200, res.body);
        return res.json() as {
          total: number;
          items: { action: string; actorName: string; entityId: string }[];
        };
      };
      const byPsn = await get(`person=${p.psnNo}`);
      assert.deepEqual(
        byPsn.items.map((i) => i.action),
        ['person.reveal'],
      );
      assert.deepEqual(
        (await get(`person=${p.certno}`)).items.map((i) => i.entityId),
        [p.psnNo],
      );
      assert.equal((await get('action=person.')).total, 4);
      assert.equal((await get('action=person.update')).total, 3);
      assert.equal((await get('user=clerk01')).total, 3);
      assert.equal((await get('from=2026-03-14')).total, 5); // two accounts, their logins, the reveal
      assert.equal((await get('to=2026-03-13&action=person.update')).total, 3);
      const page2 = await get('action=person.&pageSize=3&page=2');
      assert.equal(page2.total, 4);
      assert.equal(page2.items.length, 1);

      const clerk = await loginAs(app, db, 'clerk');
      const refused = await app.inject({
        method: 'GET',
        url: '/api/audit/entries',
        headers: { cookie: clerk },
      });
      assert.equal(refused.statusCode, 403);
      const bad = await app.inject({
        method: 'GET',
        url: '/api/audit/entries?from=2026-03-15&to=2026-03-01',
        headers: { cookie: auditor },
      });
      assert.equal(bad.statusCode, 400);
    } finally {
      await app.close();
    }
  },
);

dbTest("downloading an import's error report (names, ID numbers) is audited", async (db) => {
  const app = await testApp(db, clock);
  try {
    const clerk = await loginAs(app, db, 'clerk');
    const [{ id }] = await db.query<{ id: number }>(
      `INSERT INTO import_job (kind, mode, file_name, file_sha256, file_bytes, status, actor_name)
       VALUES ('persons', 'skip_bad_rows', 'a.csv', repeat('a', 64), 10, 'done', 'clerk') RETURNING id`,
    );
    await db.query(
      `INSERT INTO import_row_error (job_id, seq, row_no, column_name, value, reason, certno, name)
       VALUES ($1, 1, 2, '村(社区)代码', '410926101999', '村代码不存在', '4109************12', '王芳')`,
      [id],
    );
    const res = await app.inject({
      method: 'GET',
      url: `/api/import/jobs/${id}/errors?format=csv`,
      headers: { cookie: clerk },
    });
    assert.equal(res.statusCode, 200);
    const [e] = await entries(db, "action = 'import.errors_download'");
    assert.equal(e.entity_id, String(id));
    assert.deepEqual(e.after, { format: 'csv', rows: 1 });
    assert.equal(new Date(e.at).toISOString(), NOW.toISOString());
  } finally {
    await app.close();
  }
});
