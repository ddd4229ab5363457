// The institution list's qualification and township filters (the 定点机构 page's filter bar).
import assert from 'node:assert/strict';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import {
  registryApp,
  TOWNSHIP,
  TOWNSHIP_2,
  VILLAGE,
  VILLAGE_2,
  VILLAGE_OTHER_TOWNSHIP,
} from '../registry/testing.ts';
import { addInstitution } from './testing.ts';

dbTest('GET /institutions filters by qualification and by township, with the other filters', async (db) => {
  const app = await registryApp(db);
  const clerk = await loginAs(app, db, 'clerk');
  const a = await addInstitution(db, {
    name: '东街卫生室',
    kind: 'village_clinic',
    level: 1,
    villageCode: VILLAGE,
  });
  const b = await addInstitution(db, {
    name: '西街卫生室',
    kind: 'village_clinic',
    level: 1,
    villageCode: VILLAGE_2,
  });
  const c = await addInstitution(db, {
    name: '前进村卫生室',
    kind: 'village_clinic',
    level: 1,
    villageCode: VILLAGE_OTHER_TOWNSHIP,
  });
  const d = await addInstitution(db, { name: '县医院', level: 2, villageCode: null });
  await db.query('UPDATE institution SET qual_outpatient_pooling = true WHERE code = ANY($1)', [[a, c]]);
  await db.query('UPDATE institution SET qual_cross_province = true WHERE code = $1', [d]);
  const codes = async (query: string) => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/registry/institutions?${query}`,
      headers: { cookie: clerk },
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    const got = body.items.map((i: { code: string }) => i.code);
    assert.equal(body.total, got.length);
    return got;
  };
  assert.deepEqual(await codes(`townshipCode=${TOWNSHIP}`), [a, b]);
  assert.deepEqual(await codes(`townshipCode=${TOWNSHIP_2}`), [c]);
  assert.deepEqual(await codes('qual=outpatientPooling'), [a, c]);
  assert.deepEqual(await codes('qual=crossProvince'), [d]);
  assert.deepEqual(await codes('qual=specialOutpatient'), []);
  assert.deepEqual(await codes(`qual=outpatientPooling&townshipCode=${TOWNSHIP}&level=1`), [a]);
  assert.deepEqual(await codes('qual=outpatientPooling&kind=hospital'), []);

  for (const bad of ['qual=everything', 'townshipCode=4109']) {
    const res = await app.inject({
      method: 'GET',
      url: `/api/registry/institutions?${bad}`,
      headers: { cookie: clerk },
    });
    assert.equal(res.statusCode, 400, bad);
    assert.equal(res.json().error.code, 'VALIDATION_FAILED');
  }
});
