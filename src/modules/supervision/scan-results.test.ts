// The line and visit rules' results are computed once per visit and reused by later scans while
// nothing they read has changed: a second scan evaluates no visit and finds the same hits; a new fee
// line, a cancelled one, a death recorded, a knowledge point or a rule change each make exactly the
// visits concerned (or, for the rules and knowledge, all of them) evaluated again.
import assert from 'node:assert/strict';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/types.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { at, hisWorld, wire } from '../his/testing.ts';
import * as repo from './repo.ts';
import { changeRule, createRun, endKnowledge, executeRun, refreshChangedVisits } from './service.ts';

const A = 'XA01ABD075A002010100483';
const C = 'XC03CXX999C001010100222';
const CAPPED = '001201000010000'; // price cap 100.00 yuan

async function scan(db: Db, now: Date) {
  const run = await db.tx((tx) => createRun(tx, { from: '2026-03-01', to: '2026-03-31' }, SYSTEM_ACTOR, now));
  const done = await executeRun(db, run.id, () => now);
  const { items } = await repo.listHits(db, { runId: run.id, rule: null, institution: null }, 500, 0);
  const hits = items.map((h) => `${h.ruleCode} ${h.mdtrtId} ${h.amountFen} ${h.lines.join(',')}`).sort();
  return { checked: done.visitsChecked, reused: done.visitsReused, hits };
}

dbTest('a scan reuses each visit’s stored results until something it reads changes', async (db) => {
  const w = await hisWorld(db);
  const now = w.clock.now;
  const { psnNo, certno } = w.ann;
  const visit = async (
    who: { psnNo: string; certno: string },
    no: string,
    lines: { code: string; pricFen: number; cnt: number }[],
  ) => {
    const reg = await w.centre.ok('2201', wire.registration(who.psnNo, '390', at('09:00'), no, who.certno));
    const id = reg.data.mdtrt_id as string;
    await w.centre.ok('2203', wire.visitInfo(id, who.psnNo, '11', 'J06.900', at('09:05')));
    await w.centre.ok('2204', wire.fees(id, who.psnNo, lines, at('09:10')));
    return id;
  };
  const over = await visit(w.ann, 'MZ-R1', [
    { code: CAPPED, pricFen: 12_000, cnt: 2 },
    { code: C, pricFen: 500, cnt: 1 },
  ]);
  await w.centre.ok('2207', wire.outpatientSettle(psnNo, over, 12_000 * 2 + 500, certno));
  const clean = await visit(w.tekun, 'MZ-R2', [{ code: C, pricFen: 800, cnt: 1 }]);

  // the first scan evaluates both visits; the payment audit has nothing left to do
  const first = await scan(db, now);
  assert.deepEqual([first.checked, first.reused], [2, 0]);
  assert.deepEqual(first.hits, [`PRICE_CAP ${over} 4000 0001`]);
  assert.equal(await refreshChangedVisits(db, now), 0);

  // nothing changed: the next scan evaluates no visit and gives the same hits
  const second = await scan(db, now);
  assert.deepEqual([second.checked, second.reused], [0, 2]);
  assert.deepEqual(second.hits, first.hits);

  // a fee line over the cap on the clean visit: the payment audit evaluates that visit alone
  await w.centre.ok(
    '2204',
    wire.fees(clean, w.tekun.psnNo, [{ code: CAPPED, pricFen: 10_500, cnt: 1 }], at('09:20'), 'CB002', 2),
  );
  assert.equal(await refreshChangedVisits(db, now), 1);
  const third = await scan(db, now);
  assert.deepEqual([third.checked, third.reused], [0, 2]);
  assert.deepEqual(third.hits, [`PRICE_CAP ${clean} 500 0002`, ...first.hits].sort());

  // its fees cancelled (2205): the scan evaluates it again by itself, and its hit is gone
  await w.centre.ok('2205', { data: { mdtrt_id: clean, chrg_bchno: '0000', psn_no: w.tekun.psnNo } });
  const fourth = await scan(db, now);
  assert.deepEqual([fourth.checked, fourth.reused], [1, 1]);
  assert.deepEqual(fourth.hits, first.hits);

  // a death recorded before the visit: that person's visits are evaluated again
  await db.query(`UPDATE person SET death_date = '2026-03-12', status = 'deceased' WHERE psn_no = $1`, [
    psnNo,
  ]);
  const fifth = await scan(db, now);
  assert.deepEqual([fifth.checked, fifth.reused], [1, 1]);
  assert.ok(
    fifth.hits.includes(`AFTER_DEATH_FEE ${over} ${12_000 * 2 + 500} 0001,0002`),
    fifth.hits.join('\n'),
  );

  // a knowledge point: every visit is evaluated under the new basis
  await db.tx((tx) =>
    repo.insertKnowledge(
      tx,
      [
        {
          template: 'QUANTITY',
          itemCode: CAPPED,
          value: { max: 1 },
          batch: 'T2',
          validFrom: '2026-01-01',
          validTo: null,
        },
      ],
      now,
    ),
  );
  const sixth = await scan(db, now);
  assert.deepEqual([sixth.checked, sixth.reused], [2, 0]);
  assert.ok(sixth.hits.includes(`QUANTITY ${over} 24000 0001`), sixth.hits.join('\n'));

  // the point ended (停用) before the range's last day: a new basis, its hit gone; refusals change nothing
  const point = (await repo.listKnowledge(db, 'QUANTITY', 10, 0)).items[0]!;
  const end = (validTo: string) =>
    db.tx((tx) => endKnowledge(tx, point.id!, { validTo, reason: '新版知识库已调整' }, SYSTEM_ACTOR, now));
  await assert.rejects(end('2025-12-31'), { code: 'SUPERVISION_KNOWLEDGE_END_EARLY' });
  await end('2026-03-20');
  await assert.rejects(end('2026-03-25'), { code: 'SUPERVISION_KNOWLEDGE_ENDED' });
  const ended = await scan(db, now);
  assert.deepEqual([ended.checked, ended.reused], [2, 0]);
  assert.deepEqual(ended.hits, fifth.hits);
  const history = await db.query<{ after: { validTo: string; reason: string } }>(
    `SELECT after FROM audit_entry WHERE action = 'supervision.knowledge_end'`,
  );
  assert.deepEqual(
    history.map((h) => [h.after.validTo, h.after.reason]),
    [['2026-03-20', '新版知识库已调整']],
  );
  await db.tx((tx) =>
    repo.insertKnowledge(
      tx,
      [
        {
          template: 'QUANTITY',
          itemCode: CAPPED,
          value: { max: 1 },
          batch: 'T3',
          validFrom: '2026-03-21',
          validTo: null,
        },
      ],
      now,
    ),
  );
  assert.deepEqual((await scan(db, now)).hits, sixth.hits, 'the next batch applies again');

  // the price-cap rule switched off: a new basis again, and its hits are gone from the next run
  await db.tx((tx) =>
    changeRule(
      tx,
      'PRICE_CAP',
      { enabled: false, severity: 2, params: {}, reason: '试点期间暂停' },
      SYSTEM_ACTOR,
      now,
    ),
  );
  const seventh = await scan(db, now);
  assert.deepEqual([seventh.checked, seventh.reused], [2, 0]);
  assert.equal(seventh.hits.filter((h) => h.startsWith('PRICE_CAP')).length, 0);
  assert.deepEqual(
    seventh.hits.filter((h) => !h.startsWith('AFTER_DEATH_VISIT')),
    sixth.hits.filter((h) => !h.startsWith('PRICE_CAP') && !h.startsWith('AFTER_DEATH_VISIT')),
  );
});
