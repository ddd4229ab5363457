// The demo county's bills look like a county's: the funds pay 55–70 % of inpatient costs (published
// national figures for resident inpatient care), outpatient pooling pays small amounts, prices sit
// mostly at or under their payment standards.
import assert from 'node:assert/strict';
import { dbTest } from '../db/testing.ts';
import { seedDemoCounty } from './seed-county.ts';

dbTest(
  'demo settlements: inpatient fund share 55–70 %, small outpatient pooling, prices mostly within caps',
  async (db) => {
    await seedDemoCounty(db, {
      persons: 1200,
      seed: 2026,
      today: '2026-12-03',
      settlements: 160,
      extras: false,
    });
    const rows = await db.query<{ clr: string; n: number; total: string; fund: string }>(
      `SELECT clr_type AS clr, count(*)::int AS n, sum(medfee_sumamt)::text AS total, sum(fund_pay_sumamt)::text AS fund
       FROM settlement WHERE kind = 'settlement' AND reversed_by IS NULL GROUP BY clr_type`,
    );
    const by = Object.fromEntries(rows.map((r) => [r.clr, r]));
    const inpatient = by['21']!;
    const shareBp = Math.round((Number(inpatient.fund) * 10000) / Number(inpatient.total));
    assert.ok(shareBp >= 5500 && shareBp <= 7000, `inpatient fund share ${shareBp / 100} %`);
    const outpatient = by['11']!;
    assert.ok(outpatient.n > inpatient.n, 'more outpatient visits than stays');
    assert.ok(
      Number(outpatient.fund) / outpatient.n < 10_000,
      'outpatient pooling pays under 100 元 a visit on average',
    );
    const lines = await db.query<{ over: number; all: number }>(
      `SELECT count(*) FILTER (WHERE overlmt_amt > 0)::int AS over, count(*)::int AS "all" FROM fee_line WHERE NOT cancelled`,
    );
    assert.ok(
      lines[0]!.over * 10 < lines[0]!.all,
      `${lines[0]!.over} of ${lines[0]!.all} lines above their cap`,
    );
  },
);
