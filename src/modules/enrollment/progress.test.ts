import assert from 'node:assert/strict';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import { enrollmentProgress } from './progress-service.ts';
import {
  registryApp,
  seedOnly,
  snapshot,
  TOWNSHIP,
  TOWNSHIP_2,
  VILLAGE,
  VILLAGE_2,
  VILLAGE_OTHER_TOWNSHIP,
} from '../registry/testing.ts';
import { addEnrollment, setTarget } from './testing.ts';
import { addPerson } from '../persons/testing.ts';

dbTest('progress counts distinct insured persons per township, subsidised, rate and rank', async (db) => {
  await seedOnly(db);
  await setTarget(db, TOWNSHIP, 2026, 4);
  await setTarget(db, TOWNSHIP_2, 2026, 2);
  const a = await addPerson(db, { villageCode: VILLAGE });
  const b = await addPerson(db, { villageCode: VILLAGE_2 });
  const c = await addPerson(db, { villageCode: VILLAGE });
  const d = await addPerson(db, { villageCode: VILLAGE_OTHER_TOWNSHIP });
  const e = await addPerson(db, { villageCode: VILLAGE_OTHER_TOWNSHIP });
  await addEnrollment(db, a.psnNo, { beginDate: '2026-01-01' });
  await addEnrollment(db, a.psnNo, { insutype: '310', beginDate: '2026-01-01', endDate: '2026-12-31' }); // counted once
  await addEnrollment(db, b.psnNo, {
    beginDate: '2026-01-01',
    assistedFen: 38000,
    assistedIdentity: 'dibao',
  });
  await addEnrollment(db, c.psnNo, { beginDate: '2026-01-01', status: 'stopped' }); // stopped: not insured
  await addEnrollment(db, d.psnNo, { insutype: '310', beginDate: '2025-07-01', endDate: '2026-01-31' }); // covers part of 2026
  await addEnrollment(db, e.psnNo, { insutype: '510', beginDate: '2026-01-01', endDate: '2026-12-31' }); // maternity: no
  await addEnrollment(db, e.psnNo, { beginDate: '2025-01-01' }); // other year
  const p = await enrollmentProgress(db, '410926', 2026);
  assert.deepEqual(p.county, { target: 6, insured: 3, subsidised: 1, rate: 5000 });
  assert.deepEqual(
    p.townships.map((t) => [t.code, t.name, t.target, t.insured, t.subsidised, t.rateBp, t.rank]),
    // both at 50.00 %: the tie is broken by township code
    [
      [TOWNSHIP, '城关镇', 4, 2, 1, 5000, 1],
      [TOWNSHIP_2, '濮城镇', 2, 1, 0, 5000, 2],
    ],
  );
  const p2025 = await enrollmentProgress(db, null, 2025);
  assert.deepEqual(p2025.county, { target: 0, insured: 2, subsidised: 0, rate: null });
});

dbTest('GET /progress and PUT /targets (admin only, audited, township must exist)', async (db) => {
  const app = await registryApp(db);
  const admin = await loginAs(app, db, 'admin');
  const clerk = await loginAs(app, db, 'clerk');
  const a = await addPerson(db, { villageCode: VILLAGE });
  await addEnrollment(db, a.psnNo);
  let res = await app.inject({
    method: 'PUT',
    url: `/api/registry/targets/${TOWNSHIP}/2026`,
    headers: { cookie: admin },
    payload: { target: 3 },
  });
  assert.equal(res.statusCode, 200, res.body);
  res = await app.inject({
    method: 'PUT',
    url: `/api/registry/targets/${TOWNSHIP}/2026`,
    headers: { cookie: admin },
    payload: { target: 2 },
  });
  const [au] = await db.query<{ before: { target: number }; after: { target: number } }>(
    `SELECT before, after FROM audit_entry WHERE action = 'enrollment_target.set' ORDER BY id DESC LIMIT 1`,
  );
  assert.deepEqual([au.before.target, au.after.target], [3, 2]);
  const before = await snapshot(db);
  res = await app.inject({
    method: 'PUT',
    url: `/api/registry/targets/${TOWNSHIP}/2026`,
    headers: { cookie: clerk },
    payload: { target: 5 },
  });
  assert.equal(res.statusCode, 403);
  res = await app.inject({
    method: 'PUT',
    url: '/api/registry/targets/410926199/2026',
    headers: { cookie: admin },
    payload: { target: 5 },
  });
  assert.equal(res.statusCode, 404);
  assert.equal(res.json().error.code, 'TOWNSHIP_NOT_FOUND');
  res = await app.inject({
    method: 'PUT',
    url: `/api/registry/targets/${TOWNSHIP}/2026`,
    headers: { cookie: admin },
    payload: { target: -1 },
  });
  assert.equal(res.statusCode, 400);
  // nothing written (the snapshot leaves out the refusal's own access.denied entry)
  assert.deepEqual(await snapshot(db), before);

  res = await app.inject({
    method: 'GET',
    url: '/api/registry/progress?year=2026',
    headers: { cookie: clerk },
  });
  const body = res.json();
  assert.equal(body.year, 2026);
  assert.deepEqual(body.county, { target: 2, insured: 1, subsidised: 0, rate: 5000 });
  assert.equal(body.townships[0].code, TOWNSHIP);
  assert.equal(body.townships[0].rank, 1);
  assert.equal(body.townships[1].rateBp, null);
  res = await app.inject({ method: 'GET', url: '/api/registry/progress', headers: { cookie: clerk } });
  assert.equal(res.statusCode, 400);
});
