import assert from 'node:assert/strict';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { enroll } from './enrollment-service.ts';
import { addEnrollment } from './testing.ts';
import { addIdentity, addPerson } from '../persons/testing.ts';
import { registryApp, snapshot, TODAY, VILLAGE, VILLAGE_2 } from '../registry/testing.ts';

const body = (psnNo: string, over: Record<string, unknown> = {}) => ({
  psnNo,
  insutype: '390',
  beginDate: '2026-01-01',
  personalFen: 40000,
  fiscalFen: 70000,
  assistedFen: 0,
  ...over,
});

dbTest('POST /enrollments enrolls a resident to 12-31 and audits it', async (db) => {
  const app = await registryApp(db);
  const cookie = await loginAs(app, db, 'clerk');
  const { psnNo } = await addPerson(db);
  const res = await app.inject({
    method: 'POST',
    url: '/api/registry/enrollments',
    headers: { cookie },
    payload: body(psnNo),
  });
  assert.equal(res.statusCode, 201, res.body);
  const { enrollment } = res.json();
  assert.equal(enrollment.endDate, '2026-12-31');
  assert.equal(enrollment.status, 'active');
  assert.equal(enrollment.personalFen, 40000);
  const [a] = await db.query<{ after: { id: number } }>(
    `SELECT after FROM audit_entry WHERE action = 'enrollment.create'`,
  );
  assert.equal(a.after.id, enrollment.id);

  const list = await app.inject({
    method: 'GET',
    url: `/api/registry/enrollments?psnNo=${psnNo}&year=2026`,
    headers: { cookie },
  });
  assert.equal(list.json().total, 1);
  assert.equal(list.json().items[0].psnName, '张三');
  const none = await app.inject({
    method: 'GET',
    url: `/api/registry/enrollments?psnNo=${psnNo}&year=2025`,
    headers: { cookie },
  });
  assert.equal(none.json().total, 0);
});

dbTest('enrollment rule errors come back coded with the field, and nothing is written', async (db) => {
  const app = await registryApp(db);
  const cookie = await loginAs(app, db, 'clerk');
  const { psnNo } = await addPerson(db);
  const dead = await addPerson(db, { deathDate: '2025-10-01' });
  await addEnrollment(db, psnNo, { beginDate: '2025-01-01' });
  await addIdentity(db, psnNo, 'dibao', '2026-02-01');
  const before = await snapshot(db);
  const cases: [Record<string, unknown>, number, string, string | undefined][] = [
    [body(psnNo, { beginDate: '2025-12-31', endDate: '2025-12-31' }), 409, 'ENROLLMENT_OVERLAP', 'beginDate'],
    [body(dead.psnNo), 409, 'ENROLLMENT_AFTER_DEATH', 'beginDate'],
    [
      body(psnNo, { assistedFen: 38000, assistedIdentity: 'dibao' }),
      400,
      'SUBSIDY_WITHOUT_IDENTITY',
      'assistedIdentity',
    ],
    [body(psnNo, { insutype: '310', endDate: '2026-12-31' }), 400, 'EMPLOYER_REQUIRED', 'employerName'],
    [body(psnNo, { endDate: '2027-01-31' }), 400, 'RESIDENT_CALENDAR_YEAR', 'endDate'],
    [body(psnNo, { beginDate: '2026-05-01', endDate: '2026-04-01' }), 400, 'PERIOD_INVALID', 'endDate'],
    [body(psnNo, { personalFen: 12.5 }), 400, 'VALIDATION_FAILED', undefined],
    [body(psnNo, { personalFen: '400' }), 400, 'VALIDATION_FAILED', undefined],
    [body('4109260000009999'), 404, 'PERSON_NOT_FOUND', 'psnNo'],
  ];
  for (const [payload, status, code, field] of cases) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/registry/enrollments',
      headers: { cookie },
      payload,
    });
    assert.equal(res.statusCode, status, `${code}: ${res.body}`);
    assert.equal(res.json().error.code, code);
    if (field) assert.equal(res.json().error.details.field, field, code);
  }
  assert.deepEqual(await snapshot(db), before);
  // the identity valid from 02-01 does carry a subsidy for a period beginning then
  const ok = await app.inject({
    method: 'POST',
    url: '/api/registry/enrollments',
    headers: { cookie },
    payload: body(psnNo, {
      beginDate: '2026-02-01',
      assistedFen: 38000,
      assistedIdentity: 'dibao',
      assistedPayer: '民政',
    }),
  });
  assert.equal(ok.statusCode, 201, ok.body);
});

dbTest(
  'PUT corrects an enrollment of this year, re-checking overlap without itself; stop frees the period',
  async (db) => {
    const app = await registryApp(db);
    const cookie = await loginAs(app, db, 'clerk');
    const { psnNo } = await addPerson(db);
    const id2025 = await addEnrollment(db, psnNo, { beginDate: '2025-01-01' });
    const id2026 = await addEnrollment(db, psnNo, { beginDate: '2026-01-01' });
    const put = (id: number, payload: Record<string, unknown>) =>
      app.inject({ method: 'PUT', url: `/api/registry/enrollments/${id}`, headers: { cookie }, payload });
    const stop = (id: number, stoppedOn: string) =>
      app.inject({
        method: 'POST',
        url: `/api/registry/enrollments/${id}/stop`,
        headers: { cookie },
        payload: { stoppedOn, reason: '重复参保' },
      });
    let res = await put(id2026, body(psnNo, { beginDate: '2026-03-01', personalFen: 42000 }));
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().enrollment.beginDate, '2026-03-01');
    assert.equal(res.json().enrollment.personalFen, 42000);
    const [a] = await db.query<{ before: { beginDate: string }; after: { beginDate: string } }>(
      `SELECT before, after FROM audit_entry WHERE action = 'enrollment.correct'`,
    );
    assert.deepEqual([a.before.beginDate, a.after.beginDate], ['2026-01-01', '2026-03-01']);
    res = await put(id2026, body(psnNo, { personalFen: 42000, psnNo: (await addPerson(db)).psnNo }));
    assert.equal(res.json().error.code, 'ENROLLMENT_PERSON_CHANGED');
    res = await put(999999, body(psnNo));
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'ENROLLMENT_NOT_FOUND');

    // 一事两岗两审: a past year, a lower amount or moving into a past year is a matter for two posts
    const before = await snapshot(db);
    for (const [id, payload] of [
      [id2025, body(psnNo, { beginDate: '2025-01-01', personalFen: 0, fiscalFen: 0 })],
      [id2025, body(psnNo, { beginDate: '2025-01-01', personalFen: 50000 })],
      [id2026, body(psnNo, { beginDate: '2026-03-01', personalFen: 41000 })],
      [id2026, body(psnNo, { beginDate: '2025-06-01', personalFen: 42000 })],
    ] as const) {
      res = await put(id, payload);
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(res.json().error.code, 'ENROLLMENT_NEEDS_REVIEW');
      assert.match(res.json().error.message, /两岗审核/);
    }
    res = await stop(id2025, '2025-05-31');
    assert.equal(res.json().error.code, 'ENROLLMENT_NEEDS_REVIEW');
    assert.deepEqual(await snapshot(db), before);

    res = await stop(id2026, '2026-05-31');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().enrollment.status, 'stopped');
    res = await stop(id2026, '2026-05-31');
    assert.equal(res.json().error.code, 'ENROLLMENT_STOPPED');
    const id2026b = await addEnrollment(db, psnNo, { beginDate: '2026-06-01' });
    res = await stop(id2026b, '2027-01-01');
    assert.equal(res.json().error.code, 'PERIOD_INVALID');
  },
);

dbTest('agents enroll only persons of their village; leaders cannot enroll', async (db) => {
  const app = await registryApp(db);
  const own = await addPerson(db, { villageCode: VILLAGE });
  const other = await addPerson(db, { villageCode: VILLAGE_2 });
  const agent = await loginAs(app, db, 'agent', VILLAGE);
  let res = await app.inject({
    method: 'POST',
    url: '/api/registry/enrollments',
    headers: { cookie: agent },
    payload: body(own.psnNo),
  });
  assert.equal(res.statusCode, 201, res.body);
  res = await app.inject({
    method: 'POST',
    url: '/api/registry/enrollments',
    headers: { cookie: agent },
    payload: body(other.psnNo),
  });
  assert.equal(res.statusCode, 403);
  assert.equal(res.json().error.code, 'AGENT_OUTSIDE_VILLAGE');
  await addEnrollment(db, other.psnNo);
  res = await app.inject({ method: 'GET', url: '/api/registry/enrollments', headers: { cookie: agent } });
  assert.deepEqual(
    res.json().items.map((e: { psnNo: string }) => e.psnNo),
    [own.psnNo],
  );
  const leader = await loginAs(app, db, 'leader');
  res = await app.inject({
    method: 'POST',
    url: '/api/registry/enrollments',
    headers: { cookie: leader },
    payload: body(own.psnNo),
  });
  assert.equal(res.statusCode, 403);
  res = await app.inject({ method: 'GET', url: '/api/registry/enrollments' });
  assert.equal(res.statusCode, 401);
});

dbTest('two parallel enrollments for one person: exactly one passes the overlap check', async (db) => {
  await registryApp(db);
  const { psnNo } = await addPerson(db);
  const input = {
    psnNo,
    insutype: '390',
    beginDate: '2026-01-01',
    personalFen: 1,
    fiscalFen: 1,
    assistedFen: 0,
  };
  const results = await Promise.allSettled([
    db.tx((tx) => enroll(tx, SYSTEM_ACTOR, input, TODAY)),
    db.tx((tx) => enroll(tx, SYSTEM_ACTOR, { ...input, beginDate: '2026-06-01' }, TODAY)),
  ]);
  assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
  const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
  assert.equal(rejected.reason.code, 'ENROLLMENT_OVERLAP');
  const rows = await db.query('SELECT 1 FROM enrollment WHERE psn_no = $1', [psnNo]);
  assert.equal(rows.length, 1);
});
