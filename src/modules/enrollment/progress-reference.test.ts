import assert from 'node:assert/strict';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import { enrollmentProgress } from './progress-service.ts';
import {
  addCatalogueItem,
  addInstitution,
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

dbTest('locations and identity types', async (db) => {
  const app = await registryApp(db);
  const cookie = await loginAs(app, db, 'leader');
  let res = await app.inject({ method: 'GET', url: '/api/registry/locations', headers: { cookie } });
  const loc = res.json();
  assert.deepEqual(loc.region, { admdvs: '410926', name: '范县' });
  assert.deepEqual(
    loc.townships.map((t: { code: string; villages: unknown[] }) => [t.code, t.villages.length]),
    [
      [TOWNSHIP, 2],
      [TOWNSHIP_2, 1],
    ],
  );
  res = await app.inject({ method: 'GET', url: '/api/registry/identity-types', headers: { cookie } });
  const dibao = res.json().items.find((i: { code: string }) => i.code === 'dibao');
  assert.deepEqual(dibao, {
    code: 'dibao',
    name: '低保',
    department: '民政',
    subsidisesEnrollment: true,
    sensitive: false,
  });
});

dbTest('institutions: search, detail, admin create/update with validation', async (db) => {
  const app = await registryApp(db);
  const admin = await loginAs(app, db, 'admin');
  const clerk = await loginAs(app, db, 'clerk');
  await addInstitution(db, { name: '范县人民医院', level: 2 });
  await addInstitution(db, { name: '大药房', kind: 'pharmacy' });
  let res = await app.inject({
    method: 'GET',
    url: '/api/registry/institutions?q=医院',
    headers: { cookie: clerk },
  });
  assert.equal(res.json().total, 1);
  res = await app.inject({
    method: 'GET',
    url: '/api/registry/institutions?kind=pharmacy',
    headers: { cookie: clerk },
  });
  assert.equal(res.json().items[0].name, '大药房');
  const hosp = {
    code: 'H41092600999',
    admdvs: '410926',
    name: '范县中医院',
    kind: 'hospital',
    level: 2,
    agreementFrom: '2026-01-01',
    agreementTo: '2027-12-31',
    qualSpecialOutpatient: true,
  };
  const before = await snapshot(db);
  for (const [payload, code] of [
    [{ ...hosp, level: null }, 'INSTITUTION_LEVEL_REQUIRED'],
    [{ ...hosp, code: 'H123' }, 'VALIDATION_FAILED'],
    [{ ...hosp, kind: 'pharmacy', level: null }, 'INSTITUTION_CODE_FORMAT'],
    [{ ...hosp, agreementTo: '2025-01-01' }, 'PERIOD_INVALID'],
    [{ ...hosp, admdvs: '410999' }, 'REGION_NOT_FOUND'],
  ] as const) {
    res = await app.inject({
      method: 'POST',
      url: '/api/registry/institutions',
      headers: { cookie: admin },
      payload,
    });
    assert.equal(res.statusCode, 400, code);
    assert.equal(res.json().error.code, code);
  }
  res = await app.inject({
    method: 'POST',
    url: '/api/registry/institutions',
    headers: { cookie: clerk },
    payload: hosp,
  });
  assert.equal(res.statusCode, 403);
  // nothing written (the snapshot leaves out the refusal's own access.denied entry)
  assert.deepEqual(await snapshot(db), before);
  res = await app.inject({
    method: 'POST',
    url: '/api/registry/institutions',
    headers: { cookie: admin },
    payload: hosp,
  });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().institution.qualSpecialOutpatient, true);
  res = await app.inject({
    method: 'POST',
    url: '/api/registry/institutions',
    headers: { cookie: admin },
    payload: hosp,
  });
  assert.equal(res.json().error.code, 'INSTITUTION_DUPLICATE');
  const { code: _c, ...rest } = hosp;
  res = await app.inject({
    method: 'PUT',
    url: `/api/registry/institutions/${hosp.code}`,
    headers: { cookie: admin },
    payload: { ...rest, level: 3 },
  });
  assert.equal(res.json().institution.level, 3);
  res = await app.inject({
    method: 'GET',
    url: `/api/registry/institutions/${hosp.code}`,
    headers: { cookie: clerk },
  });
  assert.equal(res.json().institution.agreementTo, '2027-12-31');
  res = await app.inject({
    method: 'GET',
    url: '/api/registry/institutions/H00000000000',
    headers: { cookie: clerk },
  });
  assert.equal(res.statusCode, 404);
  res = await app.inject({
    method: 'PUT',
    url: '/api/registry/institutions/H00000000000',
    headers: { cookie: admin },
    payload: rest,
  });
  assert.equal(res.json().error.code, 'INSTITUTION_NOT_FOUND');
});

dbTest('catalogue: search, detail, admin create/update with validation', async (db) => {
  const app = await registryApp(db);
  const admin = await loginAs(app, db, 'admin');
  const clerk = await loginAs(app, db, 'clerk');
  await addCatalogueItem(db, { name: '阿莫西林胶囊', chrgitmLv: '01' });
  await addCatalogueItem(db, { name: '头孢克肟片', chrgitmLv: '02', firstShareBp: 1000 });
  let res = await app.inject({
    method: 'GET',
    url: '/api/registry/catalogue?chrgitmLv=02',
    headers: { cookie: clerk },
  });
  assert.equal(res.json().total, 1);
  assert.equal(res.json().items[0].firstShareBp, 1000);
  res = await app.inject({
    method: 'GET',
    url: '/api/registry/catalogue?q=阿莫',
    headers: { cookie: clerk },
  });
  assert.equal(res.json().items[0].name, '阿莫西林胶囊');
  const item = {
    code: 'XJ01CRA040E001',
    name: '阿莫西林克拉维酸钾片',
    kind: 'drug',
    chrgitmLv: '02',
    firstShareBp: 500,
    priceCapFen: 2580,
    minAge: 12,
    validFrom: '2026-01-01',
  };
  const before = await snapshot(db);
  for (const [payload, code] of [
    [{ ...item, chrgitmLv: '01' }, 'CATALOGUE_FIRST_SHARE'],
    [{ ...item, maxAge: 6 }, 'CATALOGUE_AGE_LIMIT'],
    [{ ...item, validTo: '2025-01-01' }, 'PERIOD_INVALID'],
    [{ ...item, priceCapFen: 0 }, 'VALIDATION_FAILED'],
  ] as const) {
    res = await app.inject({
      method: 'POST',
      url: '/api/registry/catalogue',
      headers: { cookie: admin },
      payload,
    });
    assert.equal(res.statusCode, 400, code);
    assert.equal(res.json().error.code, code);
  }
  assert.deepEqual(await snapshot(db), before);
  res = await app.inject({
    method: 'POST',
    url: '/api/registry/catalogue',
    headers: { cookie: admin },
    payload: item,
  });
  assert.equal(res.statusCode, 201, res.body);
  const id = res.json().item.id;
  res = await app.inject({
    method: 'POST',
    url: '/api/registry/catalogue',
    headers: { cookie: admin },
    payload: item,
  });
  assert.equal(res.json().error.code, 'CATALOGUE_DUPLICATE');
  res = await app.inject({
    method: 'PUT',
    url: `/api/registry/catalogue/${id}`,
    headers: { cookie: admin },
    payload: { ...item, priceCapFen: 2400, genderLimit: '2' },
  });
  assert.equal(res.json().item.priceCapFen, 2400);
  res = await app.inject({ method: 'GET', url: `/api/registry/catalogue/${id}`, headers: { cookie: clerk } });
  assert.equal(res.json().item.genderLimit, '2');
  res = await app.inject({
    method: 'GET',
    url: '/api/registry/catalogue/999999',
    headers: { cookie: clerk },
  });
  assert.equal(res.json().error.code, 'CATALOGUE_NOT_FOUND');
  res = await app.inject({ method: 'GET', url: '/api/registry/catalogue/abc', headers: { cookie: clerk } });
  assert.equal(res.statusCode, 400);
  res = await app.inject({
    method: 'POST',
    url: '/api/registry/catalogue',
    headers: { cookie: clerk },
    payload: item,
  });
  assert.equal(res.statusCode, 403);
});
