// The institutions' routes end to end: search, detail, the admin's create and update with their refusals.
import assert from 'node:assert/strict';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import { addInstitution } from './testing.ts';
import { registryApp, snapshot } from '../registry/testing.ts';

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
