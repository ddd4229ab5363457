// The demo county's year of service work: matters completed, open and past due, ratings with the
// odd 差评 and its rectification, 12345 tickets through their loop — every statistic has data.
import assert from 'node:assert/strict';
import { dbTest } from '../../db/testing.ts';
import { seedDemoCounty } from './seed-county.ts';

dbTest('demo services: a year of matters, ratings and tickets', async (db) => {
  const s = await seedDemoCounty(db, { persons: 1200, seed: 2026, today: '2026-12-03', settlements: 30 });
  assert.ok(s.services);
  const n = async (sql: string) => (await db.query<{ n: number }>(sql))[0].n;
  assert.equal(await n('SELECT count(*)::int AS n FROM matter'), s.services.matters);
  const months = await n(`SELECT count(DISTINCT to_char(accepted_on, 'YYYY-MM'))::int AS n FROM matter`);
  assert.ok(months >= 10, `matters over the year: ${months} months`);
  const byState = await db.query<{ state: string; n: number }>(
    `SELECT c.state, count(*)::int AS n FROM matter m JOIN workflow_case c ON c.id = m.case_id GROUP BY 1`,
  );
  const states = Object.fromEntries(byState.map((x) => [x.state, x.n]));
  assert.ok(states.completed > s.services.matters * 0.8, JSON.stringify(states));
  assert.ok(states.accepted > 0, 'some still under way');
  const ratings = await n('SELECT count(*)::int AS n FROM rating');
  assert.ok(ratings >= s.services.rated);
  const good = await n('SELECT count(*)::int AS n FROM rating WHERE overall >= 4');
  assert.ok(good / ratings > 0.85, `好评率 ${good / ratings}`);
  const tickets = await db.query<{ state: string; n: number }>(
    `SELECT c.state, count(*)::int AS n FROM ticket t JOIN workflow_case c ON c.id = t.case_id GROUP BY 1`,
  );
  const ts = Object.fromEntries(tickets.map((x) => [x.state, x.n]));
  assert.ok(ts.evaluated > 0, JSON.stringify(ts));
});

for (const today of ['2026-12-28', '2031-06-16']) {
  dbTest(
    `the demo seeds on ${today} too: what needs a calendar year not loaded is left out, nothing fails`,
    async (db) => {
      const s = await seedDemoCounty(db, { persons: 300, seed: 7, today, settlements: 12 });
      assert.ok(s.services && s.supervision);
      assert.ok(s.services.completed <= s.services.matters);
      const settled = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM settlement');
      assert.ok(settled[0].n > 0);
    },
  );
}
