// 3101/3102 事前/事中 analysis and 3103 feedback through the HIS endpoint.
import assert from 'node:assert/strict';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/types.ts';
import { plantKnowledge, warningDecisions } from '../supervision/testing.ts';
import { hisWorld } from './testing.ts';

const A = 'XA01ABD075A002010100483';
const CAPPED = '001201000010000';

const request = (psnNo: string, orders: Record<string, unknown>[]) => ({
  data: {
    trig_scen: '2',
    task_id: 'T-1',
    patient_dtos: [
      {
        patn_id: psnNo,
        patn_name: '王安',
        gend: '1',
        brdy: '1970-02-03',
        poolarea: '410926',
        curr_mdtrt_id: 'MZ-A1',
        fsi_encounter_dtos: [
          {
            mdtrt_id: 'MZ-A1',
            medins_id: 'H41092600011',
            adm_date: '2026-03-15 09:00:00',
            dscg_main_dise_codg: 'J06.900',
            med_mdtrt_type: '1',
            med_type: '11',
            insutype: '390',
            fsi_diagnose_dtos: [{ dise_codg: 'J06.900', maindise_flag: '1' }],
            fsi_order_dtos: orders,
          },
        ],
      },
    ],
  },
});

dbTest(
  '3101 warns about the orders that break an enabled rule; 3103 records the doctor’s decision',
  async (db) => {
    const w = await hisWorld(db);
    await plantKnowledge(db, [{ template: 'INDICATION', itemCode: A, value: { diagnoses: ['E11'] } }]);
    const orders = [
      { rx_id: 'RX1', hilist_code: A, cnt: '2', pric: '25.00', sumamt: '50.00' },
      { rx_id: 'RX2', hilist_code: CAPPED, cnt: '1', pric: '120.00', sumamt: '120.00' },
      { rx_id: 'RX3', hilist_code: 'XB02BXX123B001010100111', cnt: '1', pric: '10', sumamt: '10' },
    ];
    const out = await w.centre.ok('3101', request(w.ann.psnNo, orders));
    const byRule = Object.fromEntries(out.result.map((r: { rule_id: string }) => [r.rule_id, r]));
    assert.deepEqual(Object.keys(byRule).sort(), ['INDICATION', 'PRICE_CAP']);
    assert.equal(byRule.PRICE_CAP.vola_amt, 20);
    assert.equal(byRule.PRICE_CAP.sev_deg, '明确违规');
    assert.equal(byRule.INDICATION.sev_deg, '可疑');
    assert.deepEqual(
      byRule.INDICATION.judge_result_detail_dtos.map((d: { rx_id: string }) => d.rx_id),
      ['RX1'],
    );
    assert.match(byRule.INDICATION.jr_id, /^JR\d{26}$/);
    assert.equal(byRule.INDICATION.task_id, 'T-1');

    // only the rules asked for
    const only = await w.centre.ok('3102', {
      data: { ...request(w.ann.psnNo, orders).data, rule_ids: ['PRICE_CAP'] },
    });
    assert.deepEqual(
      only.result.map((r: { rule_id: string }) => r.rule_id),
      ['PRICE_CAP'],
    );

    const noReason = await w.centre.call('3103', {
      data: { warn_type: '1', warns: [{ warn_rslt_id: byRule.INDICATION.jr_id, dspo_way: '1' }] },
    });
    assert.match(noReason.json.err_msg, /须填写处理原因/);
    await w.centre.ok('3103', {
      data: {
        warn_type: '1',
        warns: [
          { warn_rslt_id: byRule.INDICATION.jr_id, dspo_way: '1', dspo_way_rea: '患者合并糖尿病' },
          { warn_rslt_id: byRule.PRICE_CAP.jr_id, dspo_way: '2' },
        ],
      },
    });
    assert.deepEqual(await warningDecisions(db), [
      { rule: 'INDICATION', decision: 'continue' },
      { rule: 'PRICE_CAP', decision: 'revise' },
    ]);
    // another institution cannot decide on these warnings
    const foreign = await w.hospital.call('3103', {
      data: { warn_type: '1', warns: [{ warn_rslt_id: byRule.PRICE_CAP.jr_id, dspo_way: '2' }] },
    });
    assert.match(foreign.json.err_msg, /不存在或不属于本机构/);
  },
);

dbTest(
  '3101 under one msgid: a retry gets the stored reply and records nothing more; two at once record one set of warnings',
  async (db) => {
    const w = await hisWorld(db);
    const orders = [
      { rx_id: 'RX1', hilist_code: CAPPED, cnt: '1', pric: '120.00', sumamt: '120.00' },
      { rx_id: 'RX2', hilist_code: CAPPED, cnt: '2', pric: '110.00', sumamt: '220.00' },
    ];
    const count = async () =>
      (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM supervision_warning`))[0]!.n;
    const msgid = w.centre.nextMsgid();
    const first = await w.centre.call('3101', request(w.ann.psnNo, orders), msgid);
    assert.equal(first.json.infcode, 0, first.text);
    const jrIds = first.json.output.result.map((r: { jr_id: string }) => r.jr_id);
    assert.equal(jrIds.length, 1);
    assert.equal(await count(), 1);
    // the retry (a fresh inf_time a second later): the same warning, no second record
    w.centre.clock.now = new Date(w.centre.clock.now.getTime() + 1000);
    const again = await w.centre.call('3101', request(w.ann.psnNo, orders), msgid);
    assert.deepEqual(
      again.json.output.result.map((r: { jr_id: string }) => r.jr_id),
      jrIds,
    );
    assert.equal(await count(), 1);
    // two at once under a new msgid: both answer with the one stored reply's warning
    const race = w.centre.nextMsgid();
    const [a, b] = await Promise.all([
      w.centre.call('3101', request(w.ann.psnNo, orders), race),
      w.centre.call('3101', request(w.ann.psnNo, orders), race),
    ]);
    assert.equal(a.json.infcode, 0, a.text);
    assert.equal(b.json.infcode, 0, b.text);
    assert.deepEqual(a.json.output.result, b.json.output.result);
    assert.equal(await count(), 2);
    const stored = await db.query<{ jrId: string }>(
      `SELECT jr_id AS "jrId" FROM supervision_warning ORDER BY jr_id`,
    );
    assert.ok(stored.some((s) => s.jrId === a.json.output.result[0].jr_id));
  },
);

dbTest(
  '3101 valid as sent: the facts ride in the gateway’s statement — two statements a call',
  async (db) => {
    let statements = 0;
    const counting: Db = {
      ...db,
      query: (sql, params) => {
        statements++;
        return db.query(sql, params);
      },
    };
    const w = await hisWorld(counting);
    const orders = [{ rx_id: 'RX1', hilist_code: CAPPED, cnt: '1', pric: '120.00', sumamt: '120.00' }];
    // the first call seeds nothing more than serials for its jr_ids (a block, taken once)
    await w.centre.ok('3101', request(w.ann.psnNo, orders));
    statements = 0;
    const out = await w.centre.ok('3101', request(w.ann.psnNo, orders));
    assert.equal(out.result[0].rule_id, 'PRICE_CAP');
    assert.equal(statements, 2, 'the gateway (with the facts) and the message with its warnings');
    // an input the early parse does not take is read the usual way, with the same answer
    statements = 0;
    const slow = await w.centre.ok('3101', {
      // (52 UTF-16 units, 26 characters: within task_id's 50 only as zod counts)
      data: { ...request(w.ann.psnNo, orders).data, task_id: '😀'.repeat(26) },
    });
    assert.deepEqual(
      slow.result.map((r: { rule_id: string; vola_amt: number }) => [r.rule_id, r.vola_amt]),
      [['PRICE_CAP', 20]],
    );
    assert.equal(statements, 3);
    // a refused input is refused after the caller is known, as before
    const bad = await w.centre.call('3101', request(w.ann.psnNo, [{ ...orders[0], sumamt: 'x' }]));
    assert.match(bad.json.err_msg, /sumamt/);
  },
);
