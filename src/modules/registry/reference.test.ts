// The reference data as the pickers read it: the county's places and the identity types.
import assert from 'node:assert/strict';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import { registryApp, TOWNSHIP, TOWNSHIP_2 } from './testing.ts';

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
