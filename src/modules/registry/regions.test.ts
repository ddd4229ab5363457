// Regions are data: the province's codes are there after migrating, an admin adds and edits any
// other region (audited), a bad one is refused with its code and writes nothing.
import assert from 'node:assert/strict';
import { loginAs, testApp } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import { loadReferenceData } from '../../db/migrate.ts';

const NOW = new Date('2026-03-15T06:00:00Z');

dbTest('every prefecture and county of 河南省 is a region after migrating, loaded once', async (db) => {
  const count = async () =>
    (
      await db.query<{ n: number; prefectures: number; counties: number }>(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE level = 'prefecture')::int AS prefectures,
                count(*) FILTER (WHERE level = 'county')::int AS counties
           FROM region WHERE admdvs LIKE '41%'`,
      )
    )[0];
  assert.deepEqual(await count(), { n: 175, prefectures: 17, counties: 157 });
  const some = await db.query(
    `SELECT admdvs, name, level, parent FROM region WHERE admdvs IN ('410000', '410100', '410105', '410926', '419001') ORDER BY admdvs`,
  );
  assert.deepEqual(some, [
    { admdvs: '410000', name: '河南省', level: 'province', parent: null },
    { admdvs: '410100', name: '郑州市', level: 'prefecture', parent: '410000' },
    { admdvs: '410105', name: '金水区', level: 'county', parent: '410100' },
    { admdvs: '410926', name: '范县', level: 'county', parent: '410900' },
    { admdvs: '419001', name: '济源市', level: 'county', parent: '410000' },
  ]);
  // an admin's correction survives the next start
  await db.query(`UPDATE region SET name = '金水区（改）' WHERE admdvs = '410105'`);
  await loadReferenceData(db);
  assert.equal((await count()).n, 175);
  const [r] = await db.query<{ name: string }>(`SELECT name FROM region WHERE admdvs = '410105'`);
  assert.equal(r.name, '金水区（改）');
});

dbTest('an admin adds and edits a region of another province, audited', async (db) => {
  const app = await testApp(db, () => NOW);
  const cookie = await loginAs(app, db, 'admin');
  const post = (payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/registry/regions', headers: { cookie }, payload });

  const province = await post({ admdvs: '320000', name: '江苏省' });
  assert.equal(province.statusCode, 201, province.body);
  assert.equal(province.json().level, 'province');
  assert.equal((await post({ admdvs: '320100', name: '南京市', parent: '320000' })).statusCode, 201);
  const county = await post({ admdvs: '320102', name: ' 玄武区 ', parent: '320100' });
  assert.deepEqual(county.json(), {
    admdvs: '320102',
    name: '玄武区',
    level: 'county',
    parent: '320100',
    parentName: '南京市',
    institutions: 0,
  });
  const edited = await app.inject({
    method: 'PUT',
    url: '/api/registry/regions/320102',
    headers: { cookie },
    payload: { name: '南京市玄武区', parent: '320100' },
  });
  assert.equal(edited.statusCode, 200, edited.body);
  assert.equal(edited.json().name, '南京市玄武区');

  const list = await app.inject({ url: '/api/registry/regions?parent=320100', headers: { cookie } });
  assert.deepEqual(
    list.json().items.map((r: { admdvs: string }) => r.admdvs),
    ['320102'],
  );
  const trail = await db.query<{ action: string; entityId: string }>(
    `SELECT action, entity_id AS "entityId" FROM audit_entry WHERE entity = 'region' ORDER BY id`,
  );
  assert.deepEqual(trail, [
    { action: 'region.create', entityId: '320000' },
    { action: 'region.create', entityId: '320100' },
    { action: 'region.create', entityId: '320102' },
    { action: 'region.update', entityId: '320102' },
  ]);
});

dbTest('a bad region is refused with its code and writes nothing; a clerk may not add one', async (db) => {
  const app = await testApp(db, () => NOW);
  const admin = await loginAs(app, db, 'admin');
  const state = async () =>
    (
      await db.query<{ regions: number; audits: number }>(
        `SELECT (SELECT count(*)::int FROM region) AS regions,
                (SELECT count(*)::int FROM audit_entry WHERE entity = 'region') AS audits`,
      )
    )[0];
  const before = await state();
  const cases: [Record<string, unknown>, number, string][] = [
    [{ admdvs: '32010', name: '某区' }, 400, 'REGION_CODE_FORMAT'],
    [{ admdvs: '32010X', name: '某区' }, 400, 'REGION_CODE_FORMAT'],
    [{ admdvs: '320102', name: '   ' }, 400, 'REGION_NAME_REQUIRED'],
    [{ admdvs: '320102', name: '玄武区', parent: '320100' }, 400, 'REGION_PARENT_NOT_FOUND'],
    [{ admdvs: '320102', name: '玄武区', parent: '410100' }, 400, 'REGION_PARENT_PROVINCE'],
    [{ admdvs: '410105', name: '金水区' }, 409, 'REGION_DUPLICATE'],
  ];
  for (const [payload, status, code] of cases) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/registry/regions',
      headers: { cookie: admin },
      payload,
    });
    assert.equal(res.statusCode, status, `${JSON.stringify(payload)}: ${res.body}`);
    assert.equal(res.json().error.code, code);
    assert.match(res.json().error.message, /[\u4e00-\u9fa5]/);
  }
  const missing = await app.inject({
    method: 'PUT',
    url: '/api/registry/regions/329999',
    headers: { cookie: admin },
    payload: { name: '某县' },
  });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().error.code, 'REGION_NOT_FOUND');

  const clerk = await loginAs(app, db, 'clerk');
  const refused = await app.inject({
    method: 'POST',
    url: '/api/registry/regions',
    headers: { cookie: clerk },
    payload: { admdvs: '320102', name: '玄武区' },
  });
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().error.code, 'ROLE_FORBIDDEN');
  const seen = await app.inject({ url: '/api/registry/regions?q=金水', headers: { cookie: clerk } });
  assert.equal(seen.statusCode, 200);
  assert.equal(seen.json().items[0].name, '金水区');
  assert.deepEqual(await state(), before);
});
