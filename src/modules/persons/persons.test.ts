import assert from 'node:assert/strict';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import { makeIdNumber } from '../../domain/registry/id-number.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { registerPerson } from './person-service.ts';
import { addEnrollment } from '../enrollment/testing.ts';
import { addIdentity, addPerson } from './testing.ts';
import { ADMDVS, registryApp, seedOnly, snapshot, TODAY, VILLAGE, VILLAGE_2 } from '../registry/testing.ts';

const certno = makeIdNumber(ADMDVS, '1968-07-09', 131); // male
const newPerson = { certno, name: '李建国', phone: '13838001234', villageCode: VILLAGE };

dbTest(
  'POST /persons registers a person with psn_no, ID-derived gender and birth date, masked',
  async (db) => {
    const app = await registryApp(db);
    const cookie = await loginAs(app, db, 'clerk');
    const res = await app.inject({
      method: 'POST',
      url: '/api/registry/persons',
      headers: { cookie },
      payload: newPerson,
    });
    assert.equal(res.statusCode, 201, res.body);
    const { person } = res.json();
    assert.match(person.psnNo, /^410926\d{10}$/);
    assert.equal(person.gender, '1');
    assert.equal(person.birthDate, '1968-07-09');
    assert.equal(person.age, 57);
    assert.equal(person.certno, `${certno.slice(0, 4)}**********${certno.slice(-4)}`);
    assert.equal(person.phone, '138****1234');
    const [row] = await db.query<{ certno: string }>('SELECT certno FROM person WHERE psn_no = $1', [
      person.psnNo,
    ]);
    assert.equal(row.certno, certno);
    const audits = await db.query(
      `SELECT 1 FROM audit_entry WHERE action = 'person.create' AND entity_id = $1`,
      [person.psnNo],
    );
    assert.equal(audits.length, 1);
  },
);

dbTest('a 15-digit legacy ID is stored converted', async (db) => {
  const app = await registryApp(db);
  const cookie = await loginAs(app, db, 'clerk');
  const legacy = `${certno.slice(0, 6)}${certno.slice(8, 17)}`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/registry/persons',
    headers: { cookie },
    payload: { ...newPerson, certno: legacy },
  });
  assert.equal(res.statusCode, 201, res.body);
  const [row] = await db.query<{ certno: string }>('SELECT certno FROM person');
  assert.equal(row.certno, certno);
});

dbTest('bad person input is refused with a code and nothing is written', async (db) => {
  const app = await registryApp(db);
  const cookie = await loginAs(app, db, 'clerk');
  await addPerson(db, { name: '已登记' });
  const [{ certno: taken }] = await db.query<{ certno: string }>('SELECT certno FROM person');
  const before = await snapshot(db);
  const cases: [Record<string, unknown>, number, string, string?][] = [
    [{ ...newPerson, gender: '2' }, 400, 'PERSON_GENDER_MISMATCH', 'gender'],
    [{ ...newPerson, birthDate: '1968-07-10' }, 400, 'PERSON_BIRTH_DATE_MISMATCH', 'birthDate'],
    [{ ...newPerson, phone: '1383800123' }, 400, 'PERSON_PHONE_FORMAT', 'phone'],
    [
      { ...newPerson, certno: `${certno.slice(0, 17)}${certno[17] === '1' ? '2' : '1'}` },
      400,
      'ID_CHECK_DIGIT',
      'certno',
    ],
    [{ ...newPerson, villageCode: '410926199001' }, 400, 'VILLAGE_NOT_FOUND', 'villageCode'],
    [{ ...newPerson, certno: taken }, 409, 'PERSON_DUPLICATE_CERTNO', 'certno'],
    [{ ...newPerson, name: 42 }, 400, 'VALIDATION_FAILED'],
    [{ ...newPerson, householdNo: 'NO-SUCH' }, 404, 'HOUSEHOLD_NOT_FOUND'],
  ];
  for (const [payload, status, code, field] of cases) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/registry/persons',
      headers: { cookie },
      payload,
    });
    assert.equal(res.statusCode, status, `${code}: ${res.body}`);
    assert.equal(res.json().error.code, code);
    if (field) assert.equal(res.json().error.details.field, field);
  }
  assert.deepEqual(await snapshot(db), before);
});

dbTest(
  'auth: 401 without session, 403 for roles that may not write, agents only in their village',
  async (db) => {
    const app = await registryApp(db);
    let res = await app.inject({ method: 'GET', url: '/api/registry/persons' });
    assert.equal(res.statusCode, 401);
    const leader = await loginAs(app, db, 'leader');
    res = await app.inject({
      method: 'POST',
      url: '/api/registry/persons',
      headers: { cookie: leader },
      payload: newPerson,
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'ROLE_FORBIDDEN');

    const agent = await loginAs(app, db, 'agent', VILLAGE_2);
    res = await app.inject({
      method: 'POST',
      url: '/api/registry/persons',
      headers: { cookie: agent },
      payload: newPerson,
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'AGENT_OUTSIDE_VILLAGE');
    res = await app.inject({
      method: 'POST',
      url: '/api/registry/persons',
      headers: { cookie: agent },
      payload: { ...newPerson, villageCode: VILLAGE_2 },
    });
    assert.equal(res.statusCode, 201, res.body);

    const { psnNo: elsewhere } = await addPerson(db, { villageCode: VILLAGE });
    res = await app.inject({
      method: 'GET',
      url: `/api/registry/persons/${elsewhere}`,
      headers: { cookie: agent },
    });
    assert.equal(res.json().error.code, 'AGENT_OUTSIDE_VILLAGE');
    res = await app.inject({
      method: 'PATCH',
      url: `/api/registry/persons/${elsewhere}`,
      headers: { cookie: agent },
      payload: { phone: '13900000000' },
    });
    assert.equal(res.statusCode, 403);
    // the agent's list shows only the own village
    res = await app.inject({ method: 'GET', url: '/api/registry/persons', headers: { cookie: agent } });
    assert.deepEqual(
      res.json().items.map((p: { villageCode: string }) => p.villageCode),
      [VILLAGE_2],
    );
    res = await app.inject({
      method: 'GET',
      url: `/api/registry/persons?villageCode=${VILLAGE}`,
      headers: { cookie: agent },
    });
    assert.equal(res.statusCode, 403);
  },
);

dbTest('GET /persons filters, paginates and shows open identities and 390 coverage', async (db) => {
  const app = await registryApp(db);
  const cookie = await loginAs(app, db, 'reviewer');
  const a = await addPerson(db, { name: '王秀英', villageCode: VILLAGE });
  const b = await addPerson(db, { name: '王小明', villageCode: VILLAGE_2 });
  await addPerson(db, { name: '赵四', villageCode: VILLAGE_2, status: 'moved_out' });
  await addIdentity(db, a.psnNo, 'dibao', '2025-01-01');
  await addIdentity(db, b.psnNo, 'tekun', '2020-01-01', '2025-12-31'); // ended: not open today
  await addEnrollment(db, a.psnNo, { beginDate: '2026-01-01' });

  let res = await app.inject({
    method: 'GET',
    url: '/api/registry/persons?name=王&pageSize=1',
    headers: { cookie },
  });
  let body = res.json();
  assert.equal(body.total, 2);
  assert.equal(body.items.length, 1);
  assert.equal(body.pageSize, 1);
  res = await app.inject({ method: 'GET', url: '/api/registry/persons?name=王', headers: { cookie } });
  body = res.json();
  const byName = Object.fromEntries(body.items.map((p: { name: string }) => [p.name, p]));
  assert.deepEqual(byName.王秀英.identities, ['dibao']);
  assert.equal(byName.王秀英.enrolled390, true);
  assert.equal(byName.王秀英.villageName, '东街村');
  assert.equal(byName.王秀英.townshipName, '城关镇');
  assert.deepEqual(byName.王小明.identities, []);
  assert.equal(byName.王小明.enrolled390, false);
  assert.match(byName.王小明.certno, /\*{10}/);

  res = await app.inject({ method: 'GET', url: '/api/registry/persons?identity=dibao', headers: { cookie } });
  assert.deepEqual(
    res.json().items.map((p: { psnNo: string }) => p.psnNo),
    [a.psnNo],
  );
  res = await app.inject({
    method: 'GET',
    url: `/api/registry/persons?certno=${b.certno}`,
    headers: { cookie },
  });
  assert.deepEqual(
    res.json().items.map((p: { psnNo: string }) => p.psnNo),
    [b.psnNo],
  );
  res = await app.inject({
    method: 'GET',
    url: '/api/registry/persons?status=moved_out',
    headers: { cookie },
  });
  assert.equal(res.json().total, 1);
  res = await app.inject({ method: 'GET', url: '/api/registry/persons?status=bogus', headers: { cookie } });
  assert.equal(res.statusCode, 400);
});

dbTest('reveal returns full certno and phone for PII roles, audited; others 403', async (db) => {
  const app = await registryApp(db);
  const { psnNo, certno: full } = await addPerson(db, { phone: '13912345678' });
  const auditor = await loginAs(app, db, 'auditor');
  let res = await app.inject({
    method: 'POST',
    url: `/api/registry/persons/${psnNo}/reveal`,
    headers: { cookie: auditor },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { certno: full, phone: '13912345678' });
  const entries = await db.query<{ actor_name: string }>(
    `SELECT actor_name FROM audit_entry WHERE action = 'person.reveal' AND entity_id = $1`,
    [psnNo],
  );
  assert.equal(entries.length, 1);
  assert.match(entries[0].actor_name, /^auditor_/);
  for (const role of ['leader', 'agent'] as const) {
    const cookie = await loginAs(app, db, role, VILLAGE);
    res = await app.inject({
      method: 'POST',
      url: `/api/registry/persons/${psnNo}/reveal`,
      headers: { cookie },
    });
    assert.equal(res.statusCode, 403, role);
  }
  res = await app.inject({
    method: 'POST',
    url: '/api/registry/persons/4109260000009999/reveal',
    headers: { cookie: auditor },
  });
  assert.equal(res.statusCode, 404);
  assert.equal(res.json().error.code, 'PERSON_NOT_FOUND');
});

dbTest('PATCH corrects phone, name and village, audited before/after', async (db) => {
  const app = await registryApp(db);
  const cookie = await loginAs(app, db, 'clerk');
  const { psnNo } = await addPerson(db, { name: '张三' });
  let res = await app.inject({
    method: 'PATCH',
    url: `/api/registry/persons/${psnNo}`,
    headers: { cookie },
    payload: { phone: '0393-5512345', name: '张叁', villageCode: VILLAGE_2 },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().person.name, '张叁');
  assert.equal(res.json().person.villageCode, VILLAGE_2);
  const [a] = await db.query<{ before: { name: string }; after: { name: string; phone: string } }>(
    `SELECT before, after FROM audit_entry WHERE action = 'person.update'`,
  );
  assert.equal(a.before.name, '张三');
  assert.equal(a.after.phone, '0393-5512345');
  res = await app.inject({
    method: 'PATCH',
    url: `/api/registry/persons/${psnNo}`,
    headers: { cookie },
    payload: { phone: 'abc' },
  });
  assert.equal(res.json().error.code, 'PERSON_PHONE_FORMAT');
  res = await app.inject({
    method: 'PATCH',
    url: '/api/registry/persons/4109260000009999',
    headers: { cookie },
    payload: { name: '某' },
  });
  assert.equal(res.statusCode, 404);
});

dbTest('two parallel registrations of one ID: one person, the other PERSON_DUPLICATE_CERTNO', async (db) => {
  await seedOnly(db);
  const results = await Promise.allSettled(
    [0, 1].map(() => db.tx((tx) => registerPerson(tx, SYSTEM_ACTOR, newPerson, TODAY))),
  );
  assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
  const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
  assert.equal(rejected.reason.code, 'PERSON_DUPLICATE_CERTNO');
  assert.equal((await db.query('SELECT 1 FROM person')).length, 1);
});

dbTest('GET /persons/:psnNo returns the person file, masked, with enrollments and identities', async (db) => {
  const app = await registryApp(db);
  const cookie = await loginAs(app, db, 'leader');
  const { psnNo } = await addPerson(db, { name: '孙丽', phone: '13700001111' });
  await addIdentity(db, psnNo, 'tuopin', '2021-01-01');
  await addEnrollment(db, psnNo, { assistedFen: 20000, assistedIdentity: 'tuopin' });
  const res = await app.inject({ method: 'GET', url: `/api/registry/persons/${psnNo}`, headers: { cookie } });
  assert.equal(res.statusCode, 200, res.body);
  const f = res.json();
  assert.equal(f.person.name, '孙丽');
  assert.equal(f.person.phone, '137****1111');
  assert.match(f.person.certno, /^4109\*{10}\d{3}[\dX]$/);
  assert.equal(f.household, null);
  assert.deepEqual(
    f.identities.map((i: { code: string; name: string }) => [i.code, i.name]),
    [['tuopin', '脱贫人口']],
  );
  assert.equal(f.enrollments[0].assistedFen, 20000);
  assert.deepEqual(f.statusHistory, []);
  const missing = await app.inject({
    method: 'GET',
    url: '/api/registry/persons/4109260000009999',
    headers: { cookie },
  });
  assert.equal(missing.statusCode, 404);
  const bad = await app.inject({ method: 'GET', url: '/api/registry/persons/abc', headers: { cookie } });
  assert.equal(bad.statusCode, 400);
});
