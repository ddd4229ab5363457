// The special-group counts: an identity type marked sensitive (涉毒 by default) is counted only
// for the roles that may see it; the leader and the reviewer get neither its row nor its holders
// in the de-duplicated total.
import assert from 'node:assert/strict';
import { dbTest } from '../../db/testing.ts';
import { addIdentity, addPerson } from '../persons/testing.ts';
import { registryApp } from '../registry/testing.ts';
import { loginInRegion } from './testing.ts';

dbTest('special groups: sensitive identity counts only for the roles that may see them', async (db) => {
  const app = await registryApp(db);
  try {
    const both = await addPerson(db);
    await addIdentity(db, both.psnNo, 'dibao', '2025-01-01');
    await addIdentity(db, both.psnNo, 'shedu', '2025-01-01');
    const onlySensitive = await addPerson(db);
    await addIdentity(db, onlySensitive.psnNo, 'shedu', '2025-01-01');
    const groups = async (role: 'admin' | 'auditor' | 'leader' | 'reviewer') => {
      const cookie = await loginInRegion(app, db, role, '410926');
      const res = await app.inject({
        method: 'GET',
        url: '/api/dashboard/special-groups',
        headers: { cookie },
      });
      assert.equal(res.statusCode, 200, res.body);
      const d = res.json();
      const shedu = d.items.find((i: { code: string }) => i.code === 'shedu');
      return [shedu?.holders ?? null, d.total.holders];
    };
    assert.deepEqual(await groups('admin'), [2, 2]);
    assert.deepEqual(await groups('auditor'), [2, 2]);
    assert.deepEqual(await groups('leader'), [null, 1]);
    assert.deepEqual(await groups('reviewer'), [null, 1]);
  } finally {
    await app.close();
  }
});
