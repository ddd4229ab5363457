// Inpatient stays over the HIS interface, checked to the fen against the worked examples of
// docs/domain benefit-rules.md (E1, E2, E3) with the demo resident policy.
import assert from 'node:assert/strict';
import { dbTest } from '../../db/testing.ts';
import { type LineSpec, totalOf, wire } from '../../domain/his/wire-builders.ts';
import { at, hisWorld, type HisTester, snapshot } from './testing.ts';

const A = 'XA01ABD075A002010100483';
const B = 'XB02BXX123B001010100111';
const C = 'XC03CXX999C001010100222';
const CAPPED = '001201000010000'; // class A, payment standard 100.00 per unit

async function stay(
  t: HisTester,
  who: { psnNo: string; certno: string },
  iptNo: string,
  lines: LineSpec[],
  days = ['2026-03-01', '2026-03-05', '2026-03-10'],
) {
  const { result } = await t.ok(
    '2401',
    wire.admission(who.psnNo, '390', at('08:00', days[0]), iptNo, who.certno),
  );
  const mdtrtId: string = result.mdtrt_id;
  await t.ok('2301', wire.fees(mdtrtId, who.psnNo, lines, at('10:00', days[1]), null));
  await t.ok('2402', wire.discharge(mdtrtId, who.psnNo, '390', at('09:00', days[2])));
  return mdtrtId;
}

// E1: total 20,000.00; class C 800.00; class B 6,000.00; a class-A item 200.00 over its cap
const E1: LineSpec[] = [
  { code: C, pricFen: 80_000, cnt: 1 },
  { code: B, pricFen: 60_000, cnt: 10 },
  { code: CAPPED, pricFen: 12_000, cnt: 10 },
  { code: A, pricFen: 120_000, cnt: 10 },
];
// E3: total 30,000.00; class C 2,000.00; class B 8,000.00
const E3: LineSpec[] = [
  { code: C, pricFen: 200_000, cnt: 1 },
  { code: B, pricFen: 80_000, cnt: 10 },
  { code: A, pricFen: 200_000, cnt: 10 },
];
// E2: total 120,000.00; class C 5,000.00; class B 30,000.00
const E2: LineSpec[] = [
  { code: C, pricFen: 500_000, cnt: 1 },
  { code: B, pricFen: 3_000_000, cnt: 1 },
  { code: A, pricFen: 850_000, cnt: 10 },
];

const pick = (s: Record<string, number>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, s[k]]));
const KEYS = [
  'medfee_sumamt',
  'fulamt_ownpay_amt',
  'overlmt_selfpay',
  'preselfpay_amt',
  'inscp_scp_amt',
  'act_pay_dedc',
  'hifp_pay',
  'pool_prop_selfpay',
  'hifmi_pay',
  'maf_pay',
  'fund_pay_sumamt',
  'psn_part_amt',
  'psn_cash_pay',
];

dbTest(
  'E1 then E3 through the HIS: amounts to the fen, accumulators carried, reversals give them back',
  async (db) => {
    const w = await hisWorld(db);
    assert.equal(totalOf(E1), 2_000_000);
    const e1Visit = await stay(w.hospital, w.ann, 'ZY0001', E1);

    const before = await snapshot(db);
    const pre = await w.hospital.ok(
      '2303',
      wire.inpatientSettle(w.ann.psnNo, e1Visit, 2_000_000, w.ann.certno),
    );
    assert.deepEqual(await snapshot(db), before, 'pre-settlement writes nothing');
    const e1 = await w.hospital.ok(
      '2304',
      wire.inpatientSettle(w.ann.psnNo, e1Visit, 2_000_000, w.ann.certno),
    );
    const expected = {
      medfee_sumamt: 20000,
      fulamt_ownpay_amt: 800,
      overlmt_selfpay: 200,
      preselfpay_amt: 600,
      inscp_scp_amt: 18400,
      act_pay_dedc: 500,
      hifp_pay: 14320,
      pool_prop_selfpay: 3580,
      hifmi_pay: 0,
      maf_pay: 0,
      fund_pay_sumamt: 14320,
      psn_part_amt: 5680,
      psn_cash_pay: 5680,
    };
    assert.deepEqual(pick(e1.setlinfo, KEYS), expected);
    assert.deepEqual(pick(pre.setlinfo, KEYS), expected);
    assert.equal(e1.setlinfo.clr_type, '21');
    assert.equal(e1.setlinfo.med_type, '21');
    assert.deepEqual(
      e1.setldetail.map((d: Record<string, unknown>) => [d.fund_pay_type, d.fund_payamt]),
      [['390100', 14320]],
    );

    const stored = await db.query<Record<string, number>>(
      `SELECT medfee_sumamt, hifp_pay, psn_part_amt, act_pay_dedc, benefit_year FROM settlement WHERE setl_id = $1`,
      [e1.setlinfo.setl_id],
    );
    assert.deepEqual(stored, [
      {
        medfee_sumamt: 2_000_000,
        hifp_pay: 1_432_000,
        psn_part_amt: 568_000,
        act_pay_dedc: 50_000,
        benefit_year: 2026,
      },
    ]);
    const afterE1 = await db.query(
      `SELECT admissions, deductible_paid_fen AS d, basic_fund_paid_fen AS b, critical_illness_base_fen AS ci FROM accumulator WHERE psn_no = $1`,
      [w.ann.psnNo],
    );
    assert.deepEqual(afterE1, [{ admissions: 1, d: 50_000, b: 1_432_000, ci: 408_000 }]);

    // E3: the same person later, level 3 out of area without a filing, second admission
    const e3Visit = await stay(w.far, w.ann, 'ZY9001', E3, ['2026-03-11', '2026-03-12', '2026-03-14']);
    const e3 = await w.far.ok('2304', wire.inpatientSettle(w.ann.psnNo, e3Visit, 3_000_000, w.ann.certno));
    assert.deepEqual(
      pick(e3.setlinfo, [
        'preselfpay_amt',
        'inscp_scp_amt',
        'act_pay_dedc',
        'hifp_pay',
        'hifmi_pay',
        'fund_pay_sumamt',
        'psn_part_amt',
      ]),
      {
        preselfpay_amt: 800,
        inscp_scp_amt: 27200,
        act_pay_dedc: 500,
        hifp_pay: 13350,
        hifmi_pay: 1758,
        fund_pay_sumamt: 15108,
        psn_part_amt: 14892,
      },
    );
    assert.deepEqual(
      e3.setldetail.map((d: Record<string, unknown>) => [d.fund_pay_type, d.fund_payamt]),
      [
        ['390100', 13350],
        ['390200', 1758],
      ],
    );

    // the hospital cannot reverse the far hospital's settlement
    const foreign = await w.hospital.call('2305', wire.reversal(e3.setlinfo.setl_id, e3Visit, w.ann.psnNo));
    assert.match(foreign.json.err_msg, /不存在或不属于本机构/);

    // reversing E1 (the earlier one) keeps E3's effect; reversing E3 then returns to zero
    await w.hospital.ok('2305', wire.reversal(e1.setlinfo.setl_id, e1Visit, w.ann.psnNo));
    const acc = async () =>
      (
        await db.query<Record<string, number>>(
          `SELECT admissions, deductible_paid_fen AS d, basic_fund_paid_fen AS b, critical_illness_base_fen AS ci,
              critical_illness_paid_fen AS cp FROM accumulator WHERE psn_no = $1`,
          [w.ann.psnNo],
        )
      )[0];
    assert.deepEqual(await acc(), { admissions: 1, d: 50_000, b: 1_335_000, ci: 1_385_000, cp: 175_800 });
    await w.far.ok('2305', wire.reversal(e3.setlinfo.setl_id, e3Visit, w.ann.psnNo));
    assert.deepEqual(await acc(), { admissions: 0, d: 0, b: 0, ci: 0, cp: 0 });
    const net = await db.query<{ n: number; total: number }>(
      `SELECT count(*)::int AS n, sum(medfee_sumamt)::bigint AS total FROM settlement`,
    );
    assert.deepEqual(net, [{ n: 4, total: 0 }]);
    // the reopened stay settles again to the same figures
    const again = await w.hospital.ok(
      '2304',
      wire.inpatientSettle(w.ann.psnNo, e1Visit, 2_000_000, w.ann.certno),
    );
    assert.deepEqual(pick(again.setlinfo, KEYS), expected);
  },
);

dbTest('E2: a 特困 person gets basic fund, tilted 大病 and assistance in one settlement', async (db) => {
  const w = await hisWorld(db);
  const visit = await stay(w.other, w.tekun, 'ZY2001', E2);
  const out = await w.other.ok(
    '2304',
    wire.inpatientSettle(w.tekun.psnNo, visit, totalOf(E2), w.tekun.certno),
  );
  assert.deepEqual(
    pick(out.setlinfo, ['hifp_pay', 'hifmi_pay', 'maf_pay', 'fund_pay_sumamt', 'psn_part_amt']),
    {
      hifp_pay: 72150,
      hifmi_pay: 21027.5,
      maf_pay: 16940.25,
      fund_pay_sumamt: 110117.75,
      psn_part_amt: 9882.25,
    },
  );
  assert.deepEqual(
    out.setldetail.map((d: Record<string, unknown>) => [d.fund_pay_type, d.fund_payamt]),
    [
      ['390100', 72150],
      ['390200', 21027.5],
      ['610100', 16940.25],
    ],
  );
  const funds = await db.query<{ t: string; f: number }>(
    `SELECT fund_pay_type AS t, fund_payamt AS f FROM settlement_fund WHERE setl_id = $1 ORDER BY 1`,
    [out.setlinfo.setl_id],
  );
  assert.deepEqual(funds, [
    { t: '390100', f: 7_215_000 },
    { t: '390200', f: 2_102_750 },
    { t: '610100', f: 1_694_025 },
  ]);
});

dbTest('admission, discharge and line cancellations follow the stay state', async (db) => {
  const w = await hisWorld(db);
  const { psnNo, certno } = w.ann;
  const { result } = await w.hospital.ok(
    '2401',
    wire.admission(psnNo, '390', at('08:00', '2026-03-02'), 'ZY0100', certno),
  );
  const ref = { data: { mdtrt_id: result.mdtrt_id, psn_no: psnNo } };
  const dup = await w.hospital.call(
    '2401',
    wire.admission(psnNo, '390', at('09:00', '2026-03-02'), 'ZY0100', certno),
  );
  assert.match(dup.json.err_msg, /住院号 ZY0100 已有未撤销的就诊记录/);
  await w.hospital.ok(
    '2301',
    wire.fees(
      result.mdtrt_id,
      psnNo,
      [
        { code: A, pricFen: 1000, cnt: 2 },
        { code: B, pricFen: 500, cnt: 1 },
      ],
      at('10:00', '2026-03-03'),
      null,
    ),
  );
  // settling before discharge is refused
  assert.match(
    (await w.hospital.call('2304', wire.inpatientSettle(psnNo, result.mdtrt_id, 2500, certno))).json.err_msg,
    /须先办理出院/,
  );
  assert.match((await w.hospital.call('2404', ref)).json.err_msg, /请先撤销费用明细/);
  await w.hospital.ok('2302', { data: { feedetl_sn: '0001', mdtrt_id: result.mdtrt_id, psn_no: psnNo } });
  const live = await db.query<{ sn: string }>(`SELECT feedetl_sn AS sn FROM fee_line WHERE NOT cancelled`);
  assert.deepEqual(live, [{ sn: '0002' }]);
  await w.hospital.ok('2402', wire.discharge(result.mdtrt_id, psnNo, '390', at('09:00', '2026-03-04')));
  assert.match((await w.hospital.call('2404', ref)).json.err_msg, /已出院，不能撤销入院/);
  await w.hospital.ok('2405', ref);
  const v = await db.query<{ status: string; end: string | null }>(
    `SELECT status, end_time AS end FROM visit`,
  );
  assert.deepEqual(v, [{ status: 'admitted', end: null }]);
  await w.hospital.ok('2302', { data: { feedetl_sn: '0000', mdtrt_id: result.mdtrt_id, psn_no: psnNo } });
  await w.hospital.ok('2404', ref);
  assert.deepEqual(await db.query(`SELECT status FROM visit`), [{ status: 'cancelled' }]);
  // the audit trail has one entry per step
  const actions = await db.query<{ action: string }>(
    `SELECT action FROM audit_entry WHERE entity = 'visit' ORDER BY id`,
  );
  assert.deepEqual(
    actions.map((a) => a.action),
    [
      'visit.admit',
      'fee_line.upload',
      'fee_line.cancel',
      'visit.discharge',
      'visit.cancel_discharge',
      'fee_line.cancel',
      'visit.cancel_admission',
    ],
  );
});
