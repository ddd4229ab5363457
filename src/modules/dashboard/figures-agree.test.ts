// The dashboard's 资助参保 figures agree everywhere and each figure lists its persons. The demo showed
// 545 subsidised at the top and 532 in the special-group table: the table counted the subsidised
// among those holding an identity on the day it was read, so persons whose 低保 ended during the
// year dropped out. Both now count the registry's one definition (coverage-queries.ts).
import assert from 'node:assert/strict';
import { dbTest } from '../../db/testing.ts';
import { addEnrollment } from '../enrollment/testing.ts';
import { addIdentity, addPerson } from '../persons/testing.ts';
import { TOWNSHIP, VILLAGE_OTHER_TOWNSHIP, registryApp } from '../registry/testing.ts';
import { loginInRegion } from './testing.ts';

dbTest(
  '资助参保 agrees at the top, in the table and in the drill-downs; the 特困 gap lists its persons',
  async (db) => {
    const app = await registryApp(db); // today 2026-03-15
    try {
      const person = async (village?: string) =>
        (await addPerson(db, village ? { villageCode: village } : {})).psnNo;
      // subsidised under 低保 held all year
      const a = await person();
      await addIdentity(db, a, 'dibao', '2025-01-01');
      await addEnrollment(db, a, { personalFen: 20000, assistedFen: 20000, assistedIdentity: 'dibao' });
      // subsidised under 低保 that ended in February (the case the old table dropped)
      const b = await person(VILLAGE_OTHER_TOWNSHIP);
      await addIdentity(db, b, 'dibao', '2024-01-01', '2026-02-28');
      await addEnrollment(db, b, { personalFen: 20000, assistedFen: 20000, assistedIdentity: 'dibao' });
      // subsidised under an identity not on file (a ledger import, or a reason given at the counter)
      const c = await person();
      await addEnrollment(db, c, { personalFen: 0, assistedFen: 40000, assistedIdentity: 'tuopin' });
      // 特困: one fully subsidised, one insured paying himself, one not insured
      const t1 = await person();
      await addIdentity(db, t1, 'tekun', '2020-01-01');
      await addEnrollment(db, t1, { personalFen: 0, assistedFen: 40000, assistedIdentity: 'tekun' });
      const t2 = await person();
      await addIdentity(db, t2, 'tekun', '2020-01-01');
      await addEnrollment(db, t2);
      const t3 = await person(VILLAGE_OTHER_TOWNSHIP);
      await addIdentity(db, t3, 'tekun', '2020-01-01');

      const leader = await loginInRegion(app, db, 'leader', '410926');
      const get = async (url: string) => {
        const res = await app.inject({ method: 'GET', url, headers: { cookie: leader } });
        assert.equal(res.statusCode, 200, res.body);
        return res.json();
      };
      const top = await get('/api/dashboard/enrollment?year=2026');
      const groups = await get('/api/dashboard/special-groups?year=2026');
      assert.equal(top.county.subsidised, 4);
      assert.equal(groups.total.subsidised, top.county.subsidised);
      const row = (code: string) => groups.items.find((i: { code: string }) => i.code === code);
      assert.deepEqual(
        [row('dibao').holders, row('dibao').subsidised, row('tekun').holders, row('tekun').subsidised],
        [2, 2, 3, 1],
      );
      assert.equal(row('tekun').subsidisedRateBp, 3333);
      assert.deepEqual([row('tuopin').holders, row('tuopin').subsidised], [0, 1]);
      assert.equal(row('tekun').unsubsidised, 2);

      const persons = async (q: string) => {
        const r = await get(`/api/dashboard/persons?year=2026&${q}`);
        return { total: r.total, psnNos: r.items.map((p: { psnNo: string }) => p.psnNo).sort() };
      };
      const sorted = (...xs: string[]) => [...xs].sort();
      // every figure lists exactly the persons it counts
      assert.deepEqual(await persons('figure=subsidised'), { total: 4, psnNos: sorted(a, b, c, t1) });
      assert.deepEqual(await persons('figure=insured'), { total: 5, psnNos: sorted(a, b, c, t1, t2) });
      assert.equal(top.county.insured, 5);
      const town = top.townships.find((t: { code: string }) => t.code === TOWNSHIP);
      const inTown = await persons(`figure=subsidised&townshipCode=${TOWNSHIP}`);
      assert.equal(inTown.total, town.subsidised);
      assert.deepEqual(inTown.psnNos, sorted(a, c, t1));
      assert.deepEqual(await persons('figure=groupSubsidised&code=dibao'), {
        total: 2,
        psnNos: sorted(a, b),
      });
      assert.deepEqual(await persons('figure=holders&code=tekun'), { total: 3, psnNos: sorted(t1, t2, t3) });
      assert.deepEqual(await persons('figure=enrolled&code=tekun'), { total: 2, psnNos: sorted(t1, t2) });
      // the 特困 below 100 %: who is behind the gap
      const gap = await get('/api/dashboard/persons?year=2026&figure=unsubsidised&code=tekun');
      assert.deepEqual(
        gap.items
          .map((p: { psnNo: string; insured: boolean; certno: string }) => [p.psnNo, p.insured])
          .sort(),
        [
          [t2, true],
          [t3, false],
        ].sort(),
      );
      assert.match(gap.items[0].certno, /\*{10}/);
      // paging keeps the total
      const page2 = await get('/api/dashboard/persons?year=2026&figure=insured&page=2&pageSize=2');
      assert.deepEqual([page2.total, page2.items.length], [5, 2]);
    } finally {
      await app.close();
    }
  },
);

dbTest('a role without need-to-know cannot list a sensitive identity', async (db) => {
  const app = await registryApp(db);
  try {
    const [sensitive] = await db.query<{ code: string }>(
      'SELECT code FROM identity_type WHERE sensitive LIMIT 1',
    );
    assert.ok(sensitive, 'the seed marks a sensitive identity type');
    const cookie = await loginInRegion(app, db, 'reviewer', '410926');
    const res = await app.inject({
      method: 'GET',
      url: `/api/dashboard/persons?figure=holders&code=${sensitive.code}`,
      headers: { cookie },
    });
    assert.equal(res.statusCode, 403, res.body);
  } finally {
    await app.close();
  }
});
