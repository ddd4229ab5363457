// The person-grain rules at their boundaries, on visits built straight in the database: a split
// admission exactly 15 days after discharge (hit) and 16 (none), and an excluded diagnosis; eight
// outpatient visits within 30 days (the eighth on day 29: hit; on day 30: none); care elsewhere on the
// admission day, during the stay and on the discharge day; a visit on the day of death and the day after;
// a duplicate-charging pair on the same day of a stay (hit: the B line) and on two days (none).
import assert from 'node:assert/strict';
import { dbTest } from '../../db/testing.ts';
import type { Tx } from '../../db/types.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { addInstitution, addPerson, seedCounty } from '../settlement/testing.ts';
import * as repo from './repo.ts';
import { createRun, executeRun } from './service.ts';

const H1 = 'H41092600002';
const H2 = 'H41092600003';
let serial = 0;

async function visit(
  q: Tx,
  psnNo: string,
  o: { at: string; begin: string; end?: string; inpatient?: boolean; diag?: string },
): Promise<string> {
  const id = `MDW${String(++serial).padStart(6, '0')}`;
  await q.query(
    `INSERT INTO visit (mdtrt_id, psn_no, admdvs, fixmedins_code, insutype, med_type, inpatient, ipt_otp_no, begin_time, end_time,
                        begin_date, end_date, status, diagnoses, main_diag_code)
     VALUES ($1, $2, '410926', $3, '390', CASE WHEN $4 THEN '21' ELSE '11' END, $4, $1, $5::date, $6::date, $5, $6, 'settled',
             jsonb_build_array(jsonb_build_object('code', $7::text)), $7)`,
    [id, psnNo, o.at, o.inpatient ?? false, o.begin, o.end ?? null, o.diag ?? 'J06.900'],
  );
  return id;
}

dbTest('the person rules and the duplicate pair at their boundaries', async (db) => {
  const now = new Date('2026-05-01T02:00:00Z');
  const v = await db.tx(async (tx) => {
    await seedCounty(tx);
    await addInstitution(tx, { code: H1, level: 2 });
    await addInstitution(tx, { code: H2, level: 3 });
    const people: string[] = [];
    for (let i = 0; i < 9; i++)
      people.push((await addPerson(tx, { deathDate: i === 6 ? '2026-03-10' : null })).psnNo);
    const [split15, split16, splitCancer, freq29, freq30, overlap, died] = people;
    const stay = (p: string, begin: string, end: string, diag?: string) =>
      visit(tx, p!, { at: H1, begin, end, inpatient: true, diag });
    await stay(split15!, '2026-03-01', '2026-03-05');
    const s15 = await stay(split15!, '2026-03-20', '2026-03-25');
    await stay(split16!, '2026-03-01', '2026-03-05');
    await stay(split16!, '2026-03-21', '2026-03-25');
    await stay(splitCancer!, '2026-03-01', '2026-03-05', 'C34.900');
    await stay(splitCancer!, '2026-03-10', '2026-03-15', 'C34.900');
    const f29: string[] = [];
    for (const d of [1, 2, 3, 4, 5, 6, 7, 29]) {
      f29.push(await visit(tx, freq29!, { at: H1, begin: `2026-03-${String(d).padStart(2, '0')}` }));
    }
    for (const d of [1, 2, 3, 4, 5, 6, 7]) {
      await visit(tx, freq30!, { at: H1, begin: `2026-03-${String(d).padStart(2, '0')}` });
    }
    await visit(tx, freq30!, { at: H1, begin: '2026-03-31' });
    await stay(overlap!, '2026-03-10', '2026-03-20');
    await visit(tx, overlap!, { at: H2, begin: '2026-03-10' });
    const during = await visit(tx, overlap!, { at: H2, begin: '2026-03-15' });
    await visit(tx, overlap!, { at: H2, begin: '2026-03-20' });
    await visit(tx, overlap!, { at: H1, begin: '2026-03-16' }); // the same institution
    await visit(tx, died!, { at: H1, begin: '2026-03-10' });
    const after = await visit(tx, died!, { at: H1, begin: '2026-03-11' });
    // the pair A with B: the same day in one stay, a day apart in another
    const pairStay = await stay(people[7]!, '2026-03-26', '2026-03-29');
    const apart = await stay(people[8]!, '2026-03-26', '2026-03-29');
    const fee = (id: string, psn: string, sn: string, code: string, day: string, fen: number) =>
      tx.query(
        `INSERT INTO fee_line (mdtrt_id, psn_no, feedetl_sn, med_list_codg, fee_ocur_time, fee_date, cnt, pric_fen,
                               det_item_fee_sumamt, chrgitm_lv, med_chrgitm_type)
         VALUES ($1, $2, $3, $4, $5::date, $5, 1, $6, $6, '01', '09')`,
        [id, psn, sn, code, day, fen],
      );
    await fee(pairStay, people[7]!, '0001', 'PA', '2026-03-27', 3000);
    await fee(pairStay, people[7]!, '0002', 'PB', '2026-03-27', 1200);
    await fee(pairStay, people[7]!, '0003', 'PB', '2026-03-28', 1200);
    await fee(apart, people[8]!, '0001', 'PA', '2026-03-27', 3000);
    await fee(apart, people[8]!, '0002', 'PB', '2026-03-28', 1200);
    await tx.query(
      `INSERT INTO supervision_knowledge (template, item_code, value, batch, valid_from, created_at)
       VALUES ('DUPLICATE_PAIR', 'PA', '{"with": "PB"}', 'T', '2026-01-01', $1)`,
      [now],
    );
    return { s15, f29, during, after, pairStay };
  });

  const run = await db.tx((tx) => createRun(tx, { from: '2026-03-01', to: '2026-03-31' }, SYSTEM_ACTOR, now));
  await executeRun(db, run.id, () => now);
  const { items } = await repo.listHits(db, { runId: run.id, rule: null, institution: null }, 500, 0);
  const of = (rule: string) =>
    items
      .filter((h) => h.ruleCode === rule)
      .map((h) => h.mdtrtId)
      .sort();
  assert.deepEqual(of('SPLIT_ADMISSION'), [v.s15]);
  assert.deepEqual(of('FREQUENT_VISITS'), [v.f29[0]]);
  assert.deepEqual(items.find((h) => h.ruleCode === 'FREQUENT_VISITS')!.detail, { visits: 8, days: 30 });
  assert.deepEqual(of('OVERLAP_CARE'), [v.during]);
  assert.deepEqual(of('AFTER_DEATH_VISIT'), [v.after]);
  assert.deepEqual(of('DUPLICATE_PAIR'), [v.pairStay]);
  const pair = items.find((h) => h.ruleCode === 'DUPLICATE_PAIR')!;
  assert.deepEqual([pair.amountFen, pair.lines, pair.detail], [1200, ['0002'], { codes: ['PA', 'PB'] }]);
});
