// Issue 9 §3: 中途结算, 2601 冲正, 5203, 5206, 9101/3202/9102 — through the HIS endpoint.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import { readZip, writeZip } from '../../domain/his/zip.ts';
import { type LineSpec, totalOf, wire } from '../../domain/his/wire-builders.ts';
import { addStaff } from '../medstaff/testing.ts';
import { at, type HisTester, hisWorld, snapshot } from './testing.ts';

const A = 'XA01ABD075A002010100483';
const B = 'XB02BXX123B001010100111';
const C = 'XC03CXX999C001010100222';

const PART1: LineSpec[] = [
  { code: C, pricFen: 30_000, cnt: 1 },
  { code: B, pricFen: 40_000, cnt: 5 },
  { code: A, pricFen: 50_000, cnt: 6 },
];
const PART2: LineSpec[] = [
  { code: B, pricFen: 20_000, cnt: 5 },
  { code: A, pricFen: 70_000, cnt: 10 },
];
const MONEY = [
  'medfee_sumamt',
  'act_pay_dedc',
  'hifp_pay',
  'hifmi_pay',
  'maf_pay',
  'fund_pay_sumamt',
  'psn_part_amt',
];
const fen = (v: unknown) => Math.round(Number(v) * 100);

async function admit(t: HisTester, who: { psnNo: string; certno: string }, iptNo: string) {
  const { result } = await t.ok(
    '2401',
    wire.admission(who.psnNo, '390', at('08:00', '2026-03-01'), iptNo, who.certno),
  );
  return result.mdtrt_id as string;
}

dbTest(
  '中途结算: two parts of a stay add up to the stay settled at once, one deductible, one admission',
  async (db) => {
    const w = await hisWorld(db);
    const t = w.hospital;
    // the stay in two parts, for 王安
    const split = await admit(t, w.ann, 'ZY-MID');
    await t.ok('2301', wire.fees(split, w.ann.psnNo, PART1, at('10:00', '2026-03-02'), null));
    const midInput = {
      data: {
        ...wire.inpatientSettle(w.ann.psnNo, split, totalOf(PART1), w.ann.certno).data,
        mid_setl_flag: '1',
      },
    };
    const pre = await t.ok('2303', midInput);
    const mid = await t.ok('2304', midInput);
    assert.equal(mid.setlinfo.medfee_sumamt, pre.setlinfo.medfee_sumamt);
    assert.ok(fen(mid.setlinfo.act_pay_dedc) > 0, 'the first part pays the deductible');
    // the stay is still open and holds a settlement: it cannot be cancelled; more fees come
    const refused = await t.call('2404', { data: { mdtrt_id: split, psn_no: w.ann.psnNo } });
    assert.match(refused.json.err_msg, /已有中途结算/);
    await t.ok('2301', wire.fees(split, w.ann.psnNo, PART2, at('10:00', '2026-03-08'), null, 10));
    await t.ok('2402', wire.discharge(split, w.ann.psnNo, '390', at('09:00', '2026-03-10')));
    const fin = await t.ok('2304', wire.inpatientSettle(w.ann.psnNo, split, totalOf(PART2), w.ann.certno));
    assert.equal(fen(fin.setlinfo.act_pay_dedc), 0, 'the deductible is not charged twice');

    const acc = await db.query<{ admissions: number; deductible: string; basic: string }>(
      `SELECT admissions, deductible_paid_fen::text AS deductible, basic_fund_paid_fen::text AS basic FROM accumulator WHERE psn_no = $1`,
      [w.ann.psnNo],
    );
    assert.equal(acc[0]!.admissions, 1, 'one admission counted for the stay');
    assert.equal(Number(acc[0]!.deductible), fen(mid.setlinfo.act_pay_dedc));
    assert.equal(Number(acc[0]!.basic), fen(mid.setlinfo.hifp_pay) + fen(fin.setlinfo.hifp_pay));

    // reversal order: the final first; the mid-stay part before it is refused
    const early = await t.call('2305', wire.reversal(mid.setlinfo.setl_id, split, w.ann.psnNo));
    assert.equal(early.json.infcode, -1);
    assert.match(early.json.err_msg, /请先撤销后面的结算/);
    await t.ok('2305', wire.reversal(fin.setlinfo.setl_id, split, w.ann.psnNo));
    await t.ok('2305', wire.reversal(mid.setlinfo.setl_id, split, w.ann.psnNo));
    const back = await db.query<{ admissions: number; basic: string }>(
      `SELECT admissions, basic_fund_paid_fen::text AS basic FROM accumulator WHERE psn_no = $1`,
      [w.ann.psnNo],
    );
    assert.deepEqual([back[0]!.admissions, Number(back[0]!.basic)], [0, 0]);
    const visit = await db.query<{ status: string }>(`SELECT status FROM visit WHERE mdtrt_id = $1`, [split]);
    assert.equal(visit[0]!.status, 'discharged');

    // settled again in one go after both reversals: the same totals as the two parts
    const once = await t.ok(
      '2304',
      wire.inpatientSettle(w.ann.psnNo, split, totalOf([...PART1, ...PART2]), w.ann.certno),
    );
    for (const k of MONEY) {
      assert.equal(fen(once.setlinfo[k]), fen(mid.setlinfo[k]) + fen(fin.setlinfo[k]), k);
    }
  },
);

dbTest(
  '中途结算 is refused for an outpatient visit and after discharge (use the final settlement)',
  async (db) => {
    const w = await hisWorld(db);
    const t = w.hospital;
    const stay = await admit(t, w.ann, 'ZY-D');
    await t.ok('2301', wire.fees(stay, w.ann.psnNo, PART1, at('10:00', '2026-03-02'), null));
    await t.ok('2402', wire.discharge(stay, w.ann.psnNo, '390', at('09:00', '2026-03-10')));
    const before = await snapshot(db);
    const r = await t.call('2304', {
      data: {
        ...wire.inpatientSettle(w.ann.psnNo, stay, totalOf(PART1), w.ann.certno).data,
        mid_setl_flag: '1',
      },
    });
    assert.equal(r.json.infcode, -1);
    assert.match(r.json.err_msg, /中途结算只适用于在院患者/);
    const { his_message: _m, audit_entry: _a, ...rest } = await snapshot(db);
    const { his_message: _m2, audit_entry: _a2, ...restBefore } = before;
    assert.deepEqual(rest, restBefore);
  },
);

async function outpatient(t: HisTester, who: { psnNo: string; certno: string }, no: string) {
  const reg = await t.ok('2201', wire.registration(who.psnNo, '390', at('09:00'), no, who.certno));
  const mdtrtId: string = reg.data.mdtrt_id;
  await t.ok('2203', wire.visitInfo(mdtrtId, who.psnNo, '11', 'J06.900', at('09:05')));
  const lines: LineSpec[] = [
    { code: A, pricFen: 2500, cnt: 4 },
    { code: C, pricFen: 2000, cnt: 1 },
  ];
  await t.ok('2204', wire.fees(mdtrtId, who.psnNo, lines, at('09:10')));
  return { mdtrtId, total: totalOf(lines) };
}

dbTest(
  'lost reply: the retry gets the stored answer; with a new msgid 5203 finds the settlement; 2601 reverses it',
  async (db) => {
    const w = await hisWorld(db);
    const t = w.centre;
    const { mdtrtId, total } = await outpatient(t, w.ann, 'MZ-LOST');
    const msgid = t.nextMsgid();
    const input = wire.outpatientSettle(w.ann.psnNo, mdtrtId, total, w.ann.certno);
    const first = await t.call('2207', input, msgid);
    assert.equal(first.json.infcode, 0, first.text);
    // the answer is lost; the HIS re-sends the same msgid a second later with other whitespace
    w.clock.now = new Date(w.clock.now.getTime() + 1000);
    const again = await t.send(JSON.stringify(JSON.parse(t.body('2207', input, msgid)), null, 2));
    assert.equal(again.json.output.setlinfo.setl_id, first.json.output.setlinfo.setl_id);

    // or it asks with a new msgid which settlement the visit has (5203)
    const q = await t.ok('5203', { data: { psn_no: w.ann.psnNo, mdtrt_id: mdtrtId } });
    assert.equal(q.setlinfo.setl_id, first.json.output.setlinfo.setl_id);
    assert.equal(q.setlinfo.medins_setl_id, msgid);
    assert.equal(q.setlinfo.medfee_sumamt, first.json.output.setlinfo.medfee_sumamt);
    assert.equal(q.setldetail.length, first.json.output.setldetail.length);
    // what a settlement's printout reads (a Foshan HIS): the span, the diagnosis, the person's part
    // under 5203's own names
    const f = first.json.output.setlinfo;
    assert.deepEqual(
      [
        q.setlinfo.begndate,
        q.setlinfo.enddate,
        q.setlinfo.dise_codg,
        q.setlinfo.psn_pay,
        q.setlinfo.cash_payamt,
      ],
      [at('09:00'), at('09:00'), 'J06.900', f.psn_part_amt, f.psn_cash_pay],
    );
    const byId = await t.ok('5203', { data: { psn_no: w.ann.psnNo, setl_id: q.setlinfo.setl_id } });
    assert.equal(byId.setlinfo.hifp_pay, q.setlinfo.hifp_pay);
    const other = await w.hospital.call('5203', { data: { psn_no: w.ann.psnNo, mdtrt_id: mdtrtId } });
    assert.equal(other.json.infcode, -1, "another institution's settlement is not found");

    // 2601 reverses it by the original msgid
    await t.ok('2601', { data: { psn_no: w.ann.psnNo, omsgid: msgid, oinfno: '2207' } });
    const s = await db.query<{ reversed: string | null }>(
      `SELECT reversed_by AS reversed FROM settlement WHERE setl_id = $1`,
      [first.json.output.setlinfo.setl_id],
    );
    assert.ok(s[0]!.reversed, 'the settlement is reversed');
    const acc = await db.query<{ pooled: string }>(
      `SELECT outpatient_pooled_paid_fen::text AS pooled FROM accumulator WHERE psn_no = $1`,
      [w.ann.psnNo],
    );
    assert.equal(Number(acc[0]!.pooled), 0);
    // the original msgid now answers that it was reversed; a second 2601 says so too
    const retry = await t.call('2207', input, msgid);
    assert.match(retry.json.err_msg, /已被冲正/);
    const twice = await t.call('2601', { data: { psn_no: w.ann.psnNo, omsgid: msgid, oinfno: '2207' } });
    assert.match(twice.json.err_msg, /已于冲正报文/);
    // the visit can be settled again under a new msgid
    await t.ok('2207', input);
  },
);

dbTest(
  '2601 for a msgid never processed takes it: the late original is refused and writes nothing',
  async (db) => {
    const w = await hisWorld(db);
    const t = w.centre;
    const { mdtrtId, total } = await outpatient(t, w.ann, 'MZ-LATE');
    const lost = t.nextMsgid();
    await t.ok('2601', { data: { psn_no: w.ann.psnNo, omsgid: lost, oinfno: '2207' } });
    const before = await snapshot(db);
    const late = await t.call('2207', wire.outpatientSettle(w.ann.psnNo, mdtrtId, total, w.ann.certno), lost);
    assert.equal(late.json.infcode, -1);
    assert.match(late.json.err_msg, /已被冲正/);
    assert.deepEqual(await snapshot(db), before);
  },
);

dbTest(
  '2601 undoes a registration, a fee upload and a discharge; refuses what it cannot reverse',
  async (db) => {
    const w = await hisWorld(db);
    const t = w.centre;
    const regMsgid = t.nextMsgid();
    const reg = await t.call(
      '2201',
      wire.registration(w.ann.psnNo, '390', at('09:00'), 'MZ-U', w.ann.certno),
      regMsgid,
    );
    const mdtrtId = reg.json.output.data.mdtrt_id;
    const feeMsgid = t.nextMsgid();
    await t.call(
      '2204',
      wire.fees(mdtrtId, w.ann.psnNo, [{ code: A, pricFen: 2500, cnt: 4 }], at('09:10')),
      feeMsgid,
    );
    await t.ok('2601', { data: { psn_no: w.ann.psnNo, omsgid: feeMsgid, oinfno: '2204' } });
    const lines = await db.query<{ cancelled: boolean }>(
      `SELECT cancelled FROM fee_line WHERE mdtrt_id = $1`,
      [mdtrtId],
    );
    assert.deepEqual(
      lines.map((l) => l.cancelled),
      [true],
    );
    await t.ok('2601', { data: { psn_no: w.ann.psnNo, omsgid: regMsgid, oinfno: '2201' } });
    const v = await db.query<{ status: string }>(`SELECT status FROM visit WHERE mdtrt_id = $1`, [mdtrtId]);
    assert.equal(v[0]!.status, 'cancelled');

    const stay = await admit(w.hospital, w.ann, 'ZY-U');
    const dMsgid = w.hospital.nextMsgid();
    await w.hospital.call(
      '2402',
      wire.discharge(stay, w.ann.psnNo, '390', at('09:00', '2026-03-10')),
      dMsgid,
    );
    await w.hospital.ok('2601', { data: { psn_no: w.ann.psnNo, omsgid: dMsgid, oinfno: '2402' } });
    const s = await db.query<{ status: string }>(`SELECT status FROM visit WHERE mdtrt_id = $1`, [stay]);
    assert.equal(s[0]!.status, 'admitted');

    const preMsgid = t.nextMsgid();
    const wrong = await t.call('2601', { data: { psn_no: w.ann.psnNo, omsgid: preMsgid, oinfno: '2206' } });
    assert.match(wrong.json.err_msg, /不能冲正/);
    const person = await t.call('2601', {
      data: { psn_no: w.tekun.psnNo, omsgid: regMsgid, oinfno: '2201' },
    });
    assert.equal(person.json.infcode, -1);
  },
);

dbTest(
  '4101/4101A/4102 结算清单: uploaded for an own settlement, replaced by an upload again, its status set; refused otherwise',
  async (db) => {
    const w = await hisWorld(db);
    const t = w.hospital;
    const stay = await admit(t, w.ann, 'ZY-LIST');
    await t.ok('2301', wire.fees(stay, w.ann.psnNo, PART1, at('10:00', '2026-03-02'), null));
    await t.ok('2402', wire.discharge(stay, w.ann.psnNo, '390', at('09:00', '2026-03-10')));
    const setlId = (await t.ok('2304', wire.inpatientSettle(w.ann.psnNo, stay, totalOf(PART1), w.ann.certno)))
      .setlinfo.setl_id as string;
    const list = (over: Record<string, unknown> = {}, setlinfo: Record<string, unknown> = {}) => ({
      setlinfo: {
        psn_no: w.ann.psnNo,
        mdtrt_id: stay,
        setl_id: setlId,
        medcasno: 'BA-0001',
        adm_way: '1',
        adm_time: '2026-03-01 08:00:00',
        dscg_time: '2026-03-10 09:00:00',
        dscg_way: '1',
        setl_begn_date: '2026-03-01',
        setl_end_date: '2026-03-10',
        stas_type: '1',
        not_in_the_form: 'dropped',
        ...setlinfo,
      },
      payinfo: [{ fund_pay_type: '310100', fund_payamt: '123.45' }],
      diseinfo: [
        { diag_type: '1', diag_code: 'E11.900', diag_name: '2型糖尿病', maindiag_flag: '0' },
        { diag_type: '1', diag_code: 'I10.x00', diag_name: '高血压', maindiag_flag: '1', adm_cond_type: '1' },
      ],
      oprninfo: [
        {
          oprn_oprt_type: '1',
          oprn_oprt_code: '88.7200',
          oprn_oprt_name: '心脏超声',
          main_oprn_flag: '1',
          oprn_oprt_date: '2026-03-03',
        },
      ],
      icuinfo: [],
      bldinfo: null,
      ...over,
    });
    const first = await t.ok('4101', list());
    assert.match(first.setl_list_id, /^\d+$/);
    assert.equal(first.data.setl_list_id, first.setl_list_id);
    const stored = await db.query<{
      main_diag_code: string;
      operations: number;
      status: string;
      document: any;
    }>('SELECT main_diag_code, operations, status, document FROM his_settlement_list WHERE id = $1', [
      Number(first.setl_list_id),
    ]);
    assert.deepEqual(
      [stored[0]!.main_diag_code, stored[0]!.operations, stored[0]!.status],
      ['I10.x00', 1, '1'],
    );
    // kept as the national document: amounts in fen, times ISO, members the form lacks dropped
    assert.equal(stored[0]!.document.payinfo[0].fund_payamt, 12345);
    assert.equal(stored[0]!.document.setlinfo.adm_time, '2026-03-01T00:00:00.000Z');
    assert.equal(stored[0]!.document.setlinfo.not_in_the_form, undefined);

    // 4101A, uploaded again: replaces the live list (the earlier one kept, ended), told in warn_msg
    const again = await t.call('4101A', list({}, { stas_type: '0' }));
    assert.equal(again.json.infcode, 0, again.json.err_msg);
    assert.match(again.json.warn_msg, new RegExp(`已替换此前上传的结算清单 ${first.setl_list_id}`));
    const rows = await db.query<{ live: boolean }>(
      'SELECT ended_at IS NULL AS live FROM his_settlement_list WHERE setl_id = $1 ORDER BY id',
      [setlId],
    );
    assert.deepEqual(
      rows.map((r) => r.live),
      [false, true],
    );

    // 4102 sets the status, in data.stastinfo or stastinfo
    await t.ok('4102', { data: { stastinfo: [{ psn_no: w.ann.psnNo, setl_id: setlId, stas_type: '2' }] } });
    const clerk = await loginAs(w.app, db, 'clerk');
    const get = (url: string, cookie = clerk) => w.app.inject({ url, headers: { cookie } });
    const shown = await get(`/api/his/settlement-lists/${setlId}`);
    assert.equal(shown.statusCode, 200, shown.body);
    assert.deepEqual(
      (({ mainDiagCode, mainDiagName, operations, status, replaced }) => ({
        mainDiagCode,
        mainDiagName,
        operations,
        status,
        replaced,
      }))(shown.json()),
      { mainDiagCode: 'I10.x00', mainDiagName: '高血压', operations: 1, status: '2', replaced: 1 },
    );
    assert.equal((await get('/api/his/settlement-lists/S999')).statusCode, 404);
    assert.equal(
      (await get(`/api/his/settlement-lists/${setlId}`, await loginAs(w.app, db, 'agent'))).statusCode,
      403,
    );

    // refused: another institution's settlement, another visit, a bad amount, no list to set, no node
    const foreign = await w.other.call('4101', list());
    assert.match(foreign.json.err_msg, /不存在，或不属于本机构/);
    const otherVisit = await t.call('4101', list({}, { mdtrt_id: 'M-OTHER' }));
    assert.match(otherVisit.json.err_msg, /与结算 .* 的就诊 .* 不符/);
    const badAmount = await t.call(
      '4101',
      list({ payinfo: [{ fund_pay_type: '310100', fund_payamt: 'abc' }] }),
    );
    assert.match(badAmount.json.err_msg, /payinfo\.0\.fund_payamt/);
    const noDiag = await t.call('4101', list({ diseinfo: [{ diag_type: '1', diag_name: '高血压' }] }));
    assert.match(noDiag.json.err_msg, /diseinfo\.0\.diag_code/);
    const unknown = await t.call('4102', {
      stastinfo: [{ psn_no: w.ann.psnNo, setl_id: 'S999', stas_type: '2' }],
    });
    assert.match(unknown.json.err_msg, /结算 S999 没有本机构为该人员上传的结算清单/);
    const empty = await t.call('4102', {});
    assert.match(empty.json.err_msg, /stastinfo/);
    // a reversed settlement takes no list
    await t.ok('2305', wire.reversal(setlId, stay, w.ann.psnNo));
    const reversed = await t.call('4101', list());
    assert.match(reversed.json.err_msg, /已被冲销/);
    const audited = await db.query<{ action: string }>(
      `SELECT action FROM audit_entry WHERE action LIKE 'his.settlement_list.%' ORDER BY id`,
    );
    assert.deepEqual(
      audited.map((a) => a.action),
      ['his.settlement_list.upload', 'his.settlement_list.upload', 'his.settlement_list.status'],
    );
  },
);

dbTest(
  "5206: the year's cumulative figures after a stay (admissions, total, deductible, funds)",
  async (db) => {
    const w = await hisWorld(db);
    const t = w.hospital;
    const stay = await admit(t, w.ann, 'ZY-C');
    await t.ok('2301', wire.fees(stay, w.ann.psnNo, PART1, at('10:00', '2026-03-02'), null));
    await t.ok('2402', wire.discharge(stay, w.ann.psnNo, '390', at('09:00', '2026-03-10')));
    const s = await t.ok('2304', wire.inpatientSettle(w.ann.psnNo, stay, totalOf(PART1), w.ann.certno));
    const out = await t.ok('5206', { data: { psn_no: w.ann.psnNo, cum_ym: '202603' } });
    const by = Object.fromEntries(
      out.cuminfo.map((r: { cum_type_code: string; cum: unknown }) => [r.cum_type_code, r.cum]),
    );
    assert.equal(by.C0000, 1);
    assert.equal(fen(by.S0000), totalOf(PART1));
    assert.equal(by.Q0000, s.setlinfo.act_pay_dedc);
    assert.equal(by.D390100, s.setlinfo.hifp_pay);
    assert.equal(by.D390200, s.setlinfo.hifmi_pay);
    assert.ok(
      out.cuminfo.every(
        (r: { insutype: string; year: string; cum_ym: string }) =>
          r.insutype === '390' && r.year === '2026' && r.cum_ym === '202603',
      ),
    );
    const none = await t.ok('5206', { data: { psn_no: w.tekun.psnNo } });
    assert.deepEqual(none.cuminfo, []);
    const bad = await t.call('5206', { data: { psn_no: w.ann.psnNo, cum_ym: '2026-13' } });
    assert.match(bad.json.err_msg, /cum_ym/);
  },
);

dbTest('3202 明细对账 over 9101/9102: the answer file lists each difference', async (db) => {
  const w = await hisWorld(db);
  const t = w.centre;
  const a = await outpatient(t, w.ann, 'MZ-R1');
  const sa = await t.ok('2207', wire.outpatientSettle(w.ann.psnNo, a.mdtrtId, a.total, w.ann.certno));
  const b = await outpatient(t, w.tekun, 'MZ-R2');
  const sb = await t.ok('2207', wire.outpatientSettle(w.tekun.psnNo, b.mdtrtId, b.total, w.tekun.certno));
  const line = (s: { setlinfo: Record<string, unknown> }, total: unknown) =>
    [
      s.setlinfo.setl_id,
      s.setlinfo.mdtrt_id,
      s.setlinfo.psn_no,
      total,
      s.setlinfo.fund_pay_sumamt,
      '0.00',
      '0',
    ].join('\t');
  // the HIS agrees on A, has B with another total, and lists a settlement Yibao never made
  const text = [
    line(sa, sa.setlinfo.medfee_sumamt),
    line(sb, '999.00'),
    ['ST0', 'MD0', 'P0', '1.00', '0.00', '0.00', '0'].join('\t'),
  ].join('\n');
  const bytes = [...writeZip('detail.txt', Buffer.from(text))].map((x) => (x > 127 ? x - 256 : x));
  const up = await t.ok('9101', {
    fsUploadIn: { in: bytes, filename: 'detail.zip', fixmedins_code: t.id.fixmedinsCode },
  });
  assert.equal(up.file_qury_no.length, 30);
  assert.equal(up.data.file_qury_no, up.file_qury_no);
  const r = await t.ok('3202', {
    data: {
      setl_optins: '410926',
      file_qury_no: up.file_qury_no,
      stmt_begndate: '2026-03-01',
      stmt_enddate: '2026-03-31 23:59:59',
      medfee_sumamt: '1000.00',
      fund_pay_sumamt: '0',
      cash_payamt: '0',
      fixmedins_setl_cnt: 3,
      clr_type: '11',
    },
  });
  assert.equal(r.stmtinfo.stmt_rslt, '1');
  const dl = await t.send(
    t.body('9102', {
      fsDownloadIn: { file_qury_no: r.fileinfo.file_qury_no, filename: r.fileinfo.filename },
    }),
  );
  assert.equal(dl.status, 200);
  const res = await w.app.inject({
    method: 'POST',
    url: '/fsi/api/rsfComIfsService/callService',
    headers: (await import('./client.ts')).signedHeaders(t.id, w.clock.now),
    payload: t.body('9102', {
      fsDownloadIn: { file_qury_no: r.fileinfo.file_qury_no, filename: r.fileinfo.filename },
    }),
  });
  assert.equal(res.headers['content-type'], 'application/octet-stream');
  const [entry] = readZip(res.rawPayload);
  const rows = entry!.data
    .toString('utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'));
  assert.deepEqual(
    rows.map((x) => [x[0], x[7]]),
    [
      [sb.setlinfo.setl_id, '3'],
      ['ST0', '1'],
    ],
  );
  // another institution cannot read the file
  const foreign = await w.hospital.call('9102', { fsDownloadIn: { file_qury_no: r.fileinfo.file_qury_no } });
  assert.equal(foreign.json.infcode, -1);
});

dbTest(
  '2403 入院信息变更: diagnoses, doctor and bed change before settlement (adminfo or mdtrtinfo); who and when do not',
  async (db) => {
    const w = await hisWorld(db);
    const t = w.hospital;
    const stay = await admit(t, w.ann, 'ZY-CHG');
    const change = (over: Record<string, unknown>, node = 'adminfo') => ({
      [node]: { mdtrt_id: stay, psn_no: w.ann.psnNo, insutype: '390', ...over },
      diseinfo: [{ diag_type: '1', diag_srt_no: '1', diag_code: 'J18.900', diag_name: '肺炎' }],
    });
    const visit = async () =>
      (
        await db.query<{
          med_type: string;
          diagnoses: { code: string }[];
          main_diag_code: string;
          attending: Record<string, string>;
        }>('SELECT med_type, diagnoses, main_diag_code, attending FROM visit WHERE mdtrt_id = $1', [stay])
      )[0]!;
    await t.ok(
      '2403',
      change({ adm_bed: '7', chfpdr_name: '李主任', dise_codg: 'J18.900', dise_name: '肺炎' }),
    );
    let v = await visit();
    assert.deepEqual(
      v.diagnoses.map((d) => d.code),
      ['J18.900'],
    );
    assert.equal(v.main_diag_code, 'J18.900');
    // the fields sent replace theirs; the department sent at admission stays
    assert.equal(v.attending.bed, '7');
    assert.equal(v.attending.doctorName, '李主任');
    assert.equal(v.attending.deptName, '内科');
    // the Guangzhou-style node name, and a care type change
    await t.ok('2403', change({ med_type: '22' }, 'mdtrtinfo'));
    v = await visit();
    assert.equal(v.med_type, '22');
    const audited = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'visit.admission-change' AND entity_id = $1`,
      [stay],
    );
    assert.equal(audited[0]!.n, 2);

    // the admission time, the scheme and the stay number are not changed by 2403
    const before = await snapshot(db);
    const moved = await t.call('2403', change({ begntime: at('09:00', '2026-03-01') }));
    assert.match(moved.json.err_msg, /入院时间不能变更/);
    const scheme = await t.call('2403', change({ insutype: '310' }));
    assert.match(scheme.json.err_msg, /险种不能变更/);
    const number = await t.call('2403', change({ ipt_no: 'ZY-OTHER' }));
    assert.match(number.json.err_msg, /住院号 ZY-OTHER/);
    const outpatientType = await t.call('2403', change({ med_type: '11' }));
    assert.match(outpatientType.json.err_msg, /med_type/);
    // another institution's stay is not found
    const foreign = await w.other.call('2403', change({ adm_bed: '9' }));
    assert.match(foreign.json.err_msg, /不存在/);
    const { his_message: _a, ...afterRefusals } = await snapshot(db);
    const { his_message: _b, ...beforeRefusals } = before;
    assert.deepEqual(afterRefusals, beforeRefusals);

    // a stay admitted with its date alone (a Foshan HIS: begntime yyyyMMdd) takes 2403's full time of
    // that day as the same admission; another day is still a change
    const dated = (
      await t.ok('2401', wire.admission(w.tekun.psnNo, '390', '20260302', 'ZY-DATE', w.tekun.certno))
    ).result.mdtrt_id as string;
    const sameDay = { mdtrt_id: dated, psn_no: w.tekun.psnNo, insutype: '390', adm_bed: '3' };
    await t.ok('2403', { adminfo: { ...sameDay, begntime: '2026-03-02 08:30:00' } });
    const nextDay = await t.call('2403', { adminfo: { ...sameDay, begntime: '2026-03-03 08:30:00' } });
    assert.match(nextDay.json.err_msg, /入院时间不能变更/);

    // once settled, the stay is closed to changes
    await t.ok('2301', wire.fees(stay, w.ann.psnNo, PART1, at('10:00', '2026-03-02'), null));
    await t.ok('2402', wire.discharge(stay, w.ann.psnNo, '390', at('09:00', '2026-03-10')));
    await t.ok('2403', change({ adm_bed: '8' }));
    await t.ok('2304', wire.inpatientSettle(w.ann.psnNo, stay, totalOf(PART1), w.ann.certno));
    const settled = await t.call('2403', change({ adm_bed: '9' }));
    assert.match(settled.json.err_msg, /不能变更入院信息/);
  },
);

dbTest(
  "5201/5202/5204: an institution reads back its own visits, diagnoses and fee lines — never another's",
  async (db) => {
    const w = await hisWorld(db);
    const t = w.centre;
    const { mdtrtId, total } = await outpatient(t, w.ann, 'MZ-Q1');
    const settled = await t.ok('2207', wire.outpatientSettle(w.ann.psnNo, mdtrtId, total, w.ann.certno));
    const setlId = settled.setlinfo.setl_id as string;
    // a second visit, cancelled: still listed, as invalid
    const reg = await t.ok('2201', wire.registration(w.ann.psnNo, '390', at('11:00'), 'MZ-Q2', w.ann.certno));
    await t.ok('2202', { data: { psn_no: w.ann.psnNo, mdtrt_id: reg.data.mdtrt_id, ipt_otp_no: 'MZ-Q2' } });

    const period = { psn_no: w.ann.psnNo, begntime: '2026-03-01', endtime: '2026-03-15 23:59:59' };
    const visits = (await t.ok('5201', { data: period })).mdtrtinfo;
    assert.deepEqual(
      visits.map((v: Record<string, unknown>) => [v.mdtrt_id, v.vali_flag, v.setl_id]),
      [
        [mdtrtId, '1', setlId],
        [reg.data.mdtrt_id, '0', null],
      ],
    );
    assert.equal(visits[0].med_type, '11');
    assert.equal(visits[0].dise_codg, 'J06.900');
    assert.equal(visits[0].begntime, at('09:00'));
    assert.equal(visits[0].fixmedins_code, 'H41092600011');
    // filters: care type, one visit, a period without visits
    const one = await t.ok('5201', { data: { ...period, mdtrt_id: mdtrtId } });
    assert.equal(one.mdtrtinfo.length, 1);
    const inpatient = await t.ok('5201', { data: { ...period, med_type: '21' } });
    assert.deepEqual(inpatient.mdtrtinfo, []);
    const before = await t.ok('5201', { data: { ...period, begntime: '2026-01-01', endtime: '2026-02-28' } });
    assert.deepEqual(before.mdtrtinfo, []);
    const reversed = await t.call('5201', { data: { ...period, begntime: '2026-03-16' } });
    assert.match(reversed.json.err_msg, /早于开始时间/);
    const long = await t.call('5201', { data: { ...period, begntime: '2024-01-01' } });
    assert.match(long.json.err_msg, /超过 366 天/);

    const dis = (await t.ok('5202', { data: { psn_no: w.ann.psnNo, mdtrt_id: mdtrtId } })).diseinfo;
    assert.deepEqual(
      dis.map((d: Record<string, unknown>) => [d.diag_code, d.maindiag_flag]),
      [['J06.900', '1']],
    );

    // the fee lines, by settlement or by visit: the amounts add up to the settlement's total
    const bySetl = (await t.ok('5204', { data: { psn_no: w.ann.psnNo, setl_id: setlId } })).feedetail;
    const byVisit = (await t.ok('5204', { data: { psn_no: w.ann.psnNo, mdtrt_id: mdtrtId } })).feedetail;
    assert.deepEqual(bySetl, byVisit);
    assert.equal(bySetl.length, 2);
    assert.equal(
      bySetl.reduce((a: number, l: { det_item_fee_sumamt: unknown }) => a + fen(l.det_item_fee_sumamt), 0),
      fen(settled.setlinfo.medfee_sumamt),
    );
    assert.deepEqual(
      bySetl.map((l: Record<string, unknown>) => [l.med_list_codg, l.cnt, l.pric, l.setl_id]),
      [
        [A, 4, 25, setlId],
        [C, 1, 20, setlId],
      ],
    );
    // 丙类 C is all the person's: fully self-paid, selfpay_prop 1
    assert.equal(bySetl[1].selfpay_prop, 1);
    assert.equal(fen(bySetl[1].fulamt_ownpay_amt), 2000);

    // another institution, the same person and visit: not found; another person: not found
    for (const [infno, input] of [
      ['5201', { data: period }],
      ['5202', { data: { psn_no: w.ann.psnNo, mdtrt_id: mdtrtId } }],
      ['5204', { data: { psn_no: w.ann.psnNo, setl_id: setlId } }],
    ] as const) {
      const other = await w.hospital.call(infno, input);
      if (infno === '5201') assert.deepEqual(other.json.output.mdtrtinfo, []);
      else assert.match(other.json.err_msg, /不存在/, infno);
    }
    const wrongPerson = await t.call('5204', { data: { psn_no: w.tekun.psnNo, mdtrt_id: mdtrtId } });
    assert.match(wrongPerson.json.err_msg, /不存在/);
    const neither = await t.call('5204', { data: { psn_no: w.ann.psnNo } });
    assert.match(neither.json.err_msg, /至少填写一个/);
  },
);

dbTest(
  '2001 待遇享受检查: the funds a person may draw on, by fund_pay_type, with the reason when not',
  async (db) => {
    const w = await hisWorld(db);
    const t = w.hospital;
    const check = async (psnNo: string, day = '2026-03-15') => {
      const out = await t.ok('2001', {
        data: {
          psn_no: psnNo,
          insutype: '390',
          fixmedins_code: 'H41092600002',
          med_type: '21',
          begntime: `${day} 08:00:00`,
        },
      });
      assert.ok(
        out.trtinfo.every((r: Record<string, string>) => r.trt_chk_type === '1' && r.psn_no === psnNo),
      );
      return Object.fromEntries(
        out.trtinfo.map((r: Record<string, string>) => [
          r.fund_pay_type,
          [r.trt_enjymnt_flag, r.trt_chk_rslt],
        ]),
      );
    };
    const ann = await check(w.ann.psnNo);
    assert.equal(ann['390100'][0], '1');
    assert.equal(ann['390200'][0], '1');
    assert.deepEqual(ann['610100'], ['0', '2026-03-15 未认定医疗救助对象身份']);
    // 李特 is 特困: medical assistance too
    const tekun = await check(w.tekun.psnNo);
    assert.equal(tekun['610100'][0], '1');
    assert.match(tekun['610100'][1], /特困/);
    // enrolled only in 2025; dead since 2026-03-10
    const lapsed = await check(w.lapsed.psnNo);
    assert.equal(lapsed['390100'][0], '0');
    assert.match(lapsed['390100'][1], /未参加城乡居民基本医疗保险/);
    // enrolled in 2025, but this world has only the 2026 policy: the reason says so
    const in2025 = await check(w.lapsed.psnNo, '2025-06-01');
    assert.deepEqual(in2025['390100'], ['0', '参保地 2025-06-01 没有生效的城乡居民基本医疗保险待遇政策']);
    const late = await check(w.late.psnNo);
    assert.match(late['390100'][1], /已于 2026-03-10 死亡/);
    const unknown = await t.call('2001', {
      data: { psn_no: '41092699999999', insutype: '390', begntime: '2026-03-15 08:00:00' },
    });
    assert.match(unknown.json.err_msg, /不存在/);
  },
);

dbTest(
  '3301/3302 目录对照: upload (data or catalogcompin), replace, revoke — per institution, kept as history',
  async (db) => {
    const w = await hisWorld(db);
    const t = w.hospital;
    const row = (id: string, codg: string) => ({
      fixmedins_hilist_id: id,
      fixmedins_hilist_name: `院内${id}`,
      list_type: '101',
      med_list_codg: codg,
      begndate: '2026-01-01',
      aprvno: '国药准字H00000000',
      spec: '0.25g*24',
    });
    const live = () =>
      db.query<{ his_item_code: string; med_list_codg: string; in_catalogue: boolean }>(
        `SELECT his_item_code, med_list_codg, in_catalogue FROM his_item_mapping
        WHERE fixmedins_code = 'H41092600002' AND ended_at IS NULL ORDER BY his_item_code`,
      );
    const up = await t.call('3301', { data: [row('YP001', A), row('YP002', 'XZ99NOTINCATALOGUE0001')] });
    assert.equal(up.json.infcode, 0);
    assert.match(up.json.warn_msg, /XZ99NOTINCATALOGUE0001/);
    assert.deepEqual(
      (await live()).map((r) => [r.his_item_code, r.med_list_codg, r.in_catalogue]),
      [
        ['YP001', A, true],
        ['YP002', 'XZ99NOTINCATALOGUE0001', false],
      ],
    );
    // the same item again, as a Guangzhou HIS sends it: it replaces the mapping, the old one is kept ended
    await t.ok('3301', { catalogcompin: [row('YP001', B)] });
    assert.deepEqual(
      (await live()).map((r) => [r.his_item_code, r.med_list_codg]),
      [
        ['YP001', B],
        ['YP002', 'XZ99NOTINCATALOGUE0001'],
      ],
    );
    const all = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM his_item_mapping');
    assert.equal(all[0]!.n, 3);
    // an item twice in one upload, or an end before the beginning: refused, nothing written
    const twice = await t.call('3301', { data: [row('YP003', A), row('YP003', B)] });
    assert.match(twice.json.err_msg, /YP003.*多次/);
    const backwards = await t.call('3301', { data: { ...row('YP004', A), enddate: '2025-12-31' } });
    assert.match(backwards.json.err_msg, /enddate/);
    assert.equal((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM his_item_mapping'))[0]!.n, 3);

    // 3302 ends the live mapping; another institution cannot end this one's
    const revoke = { data: { fixmedins_hilist_id: 'YP001', list_type: '101', med_list_codg: B } };
    const foreign = await w.other.call('3302', revoke);
    assert.match(foreign.json.err_msg, /没有.*有效对照/);
    await t.ok('3302', revoke);
    assert.deepEqual(
      (await live()).map((r) => r.his_item_code),
      ['YP002'],
    );
    const again = await t.call('3302', revoke);
    assert.match(again.json.err_msg, /没有.*有效对照/);
    // county staff read the live mappings in the workbench (list and xlsx); an agent does not
    const clerk = await loginAs(w.app, db, 'clerk');
    const get = (url: string, cookie = clerk) => w.app.inject({ url, headers: { cookie } });
    const list = await get('/api/his/mappings/H41092600002?q=YP');
    assert.equal(list.statusCode, 200, list.body);
    assert.deepEqual(
      list
        .json()
        .items.map((m: { hisItemCode: string; inCatalogue: boolean }) => [m.hisItemCode, m.inCatalogue]),
      [['YP002', false]],
    );
    assert.equal(list.json().total, 1);
    const sheet = await get('/api/his/mappings/H41092600002/export.xlsx');
    assert.equal(sheet.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    assert.equal(ws.rowCount, 2);
    assert.deepEqual(
      [1, 2, 3, 4, 8].map((c) => ws.getRow(2).getCell(c).text),
      ['YP002', '院内YP002', '101', 'XZ99NOTINCATALOGUE0001', '否（待核对）'],
    );
    assert.equal(
      (await get('/api/his/mappings/H41092600002', await loginAs(w.app, db, 'agent'))).statusCode,
      403,
    );
    assert.equal((await get('/api/his/mappings/nope')).statusCode, 400);

    const audited = await db.query<{ action: string }>(
      `SELECT action FROM audit_entry WHERE action LIKE 'his.mapping.%' ORDER BY id`,
    );
    assert.deepEqual(
      audited.map((a) => a.action),
      ['his.mapping.upload', 'his.mapping.upload', 'his.mapping.revoke'],
    );
  },
);

dbTest(
  '3401/3402/3403/5101 医保科室: upload (one or a list, 3401A), change, revoke, list — per institution, kept as history',
  async (db) => {
    const w = await hisWorld(db);
    const t = w.hospital;
    const dept = (code: string, name: string, over: Record<string, unknown> = {}) => ({
      hosp_dept_codg: code,
      caty: 'A03',
      hosp_dept_name: name,
      begntime: '2026-01-01 00:00:00',
      itro: '内科门诊与病区',
      dept_resper_name: '周主任',
      dept_resper_tel: '0393-1234567',
      dept_estbdat: '1998-05-01',
      aprv_bed_cnt: 40,
      hi_crtf_bed_cnt: '36',
      dr_psncnt: 12,
      nurs_psncnt: '20',
      ...over,
    });
    await t.ok('3401', { deptinfo: dept('NK01', '心内科') });
    await t.ok('3401A', { deptinfo: [dept('WK01', '普外科', { caty: 'A04' }), dept('EK01', '儿科')] });
    // another institution's departments are its own
    await w.other.ok('3401', { deptinfo: dept('NK01', '中医内科') });
    const listed = await t.ok('5101', {});
    assert.deepEqual(
      listed.feedetail.map((d: Record<string, unknown>) => [d.hosp_dept_codg, d.hosp_dept_name, d.caty]),
      [
        ['EK01', '儿科', 'A03'],
        ['NK01', '心内科', 'A03'],
        ['WK01', '普外科', 'A04'],
      ],
    );
    const nk = listed.feedetail[1];
    assert.deepEqual(
      [nk.begntime, nk.endtime, nk.dept_resper_name, nk.dept_estbdat, nk.aprv_bed_cnt, nk.hi_crtf_bed_cnt],
      ['2026-01-01 00:00:00', null, '周主任', '1998-05-01', 40, 36],
    );
    assert.equal(nk.nurs_psncnt, 20);
    assert.equal(nk.phar_psncnt, null);
    // a HIS that sends no input at all ("input": "") gets them too; by code
    const bare = JSON.parse(t.body('5101', {}));
    bare.input = '';
    assert.equal((await t.send(JSON.stringify(bare))).json.output.feedetail.length, 3);
    const one = await t.ok('5101', { data: { hosp_dept_codg: 'WK01' } });
    assert.deepEqual(
      one.feedetail.map((d: Record<string, unknown>) => d.hosp_dept_codg),
      ['WK01'],
    );

    // uploaded again: refused, to be changed by 3402; a list naming one code twice: refused
    const again = await t.call('3401', { deptinfo: dept('NK01', '心内科') });
    assert.match(again.json.err_msg, /科室 NK01 已上传，变更请用 3402/);
    const twice = await t.call('3401', { deptinfo: [dept('GK01', '骨科'), dept('GK01', '骨科')] });
    assert.match(twice.json.err_msg, /GK01 在本次上传中出现多次/);
    const backwards = await t.call('3401', { deptinfo: dept('GK02', '骨科', { endtime: '2025-01-01' }) });
    assert.match(backwards.json.err_msg, /endtime.*早于开始时间/);
    const negative = await t.call('3401', { deptinfo: dept('GK03', '骨科', { aprv_bed_cnt: -1 }) });
    assert.match(negative.json.err_msg, /aprv_bed_cnt/);
    await t.ok('3402', { deptinfo: dept('NK01', '心血管内科', { aprv_bed_cnt: 50 }) });
    const changed = await t.ok('5101', { data: { hosp_dept_codg: 'NK01' } });
    assert.deepEqual(
      [changed.feedetail[0].hosp_dept_name, changed.feedetail[0].aprv_bed_cnt],
      ['心血管内科', 50],
    );
    const unknown = await t.call('3402', { deptinfo: dept('XX01', '无此科') });
    assert.match(unknown.json.err_msg, /科室 XX01 未上传或已撤销/);
    await t.ok('3403', { data: { hosp_dept_codg: 'EK01', hosp_dept_name: '儿科', begntime: '2026-01-01' } });
    const revoked = await t.call('3403', { data: { hosp_dept_codg: 'EK01' } });
    assert.match(revoked.json.err_msg, /科室 EK01 未上传或已撤销/);
    // history kept: NK01 twice (ended, live), EK01 ended
    const rows = await db.query<{ dept_code: string; live: boolean }>(
      `SELECT dept_code, ended_at IS NULL AS live FROM his_department WHERE fixmedins_code = 'H41092600002' ORDER BY id`,
    );
    assert.deepEqual(
      rows.map((r) => `${r.dept_code}:${r.live}`),
      ['NK01:false', 'WK01:true', 'EK01:false', 'NK01:true'],
    );

    // county staff read them in the workbench (list and xlsx)
    const clerk = await loginAs(w.app, db, 'clerk');
    const get = (url: string, cookie = clerk) => w.app.inject({ url, headers: { cookie } });
    const list = await get('/api/his/departments/H41092600002?q=内科');
    assert.equal(list.statusCode, 200, list.body);
    assert.deepEqual(
      list
        .json()
        .items.map((d: { code: string; detail: { approvedBeds: number } }) => [
          d.code,
          d.detail.approvedBeds,
        ]),
      [['NK01', 50]],
    );
    const sheet = await get('/api/his/departments/H41092600002/export.xlsx');
    assert.equal(sheet.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    assert.equal(ws.rowCount, 3);
    assert.deepEqual(
      [1, 2, 3, 4, 8].map((c) => ws.getRow(2).getCell(c).text),
      ['NK01', '心血管内科', 'A03', '2026-01-01 00:00:00', '50'],
    );
    assert.equal(
      (await get('/api/his/departments/H41092600002', await loginAs(w.app, db, 'agent'))).statusCode,
      403,
    );
    const audited = await db.query<{ action: string }>(
      `SELECT action FROM audit_entry WHERE action LIKE 'his.department.%' ORDER BY id`,
    );
    assert.deepEqual(
      audited.map((a) => a.action),
      [
        'his.department.upload',
        'his.department.upload',
        'his.department.upload',
        'his.department.change',
        'his.department.revoke',
      ],
    );
  },
);

dbTest(
  "5205 人员慢特病用药记录查询: the person's settled chronic-care drug lines at every institution, in the period",
  async (db) => {
    const w = await hisWorld(db);
    // 王安 is qualified for 高血压 (I10) at both the hospital and the health centre
    await db.query(
      `INSERT INTO disease_qualification (psn_no, disease_code, institution_codes, valid_from)
       VALUES ($1, 'I10', ARRAY['H41092600002', 'H41092600011'], '2026-01-01')`,
      [w.ann.psnNo],
    );
    const chronic = async (t: HisTester, no: string, hhmm: string, lines: LineSpec[], settle = true) => {
      const reg = await t.ok('2201', wire.registration(w.ann.psnNo, '390', at(hhmm), no, w.ann.certno));
      const mdtrtId: string = reg.data.mdtrt_id;
      await t.ok('2203', wire.visitInfo(mdtrtId, w.ann.psnNo, '14', 'I10.x00', at(hhmm)));
      await t.ok('2204', wire.fees(mdtrtId, w.ann.psnNo, lines, at(hhmm)));
      const input = wire.outpatientSettle(w.ann.psnNo, mdtrtId, totalOf(lines), w.ann.certno, '390', '14');
      if (settle) await t.ok('2207', input);
      return mdtrtId;
    };
    await chronic(w.hospital, 'MZ-C1', '08:00', [{ code: A, pricFen: 1250, cnt: 30 }]);
    await chronic(w.centre, 'MZ-C2', '10:00', [
      { code: B, pricFen: 2000, cnt: 14 },
      // a service line is not a drug record
      { code: '001201000010000', pricFen: 5000, cnt: 1 },
    ]);
    // not settled yet, and an ordinary outpatient visit: neither counts
    await chronic(w.centre, 'MZ-C3', '11:00', [{ code: A, pricFen: 1250, cnt: 10 }], false);
    await outpatient(w.centre, w.ann, 'MZ-C4');

    const ask = (t: HisTester, begntime: string, endtime: string) =>
      t.ok('5205', { data: { psn_no: w.ann.psnNo, begntime, endtime } });
    // asked by the health centre, it sees the hospital's prescription too
    const all = (await ask(w.centre, '2026-03-15 00:00:00', '2026-03-15 23:59:59')).feedetail;
    assert.deepEqual(
      all.map((l: Record<string, unknown>) => [l.fixmedins_code, l.med_list_codg, l.cnt, l.med_type]),
      [
        ['H41092600002', A, 30, '14'],
        ['H41092600011', B, 14, '14'],
      ],
    );
    assert.equal(all[0].fee_ocur_time, at('08:00'));
    assert.equal(all[0].fixmedins_name, '演示县人民医院');
    assert.equal(fen(all[1].det_item_fee_sumamt), 28_000);
    // the period is of instants: the morning only
    const morning = (await ask(w.centre, '2026-03-15 00:00:00', '2026-03-15 09:00:00')).feedetail;
    assert.deepEqual(
      morning.map((l: Record<string, unknown>) => l.med_list_codg),
      [A],
    );
    const backwards = await w.centre.call('5205', {
      data: { psn_no: w.ann.psnNo, begntime: '2026-03-16 00:00:00', endtime: '2026-03-15 00:00:00' },
    });
    assert.match(backwards.json.err_msg, /早于开始时间/);
  },
);

dbTest(
  '1901 字典表查询: a national dictionary by type; a type Yibao lacks is an empty list with a warning',
  async (db) => {
    const w = await hisWorld(db);
    const med = await w.hospital.call('1901', {
      data: { type: 'MED_TYPE', admdvs: '410926', date: '2026-03-15' },
    });
    assert.equal(med.json.infcode, 0);
    const rows = med.json.output.list;
    assert.deepEqual(rows[0], {
      type: 'MED_TYPE',
      label: '普通门诊',
      value: '11',
      parent_value: null,
      sort: 1,
      vali_flag: '1',
      create_user: null,
      create_date: null,
      version: null,
    });
    assert.equal(rows.find((r: Record<string, unknown>) => r.value === '21').label, '普通住院');
    assert.deepEqual(
      (await w.hospital.ok('1901', { data: { type: 'mdtrt_cert_type' } })).list.map(
        (r: Record<string, unknown>) => [r.value, r.label],
      ),
      [
        ['01', '医保电子凭证'],
        ['02', '居民身份证'],
        ['03', '社会保障卡'],
      ],
    );
    const unknown = await w.hospital.call('1901', { data: { type: 'NATY' } });
    assert.equal(unknown.json.infcode, 0);
    assert.deepEqual(unknown.json.output.list, []);
    assert.match(unknown.json.warn_msg, /字典类型 NATY 暂无数据，可查询：INSUTYPE、MED_TYPE/);
    const missing = await w.hospital.call('1901', { data: {} });
    assert.match(missing.json.err_msg, /缺少必填字段 input\.data\.type/);
  },
);

dbTest(
  '1312 医保目录信息查询: the catalogue page by page, filtered as a HIS asks, and by updt_time',
  async (db) => {
    const w = await hisWorld(db);
    // an ended version of the A item, and every item last changed on New Year's day but the service
    await db.query(
      `INSERT INTO catalogue_item (code, name, kind, chrgitm_lv, med_chrgitm_type, valid_from, valid_to)
     VALUES ('XA01ABD075A002010100483', '甲类药品（旧）', 'drug', '01', '09', '2018-01-01', '2019-12-31')`,
    );
    await db.query(
      `UPDATE catalogue_item SET updated_at = '2026-01-01T00:00:00Z', created_at = '2025-12-01T00:00:00Z'`,
    );
    await db.query(
      `UPDATE catalogue_item SET updated_at = '2026-03-10T02:00:00Z' WHERE code = '001201000010000'`,
    );
    const ask = (data: Record<string, unknown>) =>
      w.hospital.ok('1312', { data: { page_num: 1, page_size: 100, ...data } });

    const all = await ask({});
    assert.equal(all.recordCounts, 6);
    assert.deepEqual(
      all.data.map((r: Record<string, unknown>) => [r.hilist_code, r.begndate, r.vali_flag]),
      [
        ['001201000010000', '2020-01-01', '1'],
        ['C01020304050607080910111213', '2020-01-01', '1'],
        ['XA01ABD075A002010100483', '2018-01-01', '0'],
        ['XA01ABD075A002010100483', '2020-01-01', '1'],
        ['XB02BXX123B001010100111', '2020-01-01', '1'],
        ['XC03CXX999C001010100222', '2020-01-01', '1'],
      ],
    );
    const service = all.data[0];
    assert.equal(service.hilist_name, '限价诊疗项目');
    assert.equal(service.list_type, '201');
    assert.equal(service.med_chrgitm_type, '05');
    assert.equal(service.insu_admdvs, '410926');
    assert.equal(service.enddate, null);
    assert.equal(service.updt_time, '2026-03-10 10:00:00');
    assert.equal(service.crte_time, '2025-12-01 08:00:00');
    // the inpatient-only material is a restricted item
    assert.equal(all.data[1].lmt_used_flag, '1');
    assert.equal(all.data[4].lmt_used_flag, '0');

    // pages of two: the third is the last
    const third = await ask({ page_num: '3', page_size: '2' });
    assert.deepEqual(
      [
        third.pageNum,
        third.pageSize,
        third.size,
        third.startRow,
        third.recordCounts,
        third.pages,
        third.lastPage,
      ],
      [3, 2, 2, 5, 6, 3, 3],
    );
    assert.deepEqual(
      third.data.map((r: Record<string, unknown>) => r.hilist_code),
      ['XB02BXX123B001010100111', 'XC03CXX999C001010100222'],
    );
    const beyond = await ask({ page_num: 4, page_size: 2 });
    assert.deepEqual([beyond.size, beyond.startRow, beyond.data.length], [0, 0, 0]);

    // changed since the HIS's last sync: only the service
    const changed = await ask({ updt_time: '2026-03-01 00:00:00' });
    assert.deepEqual(
      changed.data.map((r: Record<string, unknown>) => r.hilist_code),
      ['001201000010000'],
    );
    // valid on a date, by code, by class, by list type, by name, by validity
    const on2019 = await ask({ query_date: '2019-06-01', hilist_code: 'XA01ABD075A002010100483' });
    assert.deepEqual(
      on2019.data.map((r: Record<string, unknown>) => r.hilist_name),
      ['甲类药品（旧）'],
    );
    assert.equal((await ask({ chrgitm_lv: '02' })).recordCounts, 1);
    assert.equal((await ask({ list_type: '301' })).data[0].hilist_code, 'C01020304050607080910111213');
    assert.equal((await ask({ list_type: '102' })).recordCounts, 0);
    assert.equal((await ask({ hilist_name: '类药' })).recordCounts, 4);
    assert.equal((await ask({ vali_flag: '0' })).recordCounts, 1);
    assert.equal((await ask({ lmt_used_flag: '1' })).recordCounts, 1);

    const big = await w.hospital.call('1312', { data: { page_num: 1, page_size: 5000 } });
    assert.equal(big.json.infcode, -1);
    assert.match(big.json.err_msg, /page_size/);
    const far = await w.hospital.call('1312', { data: { page_num: 1e15, page_size: 1000 } });
    assert.equal(far.json.infcode, -1);
    assert.match(far.json.err_msg, /page_num/);
    const noPage = await w.hospital.call('1312', { data: { page_size: 10 } });
    assert.match(noPage.json.err_msg, /缺少必填字段 input\.data\.page_num/);
    const badType = await w.hospital.call('1312', { data: { page_num: 1, page_size: 10, list_type: '999' } });
    assert.match(badType.json.err_msg, /list_type/);
  },
);

dbTest(
  "5301 人员慢特病备案查询: the person's qualifications not yet ended, named as the policy names them",
  async (db) => {
    const w = await hisWorld(db);
    await db.query(
      `INSERT INTO disease_qualification (psn_no, disease_code, institution_codes, valid_from, valid_to)
       VALUES ($1, 'I10', ARRAY['H41092600002'], '2026-01-01', NULL),
              ($1, 'E11', ARRAY['H41092600002'], '2025-01-01', '2025-12-31'),
              ($1, 'X99', '{}', '2026-06-01', '2026-12-31'),
              ($1, 'N18', '{}', '2025-06-01', '2026-03-15')`,
      [w.ann.psnNo],
    );
    // asked by an institution the qualifications do not name: a HIS learns what it may settle as 14
    const { feedetail } = await w.far.ok('5301', { data: { psn_no: w.ann.psnNo } });
    assert.deepEqual(feedetail, [
      // ends today (2026-03-15): still in force
      { opsp_dise_code: 'N18', opsp_dise_name: '尿毒症透析', begndate: '2025-06-01', enddate: '2026-03-15' },
      { opsp_dise_code: 'I10', opsp_dise_name: '高血压', begndate: '2026-01-01', enddate: null },
      // a code no policy names is answered by its code; a qualification still to begin is told
      { opsp_dise_code: 'X99', opsp_dise_name: 'X99', begndate: '2026-06-01', enddate: '2026-12-31' },
    ]);
    // a day later N18 has ended
    w.clock.now = new Date('2026-03-16T02:00:00Z');
    const later = await w.far.ok('5301', { data: { psn_no: w.ann.psnNo } });
    assert.deepEqual(
      later.feedetail.map((r: Record<string, unknown>) => r.opsp_dise_code),
      ['I10', 'X99'],
    );
    assert.deepEqual((await w.far.ok('5301', { data: { psn_no: w.tekun.psnNo } })).feedetail, []);
    const unknown = await w.far.call('5301', { data: { psn_no: '410926999999' } });
    assert.equal(unknown.json.infcode, -1);
    assert.match(unknown.json.err_msg, /人员编号 410926999999 不存在/);
    const missing = await w.far.call('5301', { data: {} });
    assert.equal(missing.json.infcode, -1);
    assert.match(missing.json.err_msg, /psn_no/);
  },
);

dbTest(
  '5303 在院信息查询: the stays a person is in hospital for now, at any institution, until discharged',
  async (db) => {
    const w = await hisWorld(db);
    const stay = (
      await w.hospital.ok(
        '2401',
        wire.admission(w.ann.psnNo, '390', at('08:00', '2026-03-11'), 'ZY-5303', w.ann.certno),
      )
    ).result.mdtrt_id as string;
    // an outpatient visit is not a stay
    await w.centre.ok(
      '2201',
      wire.registration(w.ann.psnNo, '390', at('09:00', '2026-03-12'), 'MZ-5303', w.ann.certno),
    );
    // asked by another institution (before it admits): the stay, with the person's facts
    const { data } = await w.far.ok('5303', { data: { psn_no: w.ann.psnNo } });
    assert.deepEqual(data, [
      {
        mdtrt_id: stay,
        psn_no: w.ann.psnNo,
        psn_cert_type: '01',
        certno: w.ann.certno,
        psn_name: '王安',
        gend: data[0].gend,
        brdy: '1970-02-03',
        age: 56,
        insutype: '390',
        begndate: '2026-03-11',
        med_type: '21',
        ipt_otp_no: 'ZY-5303',
        out_flag: '0',
      },
    ]);
    assert.match(data[0].gend, /^[12]$/);
    // a period the admission is not in: none
    const before = await w.far.ok('5303', {
      data: { psn_no: w.ann.psnNo, begntime: '2026-03-01 00:00:00', endtime: '2026-03-10 23:59:59' },
    });
    assert.deepEqual(before.data, []);
    // discharged, no longer in hospital
    await w.hospital.ok('2402', wire.discharge(stay, w.ann.psnNo, '390', at('09:00', '2026-03-14')));
    assert.deepEqual((await w.far.ok('5303', { data: { psn_no: w.ann.psnNo } })).data, []);
    const unknown = await w.far.call('5303', { data: { psn_no: '410926999999' } });
    assert.match(unknown.json.err_msg, /人员编号 410926999999 不存在/);
    const missing = await w.far.call('5303', { data: {} });
    assert.match(missing.json.err_msg, /psn_no/);
  },
);

dbTest(
  "5102 医执人员信息查询: the institution's own registered staff, by kind, name or code, with their qualification",
  async (db) => {
    const w = await hisWorld(db);
    await addStaff(db, { fixmedinsCode: 'H41092600002', staffCode: 'D410926000001', name: '张医生' });
    await addStaff(db, { fixmedinsCode: 'H41092600002', staffCode: 'D410926000002', name: '刘医生' });
    await addStaff(db, {
      fixmedinsCode: 'H41092600002',
      staffCode: 'N410926000001',
      name: '陈护士',
      kind: 'nurse',
    });
    // another institution's doctor is not listed
    await addStaff(db, { fixmedinsCode: 'H41092600003', staffCode: 'D410926000009', name: '赵医生' });
    await db.query(
      `UPDATE medstaff SET status = 'suspended', suspended_until = '2026-05-31' WHERE staff_code = 'D410926000002'`,
    );
    const doctors = await w.hospital.ok('5102', { data: { prac_psn_type: '1' } });
    assert.deepEqual(doctors.data, doctors.feedetail);
    assert.deepEqual(
      doctors.feedetail.map((r: Record<string, unknown>) => [
        r.prac_psn_code,
        r.prac_psn_name,
        r.prac_psn_type,
        r.hi_dr_flag,
        r.chg_rea,
      ]),
      [
        ['D410926000001', '张医生', '1', '1', null],
        ['D410926000002', '刘医生', '1', '0', '医保支付资格暂停至 2026-05-31'],
      ],
    );
    assert.match(doctors.feedetail[0].begntime, /^2026-01-05 10:00:00$/);
    const nurses = await w.hospital.ok('5102', { data: { prac_psn_type: 2, prac_psn_name: '陈' } });
    assert.deepEqual(
      nurses.feedetail.map((r: Record<string, unknown>) => r.prac_psn_code),
      ['N410926000001'],
    );
    const byCode = await w.hospital.ok('5102', {
      data: { prac_psn_type: '', prac_psn_code: 'D410926000001' },
    });
    assert.equal(byCode.feedetail.length, 1);
    // the suspension over, the doctor may bill again
    w.clock.now = new Date('2026-06-01T02:00:00Z');
    const later = await w.hospital.ok('5102', { data: { prac_psn_code: 'D410926000002' } });
    assert.equal(later.feedetail[0].hi_dr_flag, '1');
    const bad = await w.hospital.call('5102', { data: { prac_psn_type: '9' } });
    assert.equal(bad.json.infcode, -1);
    assert.match(bad.json.err_msg, /prac_psn_type/);
  },
);

dbTest(
  '2501/2502 转院备案: the referring hospital files a referral, the far stay settles unreduced; cancelled, reduced again',
  async (db) => {
    const w = await hisWorld(db);
    // 王安's stay at the provincial hospital (another region), discharged, not settled
    const far = w.far;
    const { result } = await far.ok(
      '2401',
      wire.admission(w.ann.psnNo, '390', at('08:00', '2026-03-11'), 'ZY-FAR', w.ann.certno),
    );
    const stay = result.mdtrt_id as string;
    await far.ok('2301', wire.fees(stay, w.ann.psnNo, PART1, at('10:00', '2026-03-12'), null));
    await far.ok('2402', wire.discharge(stay, w.ann.psnNo, '390', at('09:00', '2026-03-14')));
    const fund = async () =>
      fen(
        (await far.ok('2303', wire.inpatientSettle(w.ann.psnNo, stay, totalOf(PART1), w.ann.certno))).setlinfo
          .hifp_pay,
      );
    const unfiled = await fund();

    const referral = (over: Record<string, unknown>) => ({
      refmedin: {
        psn_no: w.ann.psnNo,
        insutype: '390',
        diag_code: 'I10.x00',
        diag_name: '高血压',
        reflin_medins_no: 'H41010200001',
        reflin_medins_name: '省城医院',
        hosp_agre_refl_flag: '1',
        refl_date: '2026-03-10',
        refl_rea: '病情需要',
        begndate: '2026-03-10',
        enddate: '2026-06-30',
        ...over,
      },
    });
    // the county hospital refers: the destination is the referred institution's region
    const filed = await w.hospital.ok('2501', referral({}));
    const sn = filed.result.trt_dcla_detl_sn as string;
    const row = await db.query<{ type: string; destination: string; fixmedins_code: string }>(
      'SELECT type, destination, fixmedins_code FROM filing WHERE id = $1',
      [Number(sn)],
    );
    assert.deepEqual(row[0], { type: 'referral', destination: '410102', fixmedins_code: 'H41092600002' });
    const referred = await fund();
    assert.ok(referred > unfiled, `filed ${referred} > unfiled ${unfiled}`);

    // 2501A with the region named; an unknown institution and no region: refused
    const a = await w.hospital.ok('2501A', referral({ reflin_medins_no: null, mdtrtarea_admdvs: '410105' }));
    assert.ok(a.result.trt_dcla_detl_sn);
    // 5304 at the hospital referred to: both referrals, with what the referring HIS told
    const listed = await far.ok('5304', { data: { psn_no: w.ann.psnNo, begntime: '2026-03-01 00:00:00' } });
    assert.equal(listed.refmedin.length, 2);
    const first = listed.refmedin[0];
    assert.deepEqual(
      {
        sn: first.trt_dcla_detl_sn,
        name: first.psn_name,
        certno: first.certno,
        diag: [first.diag_code, first.diag_name],
        to: [first.reflin_medins_no, first.reflin_medins_name, first.mdtrtarea_admdvs],
        out: first.out_flag,
        dates: [first.refl_date, first.begndate, first.enddate],
        why: first.refl_rea,
        agrees: first.hosp_agre_refl_flag,
        by: first.fixmedins_code,
        insutype: first.insutype,
      },
      {
        sn,
        name: '王安',
        certno: w.ann.certno,
        diag: ['I10.x00', '高血压'],
        to: ['H41010200001', '省城医院', '410102'],
        out: '1',
        dates: ['2026-03-10', '2026-03-10', '2026-06-30'],
        why: '病情需要',
        agrees: '1',
        by: 'H41092600002',
        insutype: '390',
      },
    );
    assert.equal(listed.refmedin[1].mdtrtarea_admdvs, '410105');
    assert.match(first.opt_time, /^2026-03-15 \d{2}:\d{2}:\d{2}$/);
    // the members without the data node, as some HIS send them; a period after both: none
    const flat = await far.ok('5304', { psn_no: w.ann.psnNo, begntime: '2026-07-01', endtime: '2026-07-31' });
    assert.deepEqual(flat.refmedin, []);
    const nowhere = await w.hospital.call('2501', referral({ reflin_medins_no: 'H99999999999' }));
    assert.match(nowhere.json.err_msg, /无法确定转往地/);
    const backwards = await w.hospital.call('2501', referral({ enddate: '2026-03-01' }));
    assert.match(backwards.json.err_msg, /结束日期不能早于开始日期/);

    // only the filing institution cancels; cancelled, the far stay is reduced again
    const cancel = { data: { trt_dcla_detl_sn: sn, psn_no: w.ann.psnNo, memo: '患者放弃转院' } };
    const foreign = await w.centre.call('2502', cancel);
    assert.match(foreign.json.err_msg, /不是本机构/);
    await w.hospital.ok('2502', cancel);
    assert.equal(await fund(), unfiled);
    // cancelled, it is no longer listed
    const left = await far.ok('5304', { data: { psn_no: w.ann.psnNo } });
    assert.deepEqual(
      left.refmedin.map((r: Record<string, unknown>) => r.trt_dcla_detl_sn),
      [a.result.trt_dcla_detl_sn],
    );
    const unknown = await far.call('5304', { data: { psn_no: '410926999999' } });
    assert.match(unknown.json.err_msg, /人员编号 410926999999 不存在/);
    const reversed = await far.call('5304', {
      data: { psn_no: w.ann.psnNo, begntime: '2026-03-02', endtime: '2026-03-01' },
    });
    assert.match(reversed.json.err_msg, /endtime.*早于开始时间/);
    const again = await w.hospital.call('2502', cancel);
    assert.match(again.json.err_msg, /已撤销/);
    const audited = await db.query<{ action: string }>(
      `SELECT action FROM audit_entry WHERE entity = 'filing' ORDER BY id`,
    );
    assert.deepEqual(
      audited.map((x) => x.action),
      ['filing.create', 'filing.create', 'filing.cancel'],
    );
  },
);
