// 自费病人信息 through the HIS (4202, 4201A, 4205, 4203; 4207/4209 read back, 4204 deletes) and the
// county's list of them.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { hisWorld } from '../his/testing.ts';
import { createRun, executeRun } from './service.ts';

const line = (mdtrtId: string, sn: string, over: Record<string, unknown> = {}) => ({
  fixmedins_mdtrt_id: mdtrtId,
  med_type: '21',
  bkkp_sn: sn,
  fee_ocur_time: '2026-03-02 10:00:00',
  fixmedins_code: 'ignored',
  cnt: 2,
  pric: '12.5',
  det_item_fee_sumamt: '25.00',
  med_list_codg: 'XA01ABD075A002010100483',
  medins_list_codg: 'YP001',
  medins_list_name: '某药',
  med_chrgitm_type: '09',
  fulamt_ownpay_amt: '0.00',
  inscp_amt: '25.00',
  memo: '',
  ...over,
});

dbTest(
  '自费病人: a stay (4202, lines by 4201A) and an outpatient visit (4205) kept, matched to the insured person by certificate (never kept), completed by 4203, listed and exported for supervision',
  async (db) => {
    const w = await hisWorld(db);
    const t = w.hospital;
    const stay = {
      ownPayPatnMdtrtD: {
        fixmedins_mdtrt_id: 'ZF-ZY-1',
        fixmedins_code: 'H41092600001',
        psn_cert_type: '01',
        certno: w.ann.certno,
        psn_name: '王安',
        begntime: '2026-03-02 08:00:00',
        med_type: '21',
        medfee_sumamt: '125.00',
        inhosp_stas: '1',
      },
      ownPayPatnDiagListD: [
        { diag_srt_no: '2', diag_code: 'E11.900', diag_name: '2型糖尿病', maindiag_flag: '0' },
        { diag_srt_no: '1', diag_code: 'I10.x00', diag_name: '高血压', maindiag_flag: '1' },
      ],
    };
    assert.equal((await t.call('4202', stay)).json.infcode, 0);
    const first = await t.call('4201A', {
      fsiOwnpayPatnFeeListDDTO: [
        line('ZF-ZY-1', '1'),
        line('ZF-ZY-1', '2', { det_item_fee_sumamt: '100', cnt: 4, pric: 25 }),
      ],
    });
    assert.equal(first.json.infcode, 0, first.json.err_msg);
    // a line reported again under its 记账流水号 replaces it, told
    const again = await t.call('4201', {
      fsiOwnpayPatnFeeListDDTO: line('ZF-ZY-1', '2', { det_item_fee_sumamt: '100.00', cnt: 4, pric: 25 }),
    });
    assert.match(again.json.warn_msg, /已替换此前上传的 1 条明细/);
    assert.equal(
      (
        await t.call('4203', {
          fixmedins_mdtrt_id: 'ZF-ZY-1',
          fixmedins_code: 'H41092600001',
          cplt_flag: '1',
        })
      ).json.infcode,
      0,
    );

    // an outpatient visit in one go: 钱断 was insured in 2025 only; a stranger is no one of the registry
    const outpatient = (id: string, certno: string) => ({
      mdtrtinfo: {
        fixmedins_mdtrt_id: id,
        psn_cert_type: '01',
        certno,
        psn_name: '某人',
        begntime: '2026-03-05 09:00:00',
        med_type: '11',
      },
      diseinfo: [
        {
          diag_type: '1',
          diag_srt_no: '1',
          diag_code: 'J06.900',
          diag_name: '上呼吸道感染',
          diag_dept: '内科',
        },
      ],
      feedetail: [line(id, '1', { memo: { hosp_appr_flag: '2', invoice_no: 'FP01', memo: '自费' } })],
    });
    assert.equal((await t.call('4205', outpatient('ZF-MZ-1', w.lapsed.certno))).json.infcode, 0);
    assert.equal((await t.call('4205', outpatient('ZF-MZ-2', '410926199001011234'))).json.infcode, 0);

    const kept = await db.query<{
      id: string;
      psn: string | null;
      insured: boolean;
      main: string;
      done: boolean;
      row: string;
    }>(
      `SELECT fixmedins_mdtrt_id AS id, psn_no AS psn, insured, main_diag_code AS main, completed_at IS NOT NULL AS done,
              row_to_json(s)::text AS row
         FROM supervision_selfpay_visit s ORDER BY id`,
    );
    assert.deepEqual(
      kept.map(({ row: _r, ...k }) => k),
      [
        { id: 'ZF-MZ-1', psn: w.lapsed.psnNo, insured: false, main: 'J06.900', done: false },
        { id: 'ZF-MZ-2', psn: null, insured: false, main: 'J06.900', done: false },
        { id: 'ZF-ZY-1', psn: w.ann.psnNo, insured: true, main: 'I10.x00', done: true },
      ],
    );
    for (const k of kept)
      assert.ok(!k.row.includes(w.ann.certno) && !k.row.includes(w.lapsed.certno) && !k.row.includes('某人'));
    const memo = await db.query<{ memo: string }>(
      `SELECT l.memo FROM supervision_selfpay_line l JOIN supervision_selfpay_visit v ON v.id = l.visit_id WHERE v.fixmedins_mdtrt_id = 'ZF-MZ-1'`,
    );
    assert.deepEqual(JSON.parse(memo[0]!.memo), { hosp_appr_flag: '2', invoice_no: 'FP01', memo: '自费' });

    // refused, nothing written: lines before the visit, two visits in a call, a 记账流水号 twice, a bad
    // amount, the stay sent again as an outpatient visit, completing a visit never reported
    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM supervision_selfpay_line');
    const refusals: [string, Record<string, unknown>, RegExp][] = [
      [
        '4201A',
        { fsiOwnpayPatnFeeListDDTO: [line('ZF-NONE', '1')] },
        /未找到本机构上传的自费就诊 ZF-NONE，请先上传就诊信息（4202）/,
      ],
      [
        '4201A',
        { fsiOwnpayPatnFeeListDDTO: [line('ZF-ZY-1', '8'), line('ZF-MZ-1', '9')] },
        /每次只能上传一位患者一次就诊的明细/,
      ],
      [
        '4201A',
        { fsiOwnpayPatnFeeListDDTO: [line('ZF-ZY-1', '8'), line('ZF-ZY-1', '8')] },
        /记账流水号 8 重复/,
      ],
      [
        '4201A',
        { fsiOwnpayPatnFeeListDDTO: [line('ZF-ZY-1', '8', { det_item_fee_sumamt: 'abc' })] },
        /det_item_fee_sumamt/,
      ],
      ['4201A', { fsiOwnpayPatnFeeListDDTO: [] }, /费用明细不能为空/],
      ['4205', outpatient('ZF-ZY-1', w.ann.certno), /已按住院（4202）上传，不能再按门诊上传/],
      [
        '4205',
        { ...outpatient('ZF-MZ-3', w.ann.certno), feedetail: [line('ZF-OTHER', '1')] },
        /明细的就诊 ID ZF-OTHER 与就诊信息的 ZF-MZ-3 不符/,
      ],
      ['4203', { fixmedins_mdtrt_id: 'ZF-NONE', cplt_flag: '1' }, /未找到本机构上传的自费就诊 ZF-NONE/],
    ];
    for (const [infno, input, message] of refusals) {
      const r = await t.call(infno, input);
      assert.equal(r.json.infcode, -1, infno);
      assert.match(r.json.err_msg, message);
    }
    // another institution's visit of the same id is its own
    assert.equal(
      (await w.other.call('4201A', { fsiOwnpayPatnFeeListDDTO: [line('ZF-ZY-1', '1')] })).json.infcode,
      -1,
    );
    const after = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM supervision_selfpay_line');
    assert.equal(after[0]!.n, before[0]!.n);

    // the county's list: the insured ones, names masked; all three without the filter; xlsx
    const auditor = await loginAs(w.app, db, 'auditor');
    const get = (url: string, cookie = auditor) => w.app.inject({ url, headers: { cookie } });
    const insured = (await get('/api/supervision/selfpay-visits?insured=1')).json();
    assert.equal(insured.total, 1);
    const row = insured.items[0];
    assert.deepEqual(
      [
        row.mdtrtId,
        row.psnNo,
        row.psnName,
        row.inpatient,
        row.lines,
        row.amountFen,
        row.inscpFen,
        row.toldTotalFen,
        row.mainDiagName,
      ],
      ['ZF-ZY-1', w.ann.psnNo, '王*', true, 2, 12500, 5000, 12500, '高血压'],
    );
    assert.ok(row.completedAt);
    // one visit: its diagnoses as reported (the main one flagged) and its lines
    const detail = (await get(`/api/supervision/selfpay-visits/${row.id}`)).json();
    assert.equal(detail.visit.mdtrtId, 'ZF-ZY-1');
    assert.deepEqual(
      detail.diagnoses.map((d: { code: string; main: boolean }) => [d.code, d.main]),
      [
        ['I10.x00', true],
        ['E11.900', false],
      ],
    );
    assert.deepEqual(
      detail.lines.map((l: { sn: string; amountFen: number; cnt: string }) => [
        l.sn,
        l.amountFen,
        Number(l.cnt),
      ]),
      [
        ['1', 2500, 2],
        ['2', 10000, 4],
      ],
    );
    assert.equal((await get('/api/supervision/selfpay-visits/999999')).statusCode, 404);
    assert.equal((await get('/api/supervision/selfpay-visits/abc')).statusCode, 400);
    const all = (await get('/api/supervision/selfpay-visits?from=2026-03-05&to=2026-03-05')).json();
    assert.deepEqual(all.items.map((r: { mdtrtId: string }) => r.mdtrtId).sort(), ['ZF-MZ-1', 'ZF-MZ-2']);
    const sheet = await get('/api/supervision/selfpay-visits.xlsx?insured=1');
    assert.equal(sheet.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    assert.equal(ws.rowCount, 2);
    assert.deepEqual(ws.getRow(2).getCell(13).value, 125);
    assert.equal(
      (await get('/api/supervision/selfpay-visits', await loginAs(w.app, db, 'clerk'))).statusCode,
      403,
    );
    const bad = await get('/api/supervision/selfpay-visits?from=2026-13-01');
    assert.equal(bad.statusCode, 400);

    // the scan's 参保人全自费就诊: 王安's stay only (insured, in-scope lines ≥ 10 yuan); not 钱断 (not
    // insured that day), not the stranger
    const run = await db.tx((tx) =>
      createRun(tx, { from: '2026-03-01', to: '2026-03-31' }, SYSTEM_ACTOR, w.clock.now),
    );
    await executeRun(db, run.id, () => w.clock.now);
    const hits = await db.query<{
      fixmedins_code: string;
      psn_no: string;
      amount_fen: number;
      visit: string;
    }>(
      `SELECT fixmedins_code, psn_no, amount_fen::int, detail->>'selfPayVisit' AS visit
         FROM supervision_hit WHERE run_id = $1 AND rule_code = 'SELFPAY_INSURED'`,
      [run.id],
    );
    assert.equal(hits.length, 1);
    assert.deepEqual([hits[0]!.psn_no, hits[0]!.amount_fen, hits[0]!.visit], [w.ann.psnNo, 5000, 'ZF-ZY-1']);

    const audited = await db.query<{ action: string }>(
      `SELECT action FROM audit_entry WHERE action LIKE 'supervision.selfpay.%' ORDER BY id`,
    );
    assert.deepEqual(
      audited.map((a) => a.action),
      [
        'supervision.selfpay.visit',
        'supervision.selfpay.lines',
        'supervision.selfpay.lines',
        'supervision.selfpay.complete',
        'supervision.selfpay.visit',
        'supervision.selfpay.visit',
      ],
    );

    // the HIS reads back what it reported (4207 lines, 4209 diagnoses), a page at a time
    const lines = await t.call('4207', {
      fixmedins_mdtrt_id: 'ZF-ZY-1',
      fixmedins_code: 'x',
      page_num: 1,
      page_size: 1,
    });
    assert.equal(lines.json.infcode, 0, lines.json.err_msg);
    assert.deepEqual([lines.json.output.recordCounts, lines.json.output.pages], [2, 2]);
    const [l1] = lines.json.output.data;
    assert.deepEqual(
      [l1.fixmedinsMdtrtId, l1.bkkpSn, l1.feeOcurTime, l1.cnt, l1.pric, l1.detItemFeeSumamt, l1.inscpAmt],
      ['ZF-ZY-1', '1', '2026-03-02 10:00:00', 2, 12.5, 25, 25],
    );
    assert.match(lines.text, /"detItemFeeSumamt":25\.00,/);
    const second = (
      await t.call('4207', { data: { fixmedins_mdtrt_id: 'ZF-ZY-1', page_num: '2', page_size: '1' } })
    ).json.output.data;
    assert.deepEqual(
      second.map((l: { bkkpSn: string }) => l.bkkpSn),
      ['2'],
    );
    const diags = (await t.call('4209', { fixmedins_mdtrt_id: 'ZF-ZY-1' })).json.output;
    assert.deepEqual(
      diags.data.map((d: { diagCode: string; maindiagFlag: string; diagSrtNo: string }) => [
        d.diagCode,
        d.maindiagFlag,
        d.diagSrtNo,
      ]),
      [
        ['I10.x00', '1', '1'],
        ['E11.900', '0', '2'],
      ],
    );
    // not the other institution's, nor a visit never reported
    assert.match(
      (await w.other.call('4207', { fixmedins_mdtrt_id: 'ZF-ZY-1' })).json.err_msg,
      /未找到本机构上传的自费就诊 ZF-ZY-1/,
    );
    assert.match(
      (await t.call('4209', { fixmedins_mdtrt_id: 'ZF-ZY-1', page_size: 5000 })).json.err_msg,
      /page_size/,
    );

    // 4204: one line by its 记账流水号 (a Foshan HIS names the node feedetI), then all that is left
    const one = await t.call('4204', {
      feedetail: { fixmedins_mdtrt_id: 'ZF-ZY-1', fixmedins_code: 'x' },
      feedetI: { bkkp_sn: '2' },
    });
    assert.equal(one.json.infcode, 0, one.json.err_msg);
    const gone = await t.call('4204', {
      feedetail: { fixmedins_mdtrt_id: 'ZF-ZY-1' },
      feedetl: { bkkp_sn: '2' },
    });
    assert.match(gone.json.err_msg, /没有记账流水号为 2 的明细/);
    // a node Yibao does not know is not read as "every line"
    const unknownNode = await t.call('4204', {
      feedetail: { fixmedins_mdtrt_id: 'ZF-MZ-1' },
      feedetlList: [{ bkkp_sn: '1' }],
    });
    assert.match(unknownNode.json.err_msg, /未识别的节点 feedetllist/);
    const rest = await t.call('4204', { feedetail: { fixmedins_mdtrt_id: 'ZF-MZ-1' } });
    assert.match(rest.json.warn_msg, /已删除该就诊的全部明细 1 条/);
    const left = await db.query<{ id: string; n: number }>(
      `SELECT v.fixmedins_mdtrt_id AS id, count(l.bkkp_sn)::int AS n
         FROM supervision_selfpay_visit v LEFT JOIN supervision_selfpay_line l ON l.visit_id = v.id
        GROUP BY v.fixmedins_mdtrt_id ORDER BY 1`,
    );
    assert.deepEqual(
      left.map((r) => [r.id, r.n]),
      [
        ['ZF-MZ-1', 0],
        ['ZF-MZ-2', 1],
        ['ZF-ZY-1', 1],
      ],
    );
    const deletion = await db.query<{ before: { lines: { sn: string; amountFen: number }[] } }>(
      `SELECT before FROM audit_entry WHERE action = 'supervision.selfpay.delete' ORDER BY id LIMIT 1`,
    );
    assert.deepEqual(deletion[0]!.before.lines, [{ sn: '2', amountFen: 10000 }]);
  },
);
