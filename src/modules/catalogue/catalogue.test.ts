// The catalogue's routes end to end: search, detail, the admin's create and update with their refusals.
import assert from 'node:assert/strict';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import { addCatalogueItem } from './testing.ts';
import { registryApp, snapshot } from '../registry/testing.ts';

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
  // created long ago (as far as the update below can tell): the update marks it changed
  await db.query(
    `UPDATE catalogue_item SET created_at = '2000-01-01', updated_at = '2000-01-01' WHERE id = $1`,
    [id],
  );
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
  // a HIS syncing by updt_time (1312) sees the change
  const [times] = await db.query<{ changed: boolean; created: string }>(
    `SELECT updated_at > '2000-01-01' AS changed, created_at::date::text AS created FROM catalogue_item WHERE id = $1`,
    [id],
  );
  assert.deepEqual(times, { changed: true, created: '2000-01-01' });
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
