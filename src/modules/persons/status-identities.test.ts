import assert from 'node:assert/strict';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { applyStatusChange } from './status-service.ts';
import { addEnrollment } from '../enrollment/testing.ts';
import { addIdentity, addPerson } from './testing.ts';
import { registryApp, seedOnly, snapshot } from '../registry/testing.ts';

dbTest(
  'death ends open identities and stops coverage running past it (service, as the import calls it)',
  async (db) => {
    await seedOnly(db);
    const { psnNo } = await addPerson(db);
    const dibao = await addIdentity(db, psnNo, 'dibao', '2024-01-01');
    const endedEarlier = await addIdentity(db, psnNo, 'tekun', '2020-01-01', '2023-12-31');
    const y2025 = await addEnrollment(db, psnNo, { beginDate: '2025-01-01' });
    const y2026 = await addEnrollment(db, psnNo, { beginDate: '2026-01-01' });
    const r = await db.tx((tx) =>
      applyStatusChange(tx, SYSTEM_ACTOR, psnNo, {
        status: 'deceased',
        effectiveDate: '2026-02-10',
        source: '公安死亡名单',
      }),
    );
    assert.deepEqual(r, {
      psnNo,
      status: 'deceased',
      statusDate: '2026-02-10',
      deathDate: '2026-02-10',
      identitiesEnded: 1,
      enrollmentsStopped: 1,
    });
    const ids = await db.query<{ id: number; valid_to: string; end_reason: string | null }>(
      'SELECT id, valid_to::text, end_reason FROM person_identity ORDER BY id',
    );
    assert.deepEqual(ids, [
      { id: dibao, valid_to: '2026-02-10', end_reason: '死亡' },
      { id: endedEarlier, valid_to: '2023-12-31', end_reason: null },
    ]);
    const enr = await db.query<{ id: number; status: string; stopped_on: string | null }>(
      'SELECT id, status, stopped_on::text FROM enrollment ORDER BY id',
    );
    assert.deepEqual(enr, [
      { id: y2025, status: 'active', stopped_on: null },
      { id: y2026, status: 'stopped', stopped_on: '2026-02-10' },
    ]);
    const [h] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM person_status_change WHERE psn_no = $1',
      [psnNo],
    );
    assert.equal(h.n, 1);
    const actions = await db.query<{ action: string }>('SELECT action FROM audit_entry ORDER BY id');
    assert.deepEqual(
      actions.map((a) => a.action),
      ['person.status_change', 'identity.end', 'enrollment.stop'],
    );
  },
);

dbTest('moving out keeps identities and coverage; an older change only adds history', async (db) => {
  await seedOnly(db);
  const { psnNo } = await addPerson(db);
  await addIdentity(db, psnNo, 'dibao', '2024-01-01');
  await addEnrollment(db, psnNo);
  await db.tx((tx) =>
    applyStatusChange(tx, SYSTEM_ACTOR, psnNo, {
      status: 'moved_out',
      effectiveDate: '2026-03-01',
      source: '窗口',
    }),
  );
  const r = await db.tx((tx) =>
    applyStatusChange(tx, SYSTEM_ACTOR, psnNo, {
      status: 'imprisoned',
      effectiveDate: '2025-01-01',
      source: '司法',
    }),
  );
  assert.equal(r.status, 'moved_out'); // the later change stays current
  assert.equal(r.identitiesEnded, 1); // but the imprisonment still ended the spell on its date
  const [i] = await db.query<{ valid_to: string }>('SELECT valid_to::text FROM person_identity');
  assert.equal(i.valid_to, '2025-01-01');
});

dbTest(
  'POST /persons/:psnNo/status via the API; future dates and unknown persons are refused',
  async (db) => {
    const app = await registryApp(db);
    const cookie = await loginAs(app, db, 'clerk');
    const { psnNo } = await addPerson(db);
    const before = await snapshot(db);
    let res = await app.inject({
      method: 'POST',
      url: `/api/registry/persons/${psnNo}/status`,
      headers: { cookie },
      payload: { status: 'deceased', effectiveDate: '2026-03-16', source: '窗口' },
    });
    assert.equal(res.json().error.code, 'STATUS_DATE_FUTURE');
    res = await app.inject({
      method: 'POST',
      url: `/api/registry/persons/${psnNo}/status`,
      headers: { cookie },
      payload: { status: 'dead', effectiveDate: '2026-03-01', source: '窗口' },
    });
    assert.equal(res.json().error.code, 'VALIDATION_FAILED');
    assert.deepEqual(await snapshot(db), before);
    res = await app.inject({
      method: 'POST',
      url: '/api/registry/persons/4109260000009999/status',
      headers: { cookie },
      payload: { status: 'deceased', effectiveDate: '2026-03-01', source: '窗口' },
    });
    assert.equal(res.statusCode, 404);
    res = await app.inject({
      method: 'POST',
      url: `/api/registry/persons/${psnNo}/status`,
      headers: { cookie },
      payload: { status: 'deceased', effectiveDate: '2026-03-01', source: '窗口', note: '家属报告' },
    });
    assert.equal(res.statusCode, 200, res.body);
    const file = await app.inject({
      method: 'GET',
      url: `/api/registry/persons/${psnNo}`,
      headers: { cookie },
    });
    assert.equal(file.json().person.deathDate, '2026-03-01');
    assert.equal(file.json().statusHistory[0].note, '家属报告');
    const agent = await loginAs(app, db, 'agent', '410926101001');
    res = await app.inject({
      method: 'POST',
      url: `/api/registry/persons/${psnNo}/status`,
      headers: { cookie: agent },
      payload: { status: 'normal', effectiveDate: '2026-03-01', source: '窗口' },
    });
    assert.equal(res.statusCode, 403);
  },
);

dbTest('identities: add a spell, refuse overlaps and unknown types, end it, history kept', async (db) => {
  const app = await registryApp(db);
  const cookie = await loginAs(app, db, 'clerk');
  const { psnNo } = await addPerson(db);
  const add = (payload: Record<string, unknown>) =>
    app.inject({
      method: 'POST',
      url: `/api/registry/persons/${psnNo}/identities`,
      headers: { cookie },
      payload,
    });
  let res = await add({ identityCode: 'dibao', sourceDept: '民政', validFrom: '2025-01-01' });
  assert.equal(res.statusCode, 201, res.body);
  const id = res.json().identity.id;
  assert.equal(res.json().identity.name, '低保');
  const before = await snapshot(db);
  res = await add({ identityCode: 'dibao', sourceDept: '民政', validFrom: '2026-01-01' });
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().error.code, 'IDENTITY_OVERLAP');
  res = await add({ identityCode: 'nobody', sourceDept: '民政', validFrom: '2026-01-01' });
  assert.equal(res.json().error.code, 'IDENTITY_TYPE_UNKNOWN');
  res = await add({
    identityCode: 'tekun',
    sourceDept: '民政',
    validFrom: '2026-01-01',
    validTo: '2025-12-31',
  });
  assert.equal(res.json().error.code, 'PERIOD_INVALID');
  assert.deepEqual(await snapshot(db), before);

  res = await app.inject({
    method: 'POST',
    url: `/api/registry/identities/${id}/end`,
    headers: { cookie },
    payload: { validTo: '2025-12-31', reason: '收入超标退出' },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().identity.validTo, '2025-12-31');
  res = await add({ identityCode: 'dibao', sourceDept: '民政', validFrom: '2026-01-01' });
  assert.equal(res.statusCode, 201);
  const file = await app.inject({
    method: 'GET',
    url: `/api/registry/persons/${psnNo}`,
    headers: { cookie },
  });
  assert.deepEqual(
    file
      .json()
      .identities.map((i: { validFrom: string; validTo: string | null }) => [i.validFrom, i.validTo]),
    [
      ['2025-01-01', '2025-12-31'],
      ['2026-01-01', null],
    ],
  );
  res = await app.inject({
    method: 'POST',
    url: '/api/registry/identities/99999/end',
    headers: { cookie },
    payload: { validTo: '2025-12-31', reason: 'x' },
  });
  assert.equal(res.statusCode, 404);
  const leader = await loginAs(app, db, 'leader');
  res = await app.inject({
    method: 'POST',
    url: `/api/registry/persons/${psnNo}/identities`,
    headers: { cookie: leader },
    payload: { identityCode: 'tekun', sourceDept: '民政', validFrom: '2026-01-01' },
  });
  assert.equal(res.statusCode, 403);
});
