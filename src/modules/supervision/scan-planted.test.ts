// The 事后 scan's other templates, planted through the HIS API in a fresh county beside a clean
// control set: gender, age, course, fee outside the stay, class-C ratio, surgery discount, bed days,
// frequent visits, settlement after death, average cost and self-pay ratio per institution. Each is
// found once, where it was planted, and the control person's visits give nothing. (scan.test.ts
// plants the rest.)
import assert from 'node:assert/strict';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import { addInstitution, addItems, addPerson } from '../settlement/testing.ts';
import { at, HisTester, hisWorld, totalOf, wire } from '../his/testing.ts';
import * as repo from './repo.ts';
import { createRun, executeRun, listRules } from './service.ts';

const A = 'XA01ABD075A002010100483';
const C = 'XC03CXX999C001010100222';
const WOMEN_ONLY = 'XG03GXX111G001010100301';
const CHILD_ONLY = 'XP04PXX222P001010100302';
const COURSED = 'XD05DXX333D001010100303';
const SURGERY_1 = '003301000010001';
const SURGERY_2 = '003301000010002';
const BED = '001102000010000';
const SECOND_LEVEL_2 = 'H41092600004';

dbTest(
  'every other template, planted once through the HIS, is found once; the control set gives nothing',
  async (db) => {
    const w = await hisWorld(db);
    const now = w.clock.now;
    const ann = w.ann;
    const { bo, zhou, cheap } = await db.tx(async (tx) => {
      await addItems(tx, [
        { code: WOMEN_ONLY, name: '限女性药品', chrgitmLv: '01', genderLimit: '2' },
        { code: CHILD_ONLY, name: '限儿童药品', chrgitmLv: '01' },
        { code: COURSED, name: '限疗程药品', chrgitmLv: '02' },
        {
          code: SURGERY_1,
          name: '手术甲',
          kind: 'service',
          chrgitmLv: '01',
          priceCapFen: 200_000,
          medChrgitmType: '06',
        },
        {
          code: SURGERY_2,
          name: '手术乙',
          kind: 'service',
          chrgitmLv: '01',
          priceCapFen: 100_000,
          medChrgitmType: '06',
        },
        {
          code: BED,
          name: '床位费',
          kind: 'service',
          chrgitmLv: '01',
          priceCapFen: 5_000,
          medChrgitmType: '01',
        },
      ]);
      await tx.query(`UPDATE catalogue_item SET max_age = 14 WHERE code = $1`, [CHILD_ONLY]);
      await repo.insertKnowledge(
        tx,
        [
          {
            template: 'COURSE',
            itemCode: COURSED,
            value: { max: 3 },
            batch: 'T2',
            validFrom: '2026-01-01',
            validTo: null,
          },
        ],
        now,
      );
      return {
        bo: await addPerson(tx, { seq: 5, name: '周波', birthDate: '1980-06-06' }),
        zhou: await addPerson(tx, { seq: 6, name: '郑终', birthDate: '1950-01-01' }),
        cheap: await addInstitution(tx, { code: SECOND_LEVEL_2, level: 2, name: '演示县第二人民医院' }),
      };
    });
    const second = new HisTester(w.app, { fixmedinsCode: SECOND_LEVEL_2, ...cheap }, w.clock);
    await second.signIn();
    // the women-only item goes to a man; ann's gender is whatever her ID number says
    const [{ gender }] = await db.query<{ gender: string }>(`SELECT gender FROM person WHERE psn_no = $1`, [
      ann.psnNo,
    ]);
    if (gender === '2')
      await db.query(`UPDATE catalogue_item SET gender_limit = '1' WHERE code = $1`, [WOMEN_ONLY]);
    const admins = await loginAs(w.app, db, 'admin');
    for (const code of ['AVG_COST', 'SELF_PAY_RATIO']) {
      const current = (await db.tx((tx) => listRules(tx, now))).find((r) => r.code === code)!;
      const put = await w.app.inject({
        method: 'PUT',
        url: `/api/supervision/rules/${code}`,
        headers: { cookie: admins },
        payload: {
          enabled: true,
          severity: current.severity,
          params: { ...current.params, minVisits: 1 },
          reason: '小样本',
        },
      });
      assert.equal(put.statusCode, 200, put.body);
    }

    const outpatient = async (
      his: HisTester,
      p: { psnNo: string; certno: string },
      no: string,
      day: string,
      lines: { code: string; pricFen: number; cnt: number }[],
    ) => {
      const reg = await his.ok('2201', wire.registration(p.psnNo, '390', at('09:00', day), no, p.certno));
      const id = reg.data.mdtrt_id as string;
      await his.ok('2203', wire.visitInfo(id, p.psnNo, '11', 'J06.900', at('09:05', day)));
      await his.ok('2204', wire.fees(id, p.psnNo, lines, at('09:10', day)));
      await his.ok('2207', wire.outpatientSettle(p.psnNo, id, totalOf(lines), p.certno));
      return id;
    };
    const inpatient = async (
      his: HisTester,
      p: { psnNo: string; certno: string },
      no: string,
      begin: string,
      end: string,
      lines: { code: string; pricFen: number; cnt: number }[],
      later?: { line: { code: string; pricFen: number; cnt: number }; time: string },
    ) => {
      const adm = await his.ok('2401', wire.admission(p.psnNo, '390', begin, no, p.certno));
      const id = adm.result.mdtrt_id as string;
      await his.ok('2301', wire.fees(id, p.psnNo, lines, begin, null));
      if (later) await his.ok('2301', wire.fees(id, p.psnNo, [later.line], later.time, null, 9));
      await his.ok('2402', wire.discharge(id, p.psnNo, '390', end));
      const all = later ? [...lines, later.line] : lines;
      await his.ok('2304', wire.inpatientSettle(p.psnNo, id, totalOf(all), p.certno));
      return id;
    };

    w.clock.now = new Date('2026-03-28T06:00:00Z');
    // ann: an outpatient visit breaking gender, age and course; a stay with two surgeries, too many
    // bed days and a large class-C share
    const v1 = await outpatient(w.centre, ann, 'MZ-P1', '2026-03-02', [
      { code: WOMEN_ONLY, pricFen: 1500, cnt: 1 },
      { code: CHILD_ONLY, pricFen: 800, cnt: 1 },
      { code: COURSED, pricFen: 600, cnt: 5 },
    ]);
    const s1 = await inpatient(
      w.hospital,
      ann,
      'ZY-P1',
      at('08:00', '2026-03-03'),
      at('09:00', '2026-03-06'),
      [
        { code: SURGERY_1, pricFen: 200_000, cnt: 1 },
        { code: SURGERY_2, pricFen: 100_000, cnt: 1 },
        { code: BED, pricFen: 5_000, cnt: 8 },
        { code: C, pricFen: 200_000, cnt: 1 },
      ],
      { line: { code: A, pricFen: 1000, cnt: 1 }, time: at('10:00', '2026-03-05') },
    );
    // the HIS refuses a fee dated outside the stay, so the rule catches records changed afterwards:
    // the stay's discharge is corrected to 03-04, which leaves the fee of 03-05 outside it
    await db.query(
      `UPDATE visit SET end_date = '2026-03-04', end_time = '2026-03-04 09:00+08' WHERE mdtrt_id = $1`,
      [s1],
    );
    // 李特 is seen eight times in a fortnight
    const frequent: string[] = [];
    for (let d = 0; d < 8; d++) {
      const day = `2026-03-${String(10 + d * 2).padStart(2, '0')}`;
      frequent.push(
        await outpatient(w.centre, w.tekun, `MZ-F${d}`, day, [{ code: A, pricFen: 900, cnt: 1 }]),
      );
    }
    // 郑终 is seen and settled on 03-15; the registry later records a death on 03-12
    const dead = await outpatient(w.centre, zhou, 'MZ-D1', '2026-03-15', [{ code: A, pricFen: 700, cnt: 2 }]);
    await db.query(`UPDATE person SET death_date = '2026-03-12', status = 'deceased' WHERE psn_no = $1`, [
      zhou.psnNo,
    ]);
    // the control: 周波's ordinary outpatient visit and a cheap stay at the other level-2 hospital
    const control = [
      await outpatient(w.centre, bo, 'MZ-C1', '2026-03-04', [{ code: A, pricFen: 1200, cnt: 2 }]),
      await inpatient(second, bo, 'ZY-C1', at('08:00', '2026-03-08'), at('09:00', '2026-03-11'), [
        { code: A, pricFen: 3000, cnt: 2 },
        { code: BED, pricFen: 4_000, cnt: 3 },
      ]),
    ];

    const run = await db.tx((tx) =>
      createRun(tx, { from: '2026-03-01', to: '2026-03-31' }, SYSTEM_ACTOR, now),
    );
    const done = await executeRun(db, run.id, () => now);
    assert.equal(done.status, 'done');
    const { items } = await repo.listHits(db, { runId: run.id, rule: null, institution: null }, 500, 0);
    const found = items.map((h) => `${h.ruleCode}@${h.mdtrtId ?? h.fixmedinsCode}`).sort();
    assert.deepEqual(
      found,
      [
        `AFTER_DEATH_FEE@${dead}`,
        `AFTER_DEATH_SETTLEMENT@${dead}`,
        `AFTER_DEATH_VISIT@${dead}`,
        `AGE@${v1}`,
        'AVG_COST@H41092600002',
        `BED_DAYS@${s1}`,
        `CLASS_C_RATIO@${s1}`,
        `COURSE@${v1}`,
        `FEE_OUTSIDE_STAY@${s1}`,
        `FREQUENT_VISITS@${frequent[0]}`,
        `GENDER@${v1}`,
        'SELF_PAY_RATIO@H41092600002',
        `SURGERY_DISCOUNT@${s1}`,
      ].sort(),
    );
    assert.ok(items.every((h) => !control.includes(h.mdtrtId ?? '') && h.psnNo !== bo.psnNo));
    const hit = (rule: string) => items.find((h) => h.ruleCode === rule)!;
    // the amounts at stake
    assert.equal(hit('SURGERY_DISCOUNT').amountFen, 100_000, 'the lesser surgery');
    assert.equal(
      hit('BED_DAYS').amountFen,
      Math.round((5_000 * 8 * (8 - 1 - 1)) / 8),
      'bed days beyond the corrected one-day stay and a day',
    );
    assert.equal(hit('CLASS_C_RATIO').amountFen, 200_000);
    assert.equal(hit('COURSE').amountFen, 3000);
    assert.deepEqual(hit('COURSE').lines, ['0003']);
    assert.deepEqual(hit('FEE_OUTSIDE_STAY').lines, ['0009']);
    assert.equal(hit('AFTER_DEATH_SETTLEMENT').amountFen, 1400);
  },
);
