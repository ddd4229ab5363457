// Every bad input of the brief answers infcode -1 with a Chinese err_msg and writes nothing;
// no institution can touch another institution's visit.
import assert from 'node:assert/strict';
import { dbTest } from '../../db/testing.ts';
import { wire } from '../../domain/his/wire-builders.ts';
import { at, hisWorld, snapshot } from './testing.ts';

const A = 'XA01ABD075A002010100483';
const B = 'XB02BXX123B001010100111';

dbTest('bad inputs: -1, a clear message, and no row written', async (db) => {
  const w = await hisWorld(db);
  const { psnNo, certno } = w.ann;
  const h = w.hospital;
  const open = (await h.ok('2201', wire.registration(psnNo, '390', at('09:00'), 'MZ1', certno))).data
    .mdtrt_id as string;
  await h.ok('2204', wire.fees(open, psnNo, [{ code: A, pricFen: 1000, cnt: 2 }], at('09:10')));
  const done = (await h.ok('2201', wire.registration(psnNo, '390', at('09:30'), 'MZ2', certno))).data
    .mdtrt_id as string;
  await h.ok('2204', wire.fees(done, psnNo, [{ code: A, pricFen: 1000, cnt: 1 }], at('09:40')));
  await h.ok('2207', wire.outpatientSettle(psnNo, done, 1000, certno));

  const line = (over: Record<string, unknown>) => {
    const f = wire.fees(open, psnNo, [{ code: B, pricFen: 1250, cnt: 2 }], at('10:00'), 'CB002', 10);
    Object.assign(f.feedetail[0], over);
    return f;
  };
  const cases: [string, string, Record<string, unknown>, RegExp][] = [
    [
      'missing field',
      '2201',
      { data: { psn_no: psnNo, insutype: '390' } },
      /缺少必填字段 input\.data\.begntime/,
    ],
    ['mistyped field', '2204', { feedetail: 'lines' }, /input\.feedetail 类型不正确/],
    [
      'unknown person',
      '2201',
      wire.registration('4109269999999999', '390', at('09:00'), 'MZ9', certno),
      /人员编号 4109269999999999 不存在/,
    ],
    [
      'unknown catalogue item',
      '2204',
      line({ med_list_codg: 'XZ99ZZZ000Z000000000000' }),
      /医保目录中没有 2026-03-15 有效的编码 XZ99ZZZ000Z000000000000/,
    ],
    ['negative quantity', '2204', line({ cnt: -2, det_item_fee_sumamt: '-25.00' }), /数量不能为负数/],
    [
      // pric is N(16,6) in the national interface (issue 9): 12.505 is a valid price
      'more than 6 decimals in the price',
      '2204',
      line({ pric: '12.5050001', det_item_fee_sumamt: '25.01' }),
      /pric 金额格式不正确（单价最多六位小数/,
    ],
    [
      'more than 2 decimals in the amount',
      '2204',
      line({ det_item_fee_sumamt: 25.001 }),
      /det_item_fee_sumamt 金额格式不正确/,
    ],
    [
      'price × quantity ≠ amount',
      '2204',
      line({ det_item_fee_sumamt: '25.02' }),
      /单价 × 数量 与明细金额相差超过 0\.01 元/,
    ],
    [
      'duplicate line number',
      '2204',
      wire.fees(open, psnNo, [{ code: B, pricFen: 100, cnt: 1 }], at('10:00')),
      /流水号 0001 已上传/,
    ],
    [
      'fee lines for a settled visit',
      '2204',
      wire.fees(done, psnNo, [{ code: B, pricFen: 100, cnt: 1 }], at('10:00'), 'CB9', 50),
      /已结算，不能上传费用明细/,
    ],
    [
      'fee line before the visit',
      '2204',
      wire.fees(open, psnNo, [{ code: B, pricFen: 100, cnt: 1 }], at('10:00', '2026-03-14'), 'CB9', 60),
      /不在就诊期间/,
    ],
    [
      'deceased person',
      '2201',
      wire.registration(w.late.psnNo, '390', at('09:00'), 'MZ7', w.late.certno),
      /已于 2026-03-10 死亡/,
    ],
    [
      'not enrolled on the visit date',
      '2201',
      wire.registration(w.lapsed.psnNo, '390', at('09:00'), 'MZ8', w.lapsed.certno),
      /在 2026-03-15 未参加城乡居民基本医疗保险/,
    ],
    [
      'wrong scheme',
      '2201',
      wire.registration(psnNo, '310', at('09:00'), 'MZ6', certno),
      /未参加职工基本医疗保险/,
    ],
    [
      'total ≠ uploaded lines',
      '2207',
      wire.outpatientSettle(psnNo, open, 2001, certno),
      /medfee_sumamt 20\.01 与已上传费用明细合计 20\.00 不一致/,
    ],
    ['total ≠ uploaded lines (pre)', '2206', wire.outpatientSettle(psnNo, open, 1999, certno), /不一致/],
    [
      'visit of another person',
      '2207',
      wire.outpatientSettle(w.tekun.psnNo, open, 2000, w.tekun.certno),
      /不是人员 .* 的就诊/,
    ],
    [
      'unknown visit',
      '2207',
      wire.outpatientSettle(psnNo, 'MD41092600000009999999', 2000, certno),
      /不存在或不属于本机构/,
    ],
    [
      'inpatient transaction on an outpatient visit',
      '2304',
      wire.inpatientSettle(psnNo, open, 2000, certno),
      /是门诊就诊，不能使用住院交易/,
    ],
    [
      'future visit',
      '2201',
      wire.registration(psnNo, '390', at('09:00', '2026-03-16'), 'MZ5', certno),
      /晚于当前时间/,
    ],
    [
      'period reversed',
      '3201',
      {
        data: {
          insutype: '390',
          stmt_begndate: '2026-03-31',
          stmt_enddate: '2026-03-01',
          medfee_sumamt: 0,
          fund_pay_sumamt: 0,
          acct_pay: 0,
          fixmedins_setl_cnt: 0,
        },
      },
      /开始日期 .* 晚于结束日期/,
    ],
  ];
  for (const [name, infno, input, message] of cases) {
    const before = await snapshot(db);
    const r = await h.call(infno, input);
    assert.equal(r.status, 200, name);
    assert.equal(r.json.infcode, -1, `${name}: ${r.text}`);
    assert.match(r.json.err_msg, message, name);
    assert.deepEqual(r.json.output, {}, name);
    assert.deepEqual(await snapshot(db), before, `${name} wrote something`);
  }
  // a mixed-up batch is refused whole: the good line is not stored either
  const mixed = wire.fees(
    open,
    psnNo,
    [
      { code: A, pricFen: 100, cnt: 1 },
      { code: 'XZ00', pricFen: 100, cnt: 1 },
    ],
    at('10:00'),
    'CB3',
    70,
  );
  const before = await snapshot(db);
  assert.equal((await h.call('2204', mixed)).json.infcode, -1);
  assert.deepEqual(await snapshot(db), before);
});

dbTest('an institution can neither read nor change another institution’s visits', async (db) => {
  const w = await hisWorld(db);
  const { psnNo, certno } = w.ann;
  const mine = (await w.hospital.ok('2201', wire.registration(psnNo, '390', at('09:00'), 'MZ1', certno))).data
    .mdtrt_id as string;
  await w.hospital.ok('2204', wire.fees(mine, psnNo, [{ code: A, pricFen: 1000, cnt: 2 }], at('09:10')));
  const settledVisit = (
    await w.hospital.ok('2201', wire.registration(psnNo, '390', at('09:20'), 'MZ2', certno))
  ).data.mdtrt_id as string;
  await w.hospital.ok(
    '2204',
    wire.fees(settledVisit, psnNo, [{ code: A, pricFen: 1000, cnt: 1 }], at('09:25')),
  );
  const s = await w.hospital.ok('2207', wire.outpatientSettle(psnNo, settledVisit, 1000, certno));
  const before = await snapshot(db);
  const attempts: [string, Record<string, unknown>][] = [
    ['2203', wire.visitInfo(mine, psnNo, '11', 'J06.900', at('09:05'))],
    ['2204', wire.fees(mine, psnNo, [{ code: A, pricFen: 1000, cnt: 1 }], at('09:30'), 'X', 9)],
    ['2205', { data: { mdtrt_id: mine, chrg_bchno: '0000', psn_no: psnNo } }],
    ['2206', wire.outpatientSettle(psnNo, mine, 2000, certno)],
    ['2207', wire.outpatientSettle(psnNo, mine, 2000, certno)],
    ['2208', wire.reversal(s.setlinfo.setl_id, settledVisit, psnNo)],
    ['2202', { data: { psn_no: psnNo, mdtrt_id: mine, ipt_otp_no: 'MZ1' } }],
  ];
  for (const [infno, input] of attempts) {
    const r = await w.centre.call(infno, input);
    assert.equal(r.json.infcode, -1, infno);
    assert.match(r.json.err_msg, /不存在或不属于本机构/, infno);
  }
  // the other institution's reconciliation does not see the hospital's settlement
  const rec = await w.centre.ok('3201', {
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
  assert.equal(rec.stmtinfo.stmt_rslt, '0');
  assert.deepEqual(await snapshot(db), before);
});

dbTest('3201 reconciliation agrees on the net figures and names the differences', async (db) => {
  const w = await hisWorld(db);
  const { psnNo, certno } = w.ann;
  const settleOne = async (no: string, pricFen: number) => {
    const id = (await w.hospital.ok('2201', wire.registration(psnNo, '390', at('09:00'), no, certno))).data
      .mdtrt_id as string;
    await w.hospital.ok('2204', wire.fees(id, psnNo, [{ code: A, pricFen, cnt: 1 }], at('09:10')));
    return { id, out: await w.hospital.ok('2207', wire.outpatientSettle(psnNo, id, pricFen, certno)) };
  };
  await settleOne('MZ1', 10_000);
  const second = await settleOne('MZ2', 5_050);
  await w.hospital.ok('2208', wire.reversal(second.out.setlinfo.setl_id, second.id, psnNo));
  await settleOne('MZ3', 2_000);
  // level 2 hospital: no outpatient pooling there, so no fund pays
  const data = {
    insutype: '390',
    clr_type: '11',
    stmt_begndate: '2026-03-01',
    stmt_enddate: '2026-03-31',
    medfee_sumamt: '120.00',
    fund_pay_sumamt: 0,
    acct_pay: 0,
    fixmedins_setl_cnt: 2,
  };
  const ok = await w.hospital.ok('3201', { data });
  assert.equal(ok.stmtinfo.stmt_rslt, '0', ok.stmtinfo.stmt_rslt_dscr);
  assert.equal(ok.stmtinfo.setl_optins, '410926');
  // agreeing, nothing to say: a Foshan HIS shows any description as a failed reconciliation
  assert.equal(ok.stmtinfo.stmt_rslt_dscr, null);
  const off = await w.hospital.ok('3201', {
    data: { ...data, medfee_sumamt: '170.50', fixmedins_setl_cnt: 3 },
  });
  assert.equal(off.stmtinfo.stmt_rslt, '1');
  assert.match(
    off.stmtinfo.stmt_rslt_dscr,
    /医疗费总额：医保 120\.00 元，机构 170\.50 元；结算笔数：医保 2 笔，机构 3 笔/,
  );
  // another period has nothing
  const empty = await w.hospital.ok('3201', {
    data: { ...data, stmt_begndate: '2026-02-01', stmt_enddate: '2026-02-28' },
  });
  assert.equal(empty.stmtinfo.stmt_rslt, '1');
  assert.match(empty.stmtinfo.stmt_rslt_dscr, /医疗费总额：医保 0\.00 元/);
});
