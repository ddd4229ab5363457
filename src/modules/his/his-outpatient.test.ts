// The outpatient flow over the HIS interface: register, visit info, fee upload with line
// classification, pre-settlement (writes nothing), settlement, idempotency, reversal, cancels.
import assert from 'node:assert/strict';
import { dbTest } from '../../db/testing.ts';
import { wire } from '../../domain/his/wire-builders.ts';
import { at, CENTRE, hisWorld, snapshot } from './testing.ts';

const A = 'XA01ABD075A002010100483';
const B = 'XB02BXX123B001010100111';
const C = 'XC03CXX999C001010100222';

dbTest('outpatient at a township centre: classify, pre-settle, settle once, reverse once', async (db) => {
  const w = await hisWorld(db);
  const { psnNo, certno } = w.ann;
  const reg = await w.centre.ok('2201', wire.registration(psnNo, '390', at('09:00'), 'MZ0001', certno));
  const mdtrtId: string = reg.data.mdtrt_id;
  assert.match(mdtrtId, /^MD410926\d{14}$/);
  assert.deepEqual(reg.data, { mdtrt_id: mdtrtId, psn_no: psnNo, ipt_otp_no: 'MZ0001' });
  await w.centre.ok('2203', wire.visitInfo(mdtrtId, psnNo, '11', 'J06.900', at('09:05')));

  const fees = await w.centre.ok(
    '2204',
    wire.fees(
      mdtrtId,
      psnNo,
      [
        { code: A, pricFen: 2500, cnt: 4 },
        { code: B, pricFen: 1000, cnt: '5' },
        { code: C, pricFen: 2000, cnt: 1 },
      ],
      at('09:10'),
    ),
  );
  assert.deepEqual(
    fees.result.map((r: Record<string, unknown>) => [
      r.feedetl_sn,
      r.chrgitm_lv,
      r.fulamt_ownpay_amt,
      r.preselfpay_amt,
      r.inscp_scp_amt,
      r.selfpay_prop,
    ]),
    [
      ['0001', '01', 0, 0, 100, 0],
      ['0002', '02', 0, 5, 45, 0.1],
      ['0003', '03', 20, 0, 0, 1],
    ],
  );
  // no memo on an uploaded line: a Foshan HIS reads one as a line not uploaded
  assert.deepEqual(
    fees.result.map((r: { memo: unknown }) => r.memo),
    ['', '', ''],
  );

  const before = await snapshot(db);
  const settleInput = wire.outpatientSettle(psnNo, mdtrtId, 17000, certno);
  const pre = await w.centre.call('2206', settleInput);
  assert.equal(pre.json.infcode, 0, pre.text);
  assert.deepEqual(await snapshot(db), before, 'pre-settlement writes nothing');
  const p = pre.json.output.setlinfo;
  assert.equal(p.setl_id, '');
  assert.deepEqual(
    [p.medfee_sumamt, p.fulamt_ownpay_amt, p.preselfpay_amt, p.inscp_scp_amt, p.hifp_pay, p.psn_part_amt],
    [170, 20, 5, 145, 87, 83],
  );
  assert.match(pre.text, /"medfee_sumamt":170\.00,/);

  const msgid = w.centre.nextMsgid();
  const body = w.centre.body('2207', settleInput, msgid);
  const first = await w.centre.send(body);
  assert.equal(first.json.infcode, 0, first.text);
  const s = first.json.output.setlinfo;
  assert.match(s.setl_id, /^ST410926\d{14}$/);
  assert.equal(s.med_type, '11');
  assert.equal(s.clr_type, '11');
  assert.equal(s.fund_pay_sumamt, 87);
  assert.equal(s.psn_cash_pay, 83);
  assert.equal(s.medfee_sumamt, s.fund_pay_sumamt + s.psn_part_amt);
  assert.deepEqual(
    first.json.output.setldetail.map((d: Record<string, unknown>) => [d.fund_pay_type, d.fund_payamt]),
    [['390100', 87]],
  );
  const acc = await db.query<{ pooled: number }>(
    `SELECT outpatient_pooled_paid_fen AS pooled FROM accumulator WHERE psn_no = $1 AND year = 2026`,
    [psnNo],
  );
  assert.deepEqual(acc, [{ pooled: 8700 }]);
  const lines = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM fee_line WHERE setl_id = $1`, [
    s.setl_id,
  ]);
  assert.equal(lines[0].n, 3);
  const audits = await db.query(
    `SELECT 1 FROM audit_entry WHERE action = 'settlement.settle' AND entity_id = $1`,
    [s.setl_id],
  );
  assert.equal(audits.length, 1);

  // idempotency: the same message again answers the stored response and changes nothing
  const settled = await snapshot(db);
  const repeat = await w.centre.send(body);
  assert.equal(repeat.status, 200);
  assert.deepEqual(repeat.json, first.json);
  assert.deepEqual(await snapshot(db), settled);
  // same msgid, different body
  const tampered = await w.centre.send(
    w.centre.body('2207', wire.outpatientSettle(psnNo, mdtrtId, 17000, certno, '390', '13'), msgid),
  );
  assert.equal(tampered.json.infcode, -1);
  assert.match(tampered.json.err_msg, /msgid.*已被使用.*内容与首次不同/);
  // a new message settling the same visit again is refused
  const twice = await w.centre.call('2207', settleInput);
  assert.match(twice.json.err_msg, /已结算/);
  assert.deepEqual(await snapshot(db), settled);

  // reversal: a negative settlement, accumulators restored, lines reopened
  const rev = await w.centre.ok('2208', wire.reversal(s.setl_id, mdtrtId, psnNo));
  assert.notEqual(rev.setlinfo.setl_id, s.setl_id);
  assert.equal(rev.setlinfo.medfee_sumamt, -170);
  assert.equal(rev.setlinfo.hifp_pay, -87);
  assert.deepEqual(
    rev.setldetail.map((d: Record<string, unknown>) => [d.fund_pay_type, d.fund_payamt]),
    [['390100', -87]],
  );
  const rows = await db.query<{ kind: string; medfee: number; reversedBy: string | null }>(
    `SELECT kind, medfee_sumamt AS medfee, reversed_by AS "reversedBy" FROM settlement ORDER BY setl_id`,
  );
  assert.deepEqual(rows, [
    { kind: 'settlement', medfee: 17000, reversedBy: rev.setlinfo.setl_id },
    { kind: 'reversal', medfee: -17000, reversedBy: null },
  ]);
  const restored = await db.query<{ pooled: number }>(
    `SELECT outpatient_pooled_paid_fen AS pooled FROM accumulator WHERE psn_no = $1`,
    [psnNo],
  );
  assert.deepEqual(restored, [{ pooled: 0 }]);
  const again = await w.centre.call('2208', wire.reversal(s.setl_id, mdtrtId, psnNo));
  assert.match(again.json.err_msg, /已于此前撤销.*不能重复撤销/);
  const ofReversal = await w.centre.call('2208', wire.reversal(rev.setlinfo.setl_id, mdtrtId, psnNo));
  assert.match(ofReversal.json.err_msg, /撤销记录，不能再撤销/);

  // the reopened visit can be emptied and cancelled
  assert.match(
    (await w.centre.call('2202', { data: { psn_no: psnNo, mdtrt_id: mdtrtId, ipt_otp_no: 'MZ0001' } })).json
      .err_msg,
    /请先撤销费用明细/,
  );
  await w.centre.ok('2205', { data: { mdtrt_id: mdtrtId, chrg_bchno: '0000', psn_no: psnNo } });
  assert.match(
    (await w.centre.call('2205', { data: { mdtrt_id: mdtrtId, chrg_bchno: '0000', psn_no: psnNo } })).json
      .err_msg,
    /没有可撤销/,
  );
  await w.centre.ok('2202', { data: { psn_no: psnNo, mdtrt_id: mdtrtId, ipt_otp_no: 'MZ0001' } });
  const v = await db.query<{ status: string }>(`SELECT status FROM visit WHERE mdtrt_id = $1`, [mdtrtId]);
  assert.deepEqual(v, [{ status: 'cancelled' }]);
  // the HIS number is free again once the visit is cancelled
  await w.centre.ok('2201', wire.registration(psnNo, '390', at('11:00'), 'MZ0001', certno));
});

dbTest('E5: general outpatient pooling stops at the annual cap', async (db) => {
  const w = await hisWorld(db);
  const { psnNo, certno } = w.ann;
  await db.query(
    `INSERT INTO accumulator (psn_no, insutype, year, outpatient_pooled_paid_fen) VALUES ($1, '390', 2026, 35000)`,
    [psnNo],
  );
  const { data } = await w.centre.ok('2201', wire.registration(psnNo, '390', at('08:30'), 'MZ0009', certno));
  await w.centre.ok(
    '2204',
    wire.fees(data.mdtrt_id, psnNo, [{ code: A, pricFen: 5000, cnt: 3 }], at('08:40')),
  );
  const out = await w.centre.ok('2207', wire.outpatientSettle(psnNo, data.mdtrt_id, 15000, certno));
  assert.equal(out.setlinfo.fund_pay_sumamt, 50);
  assert.equal(out.setlinfo.psn_part_amt, 100);
  const acc = await db.query<{ pooled: number }>(
    `SELECT outpatient_pooled_paid_fen AS pooled FROM accumulator WHERE psn_no = $1`,
    [psnNo],
  );
  assert.deepEqual(acc, [{ pooled: 40000 }]);
  // one batch at a time: a second batch uploaded later settles on its own
  const s = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM settlement WHERE fixmedins_code = $1`,
    [CENTRE],
  );
  assert.equal(s[0].n, 1);
});
