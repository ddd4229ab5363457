// 3501–3507 进销存 through the HIS endpoint: the shapes HIS send (one record or a list, the batch
// variants' *Detail lists, numbers as strings, dates with a time part, a vendor's fixmedins_hist_id),
// the reply's result node, 批次流水号 unique per kind until 3507 deletes it, refusals that write
// nothing, and county staff reading the records (list with filters, xlsx).
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import { hisWorld, snapshot } from './testing.ts';

const DRUG = 'XA01ABD075A002010100483';

const item = (bchno: string, over: Record<string, unknown> = {}) => ({
  med_list_codg: DRUG,
  fixmedins_hilist_id: 'YP0001',
  fixmedins_hilist_name: '阿莫西林胶囊',
  fixmedins_bchno: bchno,
  rx_flag: '1',
  manu_lotnum: 'L2026001',
  manu_date: '2026-01-05',
  expy_end: '2028-01-04',
  memo: '',
  ...over,
});

const purchase = (bchno: string, cnt: unknown, over: Record<string, unknown> = {}) =>
  item(bchno, {
    dynt_no: 'SH-001',
    spler_name: '豫北医药公司',
    prodentp_name: '某制药厂',
    aprvno: '国药准字H00000000',
    finl_trns_pric: '0.8333',
    purc_retn_cnt: cnt,
    purc_retn_stoin_time: '2026-03-02 09:30:00',
    purc_retn_opter_name: '库管员',
    prod_geay_flag: '0',
    ...over,
  });

const sale = (bchno: string, cnt: unknown, over: Record<string, unknown> = {}) =>
  item(bchno, {
    prsc_dr_name: '李医生',
    hi_feesetl_type: '1',
    setl_id: 'ST000001',
    mdtrt_sn: 'MZ0001',
    psn_no: 'P0001',
    psn_cert_type: '01',
    certno: '410926199001011234',
    psn_name: '王安',
    trdn_flag: '0',
    finl_trns_pric: 1.2,
    rtal_docno: 'LS0001',
    sel_retn_cnt: cnt,
    sel_retn_time: '2026-03-05 10:00:00',
    sel_retn_opter_name: '药师甲',
    drugtracinfo: [{ drug_trac_codg: '81234567890123456789' }],
    ...over,
  });

dbTest(
  '3501–3507 进销存: every kind reported, one record or a list, A variants, deletion by 批次流水号, read by county staff',
  async (db) => {
    const w = await hisWorld(db);
    const t = w.hospital;
    const code = 'H41092600002';

    // 3501: a count (0 is a count), the day given with a time part
    const counted = await t.ok('3501', {
      invinfo: [
        item('PC01', { invdate: '2026-03-01 00:00:00', inv_cnt: '120' }),
        item('PC02', { invdate: '2026-03-01', inv_cnt: 0, fixmedins_hilist_id: 'YP0002' }),
      ],
    });
    assert.deepEqual(counted, { result: { retRslt: '1', msgRslt: null } });
    // 3502: a change, 3503 one record, 3503A a list named purcinfoDetail, with the vendor's hist_id names
    await t.ok('3502', {
      invinfo: item('BG01', {
        inv_chg_type: '104',
        pric: 0.8333,
        cnt: '2',
        inv_chg_time: '2026-03-03 16:00:00',
        inv_chg_opter_name: '库管员',
        trdn_flag: '0',
      }),
    });
    await t.ok('3503', { purcinfo: purchase('CG01', '100') });
    const { fixmedins_hilist_id: _id, fixmedins_hilist_name: _name, ...hist } = purchase('CG02', 50.5);
    await t.ok('3503A', {
      purcinfoDetail: [{ ...hist, fixmedins_hist_id: 'YP0001', fixmedins_hist_name: '阿莫西林胶囊' }],
    });
    await t.ok('3504', { purcinfo: purchase('CG01', '10', { medins_prod_purc_no: 'CG01' }) });
    await t.ok('3505', { selinfo: sale('XS01', '3') });
    await t.ok('3505A', { selinfoDetail: [sale('XS02', '1.5'), sale('XS03', 2)] });
    await t.ok('3506', { selinfo: sale('XS01', 1, { medins_prod_sel_no: 'XS01' }) });
    // another institution's 批次流水号 are its own
    await w.other.ok('3503', { purcinfo: purchase('CG01', 7) });

    const rows = await db.query<{
      kind: string;
      bchno: string;
      quantity: string;
      price: string | null;
      on: string;
    }>(
      `SELECT kind, bchno, quantity::text AS quantity, price::text AS price, occurred_on::text AS on
         FROM supervision_stock_event WHERE fixmedins_code = $1 ORDER BY id`,
      [code],
    );
    assert.deepEqual(
      rows.map((r) => [r.kind, r.bchno, r.quantity, r.price, r.on]),
      [
        ['count', 'PC01', '120.0000', null, '2026-03-01'],
        ['count', 'PC02', '0.0000', null, '2026-03-01'],
        ['change', 'BG01', '2.0000', '0.833300', '2026-03-03'],
        ['purchase', 'CG01', '100.0000', '0.833300', '2026-03-02'],
        ['purchase', 'CG02', '50.5000', '0.833300', '2026-03-02'],
        ['purchase_return', 'CG01', '10.0000', '0.833300', '2026-03-02'],
        ['sale', 'XS01', '3.0000', '1.200000', '2026-03-05'],
        ['sale', 'XS02', '1.5000', '1.200000', '2026-03-05'],
        ['sale', 'XS03', '2.0000', '1.200000', '2026-03-05'],
        ['sale_return', 'XS01', '1.0000', '1.200000', '2026-03-05'],
      ],
    );
    // a sale keeps the person by psn_no and the settlement; not the ID number or the name
    const [kept] = await db.query<{ detail: Record<string, string>; trace_codes: string[] }>(
      `SELECT detail, trace_codes FROM supervision_stock_event WHERE kind = 'sale' AND bchno = 'XS01'`,
    );
    assert.deepEqual(kept!.trace_codes, ['81234567890123456789']);
    assert.equal(kept!.detail.psn_no, 'P0001');
    assert.equal(kept!.detail.setl_id, 'ST000001');
    assert.equal(kept!.detail.certno, undefined);
    assert.equal(kept!.detail.psn_name, undefined);

    // refused, writing nothing: a 批次流水号 already live, twice in one list, a missing quantity,
    // a negative one, a bad date
    const before = await snapshot(db);
    const again = await t.call('3503', { purcinfo: purchase('CG01', 5) });
    assert.match(again.json.err_msg, /批次流水号 CG01 的采购信息已上传；需重新上传请先用 3507 删除/);
    const twice = await t.call('3505A', { selinfoDetail: [sale('XS09', 1), sale('XS09', 2)] });
    assert.match(twice.json.err_msg, /批次流水号 XS09 在本次上传的销售信息中出现多次/);
    const noCount = await t.call('3503', { purcinfo: purchase('CG09', '') });
    assert.match(noCount.json.err_msg, /purc_retn_cnt/);
    const negative = await t.call('3505', { selinfo: sale('XS08', '-1') });
    assert.match(negative.json.err_msg, /sel_retn_cnt 数量不能为负数/);
    const badCount = await t.call('3501', {
      invinfo: item('PC09', { invdate: '2026-03-01', inv_cnt: '1.23456' }),
    });
    assert.match(badCount.json.err_msg, /inv_cnt 应为不小于 0 的数量/);
    const badDay = await t.call('3501', { invinfo: item('PC09', { invdate: '2026-02-30', inv_cnt: 1 }) });
    assert.match(badDay.json.err_msg, /invdate/);
    const noNode = await t.call('3503', {});
    assert.match(noNode.json.err_msg, /purcinfo/);
    assert.deepEqual(await snapshot(db), before);

    // 3507: the purchases under CG01 (the purchase and its return) deleted, then reported again
    await t.ok('3507', { data: { fixmedins_bchno: 'CG01', inv_data_type: '3' } });
    const gone = await t.call('3507', { data: { fixmedins_bchno: 'CG01', inv_data_type: '3' } });
    assert.match(gone.json.err_msg, /未找到批次流水号为 CG01 的采购信息/);
    const wrongType = await t.call('3507', { data: { fixmedins_bchno: 'CG02', inv_data_type: 5 } });
    assert.match(wrongType.json.err_msg, /inv_data_type/);
    await t.ok('3503', { purcinfo: purchase('CG01', '90') });
    const live = await db.query<{ kind: string; quantity: string; deleted: boolean }>(
      `SELECT kind, quantity::text AS quantity, deleted_at IS NOT NULL AS deleted FROM supervision_stock_event
        WHERE fixmedins_code = $1 AND bchno = 'CG01' ORDER BY id`,
      [code],
    );
    assert.deepEqual(
      live.map((r) => [r.kind, r.quantity, r.deleted]),
      [
        ['purchase', '100.0000', true],
        ['purchase_return', '10.0000', true],
        ['purchase', '90.0000', false],
      ],
    );
    const audits = await db.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_entry WHERE action LIKE 'supervision.stock_event.%'
        GROUP BY action ORDER BY action`,
    );
    assert.deepEqual(
      audits.map((a) => [a.action, a.n]),
      [
        ['supervision.stock_event.delete', 1],
        ['supervision.stock_event.report', 10],
      ],
    );

    // county staff: the list (live records by default, filters), the deleted ones on request, xlsx
    const auditor = await loginAs(w.app, db, 'auditor');
    const get = (url: string) => w.app.inject({ url, headers: { cookie: auditor } });
    const all = await get(`/api/supervision/stock-events?institution=${code}&pageSize=50`);
    assert.equal(all.statusCode, 200, all.body);
    assert.equal(all.json().total, 9);
    const sales = await get(
      `/api/supervision/stock-events?kind=sale&item=${DRUG}&from=2026-03-05&to=2026-03-05`,
    );
    assert.deepEqual(
      sales
        .json()
        .items.map((r: { bchno: string; quantity: string; institutionName: string }) => r.bchno)
        .sort(),
      ['XS01', 'XS02', 'XS03'],
    );
    const withDeleted = await get(`/api/supervision/stock-events?institution=${code}&deleted=1&pageSize=50`);
    assert.equal(withDeleted.json().total, 11);
    const badKind = await get('/api/supervision/stock-events?kind=gift');
    assert.equal(badKind.statusCode, 400);
    const sheet = await get(`/api/supervision/stock-events.xlsx?institution=${code}&kind=purchase`);
    assert.equal(sheet.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    assert.equal(ws.getRow(1).getCell(8).value, '批次流水号');
    assert.deepEqual(
      [2, 3].map((n) => [ws.getRow(n).getCell(8).value, ws.getRow(n).getCell(9).value]).sort(),
      [
        ['CG01', 90],
        ['CG02', 50.5],
      ],
    );
    // March per institution and item: purchases and sales net of returns (deleted ones not), the
    // last count (both batches of the day), nothing settled here; a month is required
    const months = await get(`/api/supervision/stock-events/months?month=2026-03&institution=${code}`);
    assert.deepEqual(
      months
        .json()
        .items.map((r: Record<string, unknown>) => [
          r.itemCode,
          r.purchased,
          r.sold,
          r.countedOn,
          r.counted,
          r.settled,
        ]),
      [[DRUG, 140.5, 5.5, '2026-03-01', 120, 0]],
    );
    assert.equal((await get('/api/supervision/stock-events/months?month=2026-03')).json().items.length, 2);
    const noMonth = await get('/api/supervision/stock-events/months');
    assert.equal(noMonth.statusCode, 400);
    assert.match(noMonth.body, /请选择月份/);
    const monthSheet = await get(
      `/api/supervision/stock-events/months.xlsx?month=2026-03&institution=${code}`,
    );
    const mwb = new ExcelJS.Workbook();
    await mwb.xlsx.load(monthSheet.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(
      [5, 6, 8, 9].map((c) => mwb.worksheets[0]!.getRow(2).getCell(c).value),
      [140.5, 5.5, 120, 0],
    );

    // an institution's own login does not read the county's 进销存
    const own = await loginAs(w.app, db, 'institution', null, code);
    const refused = await w.app.inject({ url: '/api/supervision/stock-events', headers: { cookie: own } });
    assert.equal(refused.statusCode, 403);
  },
);
