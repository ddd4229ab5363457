// Settlements of one person serialise on their accumulator row: 60 stays settled at once through
// the HIS endpoint on PostgreSQL (a pool of 20 connections) end with accumulators equal to the
// sum of what was committed, the annual cap met exactly, and one first admission.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshDb } from '../../db/testing.ts';
import { wire } from '../his/testing.ts';
import { at, hisWorld } from '../his/testing.ts';

const A = 'XA01ABD075A002010100483';
const STAYS = 60;

test('parallel settlements of one person serialise (PostgreSQL)', {
  skip: !process.env.TEST_DATABASE_URL,
}, async () => {
  const { db, drop } = await freshDb('postgres', 20);
  try {
    const w = await hisWorld(db);
    const { psnNo, certno } = w.tekun;
    const t = w.other; // level 3: deductible 1,000 then 500; 65 %
    const visits: string[] = [];
    for (let i = 0; i < STAYS; i++) {
      const { result } = await t.ok(
        '2401',
        wire.admission(psnNo, '390', at('08:00', '2026-03-01'), `ZY${i}`, certno),
      );
      await t.ok(
        '2301',
        wire.fees(
          result.mdtrt_id,
          psnNo,
          [{ code: A, pricFen: 1_000_000, cnt: 1 }],
          at('09:00', '2026-03-02'),
          null,
        ),
      );
      await t.ok('2402', wire.discharge(result.mdtrt_id, psnNo, '390', at('10:00', '2026-03-03')));
      visits.push(result.mdtrt_id);
    }
    const replies = await Promise.all(
      visits.map((id) => t.call('2304', wire.inpatientSettle(psnNo, id, 1_000_000, certno))),
    );
    const failed = replies.filter((r) => r.json?.infcode !== 0);
    assert.deepEqual(
      failed.map((r) => r.text),
      [],
      'every settlement commits (they wait, they do not fail)',
    );

    const sums = (
      await db.query<Record<string, number>>(
        `SELECT count(*)::int AS n, sum(hifp_pay)::bigint AS basic, sum(act_pay_dedc)::bigint AS deductible,
                sum(hifmi_pay)::bigint AS ci, sum(maf_pay)::bigint AS maf, sum(inscp_scp_amt - hifp_pay)::bigint AS ci_base,
                count(*) FILTER (WHERE act_pay_dedc = 100000)::int AS first_admissions
           FROM settlement WHERE psn_no = $1 AND kind = 'settlement'`,
        [psnNo],
      )
    )[0];
    const acc = (
      await db.query<Record<string, number>>(
        `SELECT admissions, basic_fund_paid_fen AS basic, deductible_paid_fen AS deductible, critical_illness_paid_fen AS ci,
                assistance_paid_fen AS maf, critical_illness_base_fen AS ci_base
           FROM accumulator WHERE psn_no = $1 AND insutype = '390' AND year = 2026`,
        [psnNo],
      )
    )[0];
    assert.equal(sums.n, STAYS);
    assert.equal(sums.first_admissions, 1);
    assert.deepEqual(acc, {
      admissions: STAYS,
      basic: sums.basic,
      deductible: sums.deductible,
      ci: sums.ci,
      maf: sums.maf,
      ci_base: sums.ci_base,
    });
    // the basic fund's annual cap (150,000.00) binds exactly, never passed
    assert.equal(acc.basic, 15_000_000);
    assert.equal(acc.deductible, 100_000 + 50_000 * (STAYS - 1));
  } finally {
    await drop();
  }
});

test('the same message sent five times at once settles once and answers identically (PostgreSQL)', {
  skip: !process.env.TEST_DATABASE_URL,
}, async () => {
  const { db, drop } = await freshDb('postgres', 10);
  try {
    const w = await hisWorld(db);
    const { psnNo, certno } = w.ann;
    const t = w.hospital;
    const { data } = await t.ok('2201', wire.registration(psnNo, '390', at('09:00'), 'MZ1', certno));
    await t.ok('2204', wire.fees(data.mdtrt_id, psnNo, [{ code: A, pricFen: 5_000, cnt: 2 }], at('09:10')));
    const body = t.body('2207', wire.outpatientSettle(psnNo, data.mdtrt_id, 10_000, certno));
    const replies = await Promise.all(Array.from({ length: 5 }, () => t.send(body)));
    for (const r of replies) {
      assert.equal(r.json.infcode, 0, r.text);
      assert.deepEqual(r.json, replies[0].json);
    }
    const n = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM settlement`);
    assert.equal(n[0].n, 1);
  } finally {
    await drop();
  }
});
