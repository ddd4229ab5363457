// HIS conformance (issue 9, sections 1, 2 and 4): request shapes real hospital systems send —
// infno variants, object/array nodes, dates/date-times, string/number amounts, 4–6 decimal
// prices, GBK bodies, return lines, unknown members — the reply fields their code reads with
// their JSON types, and the operational guarantees: lost-reply retries, msgid per institution,
// signature replay, amount bounds, the gateway schemes, 1101 by e-voucher and card.
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { dbTest } from '../../db/testing.ts';
import { DEMO_CREDENTIAL_SCHEME, demoCardNo, demoVoucherToken } from '../../domain/demo/credentials.ts';
import { apiHmacSignature } from '../../domain/his/gateway-auth.ts';
import { envelope, signedHeaders } from './client.ts';
import { wire } from '../../domain/his/wire-builders.ts';
import { writeSchemeCredentials } from './index.ts';
import { HIS_PATH } from './routes.ts';
import { at, hisWorld, snapshot, type World } from './testing.ts';

const A = 'XA01ABD075A002010100483'; // class A, no price cap
const B = 'XB02BXX123B001010100111';

const mdtrtOf = async (w: World, hisNo: string, who = w.ann) =>
  (await w.hospital.ok('2201', wire.registration(who.psnNo, '390', at('09:00'), hisNo, who.certno))).data
    .mdtrt_id as string;

const admit = async (w: World, iptNo: string) =>
  (
    await w.hospital.ok(
      '2401',
      wire.admission(w.ann.psnNo, '390', at('08:00', '2026-03-10'), iptNo, w.ann.certno),
    )
  ).result.mdtrt_id as string;

/** One fee line as a HIS writes it, with the fields overridden. */
const feeLine = (
  mdtrtId: string,
  psnNo: string,
  over: Record<string, unknown>,
  batch: string | null = 'CB1',
) => {
  const f = wire.fees(mdtrtId, psnNo, [{ code: A, pricFen: 1000, cnt: 1 }], at('09:10'), batch);
  Object.assign(f.feedetail[0], over);
  return f;
};

dbTest('infno 2203A is 2203; infno is checked against the known transactions', async (db) => {
  const w = await hisWorld(db);
  const id = await mdtrtOf(w, 'MZ1');
  const r = await w.hospital.call('2203A', wire.visitInfo(id, w.ann.psnNo, '11', 'I10.x00', at('09:05')));
  assert.equal(r.json.infcode, 0, r.text);
  const logged = await db.query<{ infno: string }>(`SELECT infno FROM his_message WHERE infno = '2203A'`);
  assert.equal(logged.length, 1);
  for (const bad of ['2203B', '22', '9999', 'ABCD']) {
    const u = await w.hospital.call(bad, { data: {} });
    assert.equal(u.json.infcode, -1);
    assert.match(u.json.err_msg, new RegExp(`未知的交易编号 infno：${bad}`));
  }
});

dbTest('2302: input.data as one object or as an array of cancellations', async (db) => {
  const w = await hisWorld(db);
  const id = await admit(w, 'ZY1');
  const lines = [1, 2, 3, 4].map(() => ({ code: A, pricFen: 1000, cnt: 1 }));
  await w.hospital.ok('2301', wire.fees(id, w.ann.psnNo, lines, at('10:00', '2026-03-11'), null));
  const ref = { mdtrt_id: id, psn_no: w.ann.psnNo };
  await w.hospital.ok('2302', { data: { ...ref, feedetl_sn: '0001' } });
  await w.hospital.ok('2302', {
    data: [
      { ...ref, feedetl_sn: '0002' },
      { ...ref, feedetl_sn: '0003' },
    ],
  });
  const live = await db.query<{ sn: string }>(
    'SELECT feedetl_sn AS sn FROM fee_line WHERE mdtrt_id = $1 AND NOT cancelled',
    [id],
  );
  assert.deepEqual(
    live.map((l) => l.sn),
    ['0004'],
  );
  const mixed = await w.hospital.call('2302', {
    data: [
      { ...ref, feedetl_sn: '0004' },
      { ...ref, mdtrt_id: 'OTHER', feedetl_sn: '0004' },
    ],
  });
  assert.equal(mixed.json.infcode, -1);
  assert.match(mixed.json.err_msg, /同一人员的同一次就诊/);
  const empty = await w.hospital.call('2302', { data: [] });
  assert.equal(empty.json.infcode, -1);
});

dbTest(
  'dates and date-times: either form where the interface allows it, normalised at the edge',
  async (db) => {
    const w = await hisWorld(db);
    // 2201 begntime as a bare date; 2401 as a date-time with T; 2402 endtime as a date
    const reg = wire.registration(w.ann.psnNo, '390', '2026-03-15', 'MZ1', w.ann.certno);
    const id = (await w.hospital.ok('2201', reg)).data.mdtrt_id;
    const v = await db.query<{ d: string }>('SELECT begin_date::text AS d FROM visit WHERE mdtrt_id = $1', [
      id,
    ]);
    assert.equal(v[0].d, '2026-03-15');
    const stay = (
      await w.hospital.ok(
        '2401',
        wire.admission(w.tekun.psnNo, '390', '2026-03-10T08:00:00', 'ZY1', w.tekun.certno),
      )
    ).result.mdtrt_id;
    await w.hospital.ok('2402', wire.discharge(stay, w.tekun.psnNo, '390', '2026-03-14'));
    // 3201 statement dates with a time part
    const stmt = await w.hospital.ok('3201', {
      data: {
        insutype: '390',
        stmt_begndate: '2026-03-01 00:00:00',
        stmt_enddate: '2026-03-31 23:59:59',
        medfee_sumamt: 0,
        fund_pay_sumamt: '0.00',
        acct_pay: 0,
        fixmedins_setl_cnt: '0',
      },
    });
    assert.deepEqual([stmt.stmtinfo.stmt_rslt, stmt.stmtinfo.stmt_rslt_dscr], ['0', null]);
    // an impossible time is still refused
    const bad = await w.hospital.call('3201', {
      data: {
        insutype: '390',
        stmt_begndate: '2026-03-01 25:00:00',
        stmt_enddate: '2026-03-31',
        medfee_sumamt: 0,
        fund_pay_sumamt: 0,
        acct_pay: 0,
        fixmedins_setl_cnt: 0,
      },
    });
    assert.equal(bad.json.infcode, -1);
    assert.match(bad.json.err_msg, /stmt_begndate 日期格式/);
  },
);

dbTest('prices with 4 to 6 decimals, amounts as strings or numbers, checked within 0.01', async (db) => {
  const w = await hisWorld(db);
  const id = await mdtrtOf(w, 'MZ1');
  const { psnNo } = w.ann;
  const f = wire.fees(
    id,
    psnNo,
    [
      { code: A, pricFen: 0, cnt: 12 },
      { code: B, pricFen: 0, cnt: 3 },
      { code: A, pricFen: 0, cnt: '2.5' },
    ],
    at('09:10'),
  );
  Object.assign(f.feedetail[0], { pric: 0.8333, det_item_fee_sumamt: '10.00' }); // 9.9996
  Object.assign(f.feedetail[1], { pric: '1.234567', det_item_fee_sumamt: 3.7 }); // 3.703701
  Object.assign(f.feedetail[2], { pric: '4.00', det_item_fee_sumamt: 10 });
  const out = await w.hospital.ok('2204', f);
  assert.deepEqual(
    out.result.map((r: Record<string, unknown>) => [r.feedetl_sn, r.pric, r.det_item_fee_sumamt, r.cnt]),
    [
      ['0001', 0.8333, 10, 12],
      ['0002', 1.234567, 3.7, 3],
      ['0003', 4, 10, 2.5],
    ],
  );
  const stored = await db.query<{ sn: string; e4: number; fen: number; amt: number }>(
    `SELECT feedetl_sn AS sn, pric_e4fen AS e4, pric_fen AS fen, det_item_fee_sumamt AS amt
       FROM fee_line WHERE mdtrt_id = $1 ORDER BY feedetl_sn`,
    [id],
  );
  assert.deepEqual(
    stored.map((s) => [s.sn, s.e4, s.fen, s.amt]),
    [
      ['0001', 833_300, 83, 1000],
      ['0002', 1_234_567, 123, 370],
      ['0003', 4_000_000, 400, 1000],
    ],
  );
  // outside the 0.01 tolerance, or a 7th decimal, is refused and writes nothing
  const before = await snapshot(db);
  const off = feeLine(id, psnNo, {
    feedetl_sn: '0009',
    cnt: 12,
    pric: '0.8333',
    det_item_fee_sumamt: '10.02',
  });
  assert.match((await w.hospital.call('2204', off)).json.err_msg, /相差超过 0\.01 元/);
  const seven = feeLine(id, psnNo, { feedetl_sn: '0009', pric: '1.2345678', det_item_fee_sumamt: '1.23' });
  assert.match((await w.hospital.call('2204', seven)).json.err_msg, /单价最多六位小数/);
  assert.deepEqual(await snapshot(db), before);
  // the pre-settlement adds the line amounts in fen: 10.00 + 3.70 + 10.00
  const pre = await w.hospital.ok('2206', wire.outpatientSettle(psnNo, id, 2370, w.ann.certno));
  assert.equal(pre.setlinfo.medfee_sumamt, 23.7);
});

dbTest(
  'return lines net their original line in 2204 and 2301, never below zero, and settle the net',
  async (db) => {
    const w = await hisWorld(db);
    const { psnNo, certno } = w.ann;
    // outpatient: 10 × 5.00, then 4 returned
    const id = await mdtrtOf(w, 'MZ1');
    await w.hospital.ok('2204', wire.fees(id, psnNo, [{ code: A, pricFen: 500, cnt: 10 }], at('09:10')));
    const ret = feeLine(id, psnNo, {
      feedetl_sn: '0002',
      cnt: -4,
      pric: '5.00',
      det_item_fee_sumamt: '-20.00',
      init_feedetl_sn: '0001',
    });
    const out = await w.hospital.ok('2204', ret);
    assert.equal(out.result[0].feedetl_sn, '0002');
    assert.equal(out.result[0].det_item_fee_sumamt, -20);
    assert.equal(out.result[0].cnt, -4);
    const line = await db.query<{ cnt: string; amt: number }>(
      `SELECT cnt::text AS cnt, det_item_fee_sumamt AS amt FROM fee_line WHERE mdtrt_id = $1 AND NOT cancelled`,
      [id],
    );
    assert.deepEqual(line, [{ cnt: '6.0000', amt: 3000 }]);
    // more than is left, a negative line without its original, an unknown original: refused, nothing written
    const before = await snapshot(db);
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        { feedetl_sn: '0003', cnt: -7, pric: '5.00', det_item_fee_sumamt: '-35.00', init_feedetl_sn: '0001' },
        /超出原明细/,
      ],
      [{ feedetl_sn: '0003', cnt: -1, pric: '5.00', det_item_fee_sumamt: '-5.00' }, /数量不能为负数/],
      [
        { feedetl_sn: '0003', cnt: -1, pric: '5.00', det_item_fee_sumamt: '-5.00', init_feedetl_sn: '0077' },
        /不存在/,
      ],
      [
        { feedetl_sn: '0003', cnt: -1, pric: '5.00', det_item_fee_sumamt: '5.00', init_feedetl_sn: '0001' },
        /须同为负数/,
      ],
    ];
    for (const [over, message] of cases) {
      const r = await w.hospital.call('2204', feeLine(id, psnNo, over));
      assert.equal(r.json.infcode, -1, r.text);
      assert.match(r.json.err_msg, message);
    }
    assert.deepEqual(await snapshot(db), before);
    // the rest returned too: the line stands at zero, and the visit settles what is left (nothing)
    await w.hospital.ok(
      '2204',
      feeLine(id, psnNo, {
        feedetl_sn: '0004',
        cnt: -6,
        pric: '5.00',
        det_item_fee_sumamt: '-30.00',
        init_feedetl_sn: '0001',
      }),
    );
    await w.hospital.ok(
      '2204',
      wire.fees(id, psnNo, [{ code: B, pricFen: 1250, cnt: 2 }], at('09:20'), 'CB2', 5),
    );
    const s = await w.hospital.ok('2207', wire.outpatientSettle(psnNo, id, 2500, certno));
    assert.equal(s.setlinfo.medfee_sumamt, 25);

    // inpatient: 3 × 100.00 on a stay, 1 returned; the stay settles 200.00
    const stay = await admit(w, 'ZY1');
    await w.hospital.ok(
      '2301',
      wire.fees(stay, psnNo, [{ code: A, pricFen: 10_000, cnt: 3 }], at('10:00', '2026-03-11'), null),
    );
    const back = wire.fees(
      stay,
      psnNo,
      [{ code: A, pricFen: 10_000, cnt: 1 }],
      at('10:00', '2026-03-12'),
      null,
      2,
    );
    Object.assign(back.feedetail[0], { cnt: '-1', det_item_fee_sumamt: '-100.00', init_feedetl_sn: '0001' });
    await w.hospital.ok('2301', back);
    await w.hospital.ok('2402', wire.discharge(stay, psnNo, '390', at('09:00', '2026-03-14')));
    const pre = await w.hospital.ok('2303', wire.inpatientSettle(psnNo, stay, 20_000, certno));
    assert.equal(pre.setlinfo.medfee_sumamt, 200);
  },
);

dbTest('a GBK body, declared or not, is decoded: a 1101 with a Chinese name finds the person', async (db) => {
  const w = await hisWorld(db);
  const input = { data: { mdtrt_cert_type: '02', mdtrt_cert_no: w.ann.certno, psn_name: '王安' } };
  for (const contentType of [
    'application/json;charset=GBK',
    'application/json; charset=gb18030',
    'application/json',
  ]) {
    const payload = iconv.encode(w.hospital.body('1101', input), 'gbk');
    assert.ok(payload.includes(Buffer.from([0xcd, 0xf5])), 'the body is GBK bytes');
    const res = await w.app.inject({
      method: 'POST',
      url: HIS_PATH,
      headers: { ...signedHeaders(w.hospital.id, w.clock.now), 'content-type': contentType },
      payload,
    });
    const json = JSON.parse(res.body);
    assert.equal(json.infcode, 0, res.body);
    assert.equal(json.output.baseinfo.psn_name, '王安');
  }
});

dbTest('unknown members in the envelope and the input nodes are ignored', async (db) => {
  const w = await hisWorld(db);
  const body = {
    ...envelope(w.hospital.id, '2201', w.hospital.nextMsgid(), {}, w.clock.now),
    exp_content: '',
    enctype: '',
    input: {
      data: {
        ...wire.registration(w.ann.psnNo, '390', at('09:00'), 'MZ1', w.ann.certno).data,
        psn_type: '11',
        x: 1,
      },
      extra_node: { a: 1 },
    },
  };
  const r = await w.hospital.send(JSON.stringify(body));
  assert.equal(r.json.infcode, 0, r.text);
});

dbTest('reply fields real clients read, with their types', async (db) => {
  const w = await hisWorld(db);
  const { psnNo, certno } = w.ann;
  const id = await mdtrtOf(w, 'MZ1');
  const fees = await w.hospital.call(
    '2204',
    wire.fees(id, psnNo, [{ code: A, pricFen: 1000, cnt: 2 }], at('09:10')),
  );
  assert.match(fees.json.inf_refmsgid, /^410926\d{14}\d{10}$/);
  assert.equal(fees.json.inf_refmsgid.length, 30);
  for (const k of ['cainfo', 'signtype', 'enctype']) assert.equal(fees.json[k], null, k);
  assert.equal(fees.json.infcode, 0);
  assert.equal(typeof fees.json.refmsg_time, 'string');
  // no cap: what the platform sends (999999), a number
  assert.equal(fees.json.output.result[0].pric_uplmt_amt, 999999);
  assert.match(fees.text, /"pric_uplmt_amt":999999[,}]/);

  const msgid = w.hospital.nextMsgid();
  const settled = await w.hospital.call('2207', wire.outpatientSettle(psnNo, id, 2000, certno), msgid);
  const s = settled.json.output.setlinfo;
  assert.equal(s.medins_setl_id, msgid);
  for (const k of ['medfee_sumamt', 'fund_pay_sumamt', 'psn_part_amt', 'acct_pay', 'psn_cash_pay', 'balc']) {
    assert.equal(typeof s[k], 'number', k);
  }
  for (const k of ['setl_id', 'mdtrt_id', 'psn_no', 'medins_setl_id', 'setl_time', 'clr_type']) {
    assert.equal(typeof s[k], 'string', k);
  }
  assert.equal(typeof settled.json.infcode, 'number');
  const revMsgid = w.hospital.nextMsgid();
  const rev = await w.hospital.call('2208', wire.reversal(s.setl_id, id, psnNo), revMsgid);
  assert.equal(rev.json.infcode, 0, rev.text);
  assert.equal(rev.json.output.setlinfo.medins_setl_id, revMsgid);
  // a failure carries the same envelope
  const fail = await w.hospital.call('2208', wire.reversal(s.setl_id, id, psnNo));
  assert.equal(fail.json.infcode, -1);
  assert.equal(fail.json.cainfo, null);
  assert.equal(fail.json.inf_refmsgid.length, 30);
});

dbTest(
  'a lost reply: the same msgid with a fresh inf_time or other whitespace gets the stored answer',
  async (db) => {
    const w = await hisWorld(db);
    const { psnNo, certno } = w.ann;
    const id = await mdtrtOf(w, 'MZ1');
    await w.hospital.ok('2204', wire.fees(id, psnNo, [{ code: A, pricFen: 1000, cnt: 2 }], at('09:10')));
    const msgid = w.hospital.nextMsgid();
    const input = wire.outpatientSettle(psnNo, id, 2000, certno);
    const first = await w.hospital.call('2207', input, msgid);
    assert.equal(first.json.infcode, 0, first.text);
    const before = await snapshot(db);
    w.clock.now = new Date(w.clock.now.getTime() + 90_000);
    const again = { ...JSON.parse(w.hospital.body('2207', input, msgid)), opter_name: '另一收费员' };
    const retry = await w.hospital.send(JSON.stringify(again, null, 2));
    assert.deepEqual(retry.json, first.json);
    assert.deepEqual(await snapshot(db), before);
    // other business content under the same msgid stays refused
    const other = await w.hospital.call(
      '2207',
      wire.outpatientSettle(psnNo, id, 2000, certno, '390', '13'),
      msgid,
    );
    assert.equal(other.json.infcode, -1);
    assert.match(other.json.err_msg, /内容与首次不同/);
  },
);

dbTest('msgid is scoped per institution: one cannot use up or read another’s', async (db) => {
  const w = await hisWorld(db);
  const msgid = 'SAME-MSGID-0001';
  const a = await w.hospital.call(
    '2201',
    wire.registration(w.ann.psnNo, '390', at('09:00'), 'MZ1', w.ann.certno),
    msgid,
  );
  assert.equal(a.json.infcode, 0, a.text);
  const b = await w.centre.call(
    '2201',
    wire.registration(w.tekun.psnNo, '390', at('09:00'), 'MZ1', w.tekun.certno),
    msgid,
  );
  assert.equal(b.json.infcode, 0, b.text);
  assert.notEqual(b.json.output.data.mdtrt_id, a.json.output.data.mdtrt_id);
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM his_message WHERE msgid = $1', [
    msgid,
  ]);
  assert.equal(rows[0].n, 2);
});

dbTest('a signature is used once: replayed headers are refused with any body', async (db) => {
  const w = await hisWorld(db);
  const h = signedHeaders(w.hospital.id, w.clock.now);
  const lookup = (no: string) =>
    w.hospital.body('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: no } });
  assert.equal((await w.hospital.send(lookup(w.ann.certno), h)).json.infcode, 0);
  for (const body of [lookup(w.ann.certno), lookup(w.tekun.certno)]) {
    const r = await w.hospital.send(body, h);
    assert.equal(r.json.infcode, -1);
    assert.match(r.json.err_msg, /签名已被使用过/);
  }
  // the same nonce at another institution is that institution's own
  const c = signedHeaders(w.centre.id, w.clock.now);
  const cBody = w.centre.body('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: w.ann.certno } });
  const shared: Record<string, string> = { ...c, 'x-tif-nonce': h['x-tif-nonce'] };
  const { signature } = await import('../../domain/his/signature.ts');
  shared['x-tif-signature'] = signature(c['x-tif-timestamp'], w.centre.id.secret, h['x-tif-nonce']);
  assert.equal((await w.centre.send(cBody, shared)).json.infcode, 0);
});

dbTest('amount bounds per line and per visit; a huge line cannot reach 3201', async (db) => {
  const w = await hisWorld(db);
  const { psnNo } = w.ann;
  const id = await mdtrtOf(w, 'MZ1');
  const before = await snapshot(db);
  const huge = feeLine(id, psnNo, {
    cnt: 1,
    pric: '90000000000000.00',
    det_item_fee_sumamt: '90000000000000.00',
  });
  const r = await w.hospital.call('2204', huge);
  assert.equal(r.json.infcode, -1);
  assert.match(r.json.err_msg, /超过单条明细上限 1000000\.00 元/);
  await db.query('UPDATE his_limits SET line_max_fen = 100000, visit_max_fen = 150000');
  const line = (sn: string) =>
    feeLine(id, psnNo, { feedetl_sn: sn, cnt: 1, pric: '900.00', det_item_fee_sumamt: '900.00' });
  await w.hospital.ok('2204', line('0001'));
  const over = await w.hospital.call('2204', line('0002'));
  assert.match(over.json.err_msg, /超过单次就诊上限 1500\.00 元/);
  const after = await snapshot(db);
  assert.equal(after.fee_line, (before.fee_line as number) + 1);
  // 3201 still answers
  const stmt = await w.hospital.ok('3201', {
    data: {
      insutype: '390',
      stmt_begndate: '2026-03-01',
      stmt_enddate: '2026-03-31',
      medfee_sumamt: 0,
      fund_pay_sumamt: 0,
      acct_pay: 0,
      fixmedins_setl_cnt: 0,
    },
  });
  assert.equal(stmt.stmtinfo.stmt_rslt, '0');
});

dbTest('gateway schemes per institution: apikey, _api_* HMAC, and sign_no made optional', async (db) => {
  const w = await hisWorld(db);
  await db.query(
    `UPDATE institution_credential SET auth_scheme = 'apikey', sign_no_required = false WHERE fixmedins_code = $1`,
    [w.centre.id.fixmedinsCode],
  );
  await db.query(`UPDATE institution_credential SET auth_scheme = 'api_hmac' WHERE fixmedins_code = $1`, [
    w.other.id.fixmedinsCode,
  ]);
  const lookup = (t: typeof w.centre) =>
    t.body('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: w.ann.certno } });
  // apikey: the secret in one header; the institution comes from the envelope
  const ok = await w.centre.send(lookup(w.centre), {
    'content-type': 'application/json',
    apikey: w.centre.id.secret,
  });
  assert.equal(ok.json.infcode, 0, ok.text);
  const wrong = await w.centre.send(lookup(w.centre), {
    'content-type': 'application/json',
    apikey: 'not-the-key',
  });
  assert.match(wrong.json.err_msg, /apikey 校验失败/);
  // an institution configured for apikey may not use the x-tif scheme, and vice versa
  assert.match(
    (await w.centre.call('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: w.ann.certno } })).json
      .err_msg,
    /apikey 请求头/,
  );
  const tifByKey = await w.hospital.send(lookup(w.hospital), { apikey: w.hospital.id.secret });
  assert.equal(tifByKey.json.infcode, -1);
  // sign_no optional for the centre: a registration without a sign-in
  w.centre.id.signNo = '';
  const reg = await w.centre.send(
    w.centre.body('2201', wire.registration(w.tekun.psnNo, '390', at('09:00'), 'MZ1', w.tekun.certno)),
    { 'content-type': 'application/json', apikey: w.centre.id.secret },
  );
  assert.equal(reg.json.infcode, 0, reg.text);
  // _api_* HMAC
  const ts = String(w.clock.now.getTime());
  const fields = {
    accessKey: w.other.id.paasid,
    name: 'hsa.fsi.callService',
    version: '1.0.0',
    timestamp: ts,
  };
  const hmac = {
    'content-type': 'application/json',
    _api_access_key: fields.accessKey,
    _api_name: fields.name,
    _api_version: fields.version,
    _api_timestamp: ts,
    _api_signature: apiHmacSignature(fields, w.other.id.secret),
  };
  assert.equal((await w.other.send(lookup(w.other), hmac)).json.infcode, 0);
  assert.match((await w.other.send(lookup(w.other), hmac)).json.err_msg, /签名已被使用过/);
  const forged = { ...hmac, _api_timestamp: String(Number(ts) + 1) };
  assert.match((await w.other.send(lookup(w.other), forged)).json.err_msg, /签名校验失败/);
});

dbTest('1101 by e-voucher (01) and social-security card (03), with the demo scheme', async (db) => {
  const w = await hisWorld(db);
  await db.tx((tx) => writeSchemeCredentials(tx, { admdvs: '410926', ...DEMO_CREDENTIAL_SCHEME }));
  const ev = await w.hospital.ok('1101', {
    data: { mdtrt_cert_type: '01', mdtrt_cert_no: demoVoucherToken(w.ann.certno), psn_name: '王安' },
  });
  assert.equal(ev.baseinfo.psn_no, w.ann.psnNo);
  const card = await w.hospital.ok('1101', {
    data: { mdtrt_cert_type: '03', mdtrt_cert_no: demoCardNo(w.tekun.certno), certno: w.tekun.certno },
  });
  assert.equal(card.baseinfo.psn_no, w.tekun.psnNo);
  // a card number the bureau registered for the person (not the scheme), valid on the day
  await db.query(
    `INSERT INTO person_credential (cert_type, cert_no, psn_no, valid_from, valid_to)
     VALUES ('03', 'A12345678', $1, '2020-01-01', NULL), ('03', 'A00000001', $1, '2020-01-01', '2025-12-31')`,
    [w.ann.psnNo],
  );
  const registered = await w.hospital.ok('1101', {
    data: { mdtrt_cert_type: '03', mdtrt_cert_no: 'A12345678' },
  });
  assert.equal(registered.baseinfo.psn_no, w.ann.psnNo);
  const expired = await w.hospital.call('1101', {
    data: { mdtrt_cert_type: '03', mdtrt_cert_no: 'A00000001' },
  });
  assert.match(expired.json.err_msg, /未找到社会保障卡/);
  // a card the bureau does not know is read by the certno sent beside it
  const unknownCard = await w.hospital.ok('1101', {
    data: { mdtrt_cert_type: '03', mdtrt_cert_no: 'SSC0000UNKNOWN', certno: w.ann.certno },
  });
  assert.equal(unknownCard.baseinfo.psn_no, w.ann.psnNo);
  // the person's ID number where a token or card was expected: what 02 finds, nothing more
  for (const type of ['01', '03']) {
    const asId = await w.hospital.ok('1101', {
      data: { mdtrt_cert_type: type, mdtrt_cert_no: w.ann.certno },
    });
    assert.equal(asId.baseinfo.psn_no, w.ann.psnNo, type);
  }
  const refusals: [Record<string, unknown>, RegExp][] = [
    [{ mdtrt_cert_type: '01', mdtrt_cert_no: 'DEMOEV-NOT-ISSUED' }, /未找到医保电子凭证/],
    [
      { mdtrt_cert_type: '01', mdtrt_cert_no: demoVoucherToken(w.ann.certno), certno: w.tekun.certno },
      /不一致/,
    ],
    [{ mdtrt_cert_type: '03', mdtrt_cert_no: 'SSC0000UNKNOWN' }, /未找到社会保障卡/],
    [{ mdtrt_cert_type: '01', mdtrt_cert_no: w.ann.psnNo }, /未找到/],
    // an ID number with another certno beside it is neither
    [{ mdtrt_cert_type: '01', mdtrt_cert_no: w.ann.certno, certno: w.tekun.certno }, /未找到/],
  ];
  for (const [data, message] of refusals) {
    const r = await w.hospital.call('1101', { data });
    assert.equal(r.json.infcode, -1, r.text);
    assert.match(r.json.err_msg, message);
    assert.deepEqual(r.json.output, {});
  }
  // the visit opens with the same credential (2201 by e-voucher, 2401 by card); another's is refused
  const reg = wire.registration(w.ann.psnNo, '390', at('09:00'), 'MZ1', demoVoucherToken(w.ann.certno));
  reg.data.mdtrt_cert_type = '01';
  assert.ok((await w.hospital.ok('2201', reg)).data.mdtrt_id);
  const adm = wire.admission(
    w.tekun.psnNo,
    '390',
    at('08:00', '2026-03-10'),
    'ZY1',
    demoCardNo(w.tekun.certno),
  );
  adm.mdtrtinfo.mdtrt_cert_type = '03';
  assert.ok((await w.hospital.ok('2401', adm)).result.mdtrt_id);
  const before = await snapshot(db);
  const stolen = wire.registration(w.ann.psnNo, '390', at('09:00'), 'MZ2', demoCardNo(w.tekun.certno));
  stolen.data.mdtrt_cert_type = '03';
  assert.match((await w.hospital.call('2201', stolen)).json.err_msg, /不属于同一人/);
  // type 03 with the person's own ID number (a Foshan HIS read the card for 1101 and then sends its
  // patient's certno): the person named; another's ID number under 03 is not
  const otherId = wire.registration(w.ann.psnNo, '390', at('09:00'), 'MZ3', w.tekun.certno);
  otherId.data.mdtrt_cert_type = '03';
  assert.match((await w.hospital.call('2201', otherId)).json.err_msg, /未找到社会保障卡/);
  assert.deepEqual(await snapshot(db), before);
  const ownId = wire.registration(w.ann.psnNo, '390', at('09:05'), 'MZ3', w.ann.certno);
  ownId.data.mdtrt_cert_type = '03';
  assert.ok((await w.hospital.ok('2201', ownId)).data.mdtrt_id);
});
