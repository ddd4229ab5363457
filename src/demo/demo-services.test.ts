// The demo county seeds on any day: a step whose working-day limit needs a calendar year not loaded
// is left out (the year of service work itself is checked in demo-supervision.test.ts, on its seed).
import assert from 'node:assert/strict';
import { dbTest } from '../db/testing.ts';
import { seedDemoCounty } from './seed-county.ts';

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
