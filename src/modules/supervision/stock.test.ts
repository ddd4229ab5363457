// 进销存 through the staff API: a month's stock workbook imported (a bad row, an unregistered
// institution or a duplicate row refuses the whole file, nothing written), the scan finds the item
// the township centre settled beyond what it had to sell, once, with the amount at the month's average
// price; a corrected import keeps the replaced row in the history and the next scan finds nothing.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/types.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { at, CENTRE, hisWorld, type World, wire } from '../his/testing.ts';
import * as repo from './repo.ts';
import { createRun, executeRun } from './service.ts';

const A = 'XA01ABD075A002010100483';
const C = 'XC03CXX999C001010100222';

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('进销存');
  ws.addRow(['定点机构编码', '项目编码', '月份', '期初库存', '购进数量', '期末库存']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(file: Buffer): { payload: Buffer; type: string } {
  const b = 'yibaoStock';
  return {
    type: `multipart/form-data; boundary=${b}`,
    payload: Buffer.concat([
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="s.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]),
  };
}

/** The centre settles 3 + 2 units of A (25.00 yuan each) and 1 of C in March. */
async function settleAtCentre(w: World) {
  const visit = async (who: { psnNo: string; certno: string }, no: string, cnt: number) => {
    const reg = await w.centre.ok('2201', wire.registration(who.psnNo, '390', at('09:00'), no, who.certno));
    const id = reg.data.mdtrt_id as string;
    await w.centre.ok('2203', wire.visitInfo(id, who.psnNo, '11', 'J06.900', at('09:05')));
    const lines = [
      { code: A, pricFen: 2500, cnt },
      { code: C, pricFen: 500, cnt: 1 },
    ];
    await w.centre.ok('2204', wire.fees(id, who.psnNo, lines, at('09:10')));
    await w.centre.ok('2207', wire.outpatientSettle(who.psnNo, id, 2500 * cnt + 500, who.certno));
  };
  await visit(w.ann, 'MZ-K1', 3);
  await visit(w.tekun, 'MZ-K2', 2);
}

async function stockHits(db: Db, now: Date) {
  const run = await db.tx((tx) => createRun(tx, { from: '2026-03-01', to: '2026-03-31' }, SYSTEM_ACTOR, now));
  await executeRun(db, run.id, () => now);
  const { items } = await repo.listHits(
    db,
    { runId: run.id, rule: 'STOCK_BALANCE', institution: null },
    50,
    0,
  );
  return items;
}

dbTest(
  '进销存: imported all or nothing, the oversold item found once, a corrected month clears it',
  async (db) => {
    const w = await hisWorld(db);
    const now = w.clock.now;
    await settleAtCentre(w);

    const auditor = await loginAs(w.app, db, 'auditor');
    const upload = async (rows: (string | number)[][], cookie = auditor, batch = '2026年3月药品进销存') => {
      const m = multipart(await workbook(rows));
      return w.app.inject({
        method: 'POST',
        url: `/api/supervision/stock/import?batch=${encodeURIComponent(batch)}`,
        headers: { cookie, 'content-type': m.type },
        payload: m.payload,
      });
    };
    const count = async () =>
      (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM supervision_stock`))[0]!.n;

    // refusals: nothing written
    const bad = await upload([
      [CENTRE, A, '2026-03', 1, 3, 0],
      [CENTRE, C, '2026-03', 1, -2, 0],
    ]);
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'SUPERVISION_STOCK_ROW');
    assert.match(bad.json().error.message, /第 3 行：购进数量应为不小于 0/);
    const stranger = await upload([['H41092699999', A, '2026-03', 1, 3, 0]]);
    assert.equal(stranger.json().error.code, 'SUPERVISION_STOCK_INSTITUTION');
    const twice = await upload([
      [CENTRE, A, '2026-03', 1, 3, 0],
      [CENTRE, A, '202603', 1, 3, 0],
    ]);
    assert.match(twice.json().error.message, /第 3 行：与第 2 行重复/);
    const agent = await loginAs(w.app, db, 'agent', '410926101001');
    assert.equal((await upload([[CENTRE, A, '2026-03', 1, 3, 0]], agent)).statusCode, 403);
    assert.equal(await count(), 0);

    // A: 1 + 3 − 0 = 4 to sell, 5 settled → 1 oversold; C: 10 to sell, 2 settled
    const ok = await upload([
      [CENTRE, A, '2026-03', 1, 3, 0],
      [CENTRE, C, '2026-03', 10, 0, 0],
    ]);
    assert.equal(ok.statusCode, 201, ok.body);
    assert.deepEqual(ok.json(), { rows: 2, created: 2, replaced: 0 });
    const first = await stockHits(db, now);
    assert.equal(first.length, 1);
    assert.equal(first[0]!.fixmedinsCode, CENTRE);
    assert.equal(first[0]!.amountFen, 2500);
    assert.deepEqual(first[0]!.detail, { item: A, month: '2026-03', settled: 5, available: 4, oversold: 1 });

    const listed = await w.app.inject({
      method: 'GET',
      url: `/api/supervision/stock?institution=${CENTRE}&month=2026-03`,
      headers: { cookie: auditor },
    });
    assert.equal(listed.json().total, 2);
    const xlsx = await w.app.inject({
      method: 'GET',
      url: '/api/supervision/stock.xlsx',
      headers: { cookie: auditor },
    });
    assert.equal(xlsx.statusCode, 200);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    assert.equal(back.worksheets[0]!.rowCount, 3);

    // the centre's corrected purchase: the replaced row is kept, the next scan finds nothing
    const fixed = await upload([[CENTRE, A, '2026-03', 1, 4, 0]], auditor, '2026年3月更正');
    assert.deepEqual(fixed.json(), { rows: 1, created: 0, replaced: 1 });
    const history = await db.query<{ purchased: string; batch: string }>(
      `SELECT purchased_qty::text AS purchased, batch FROM supervision_stock_history`,
    );
    assert.deepEqual(history, [{ purchased: '3.0000', batch: '2026年3月药品进销存' }]);
    assert.deepEqual(await stockHits(db, now), []);
    const audits = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'supervision.stock_import'`,
    );
    assert.equal(audits[0]!.n, 2);
  },
);

dbTest(
  '进销存 reported through the HIS: settled beyond the reported sales (3505 less 3506, deleted ones not counted) is found; a workbook month decides instead',
  async (db) => {
    const w = await hisWorld(db);
    const now = w.clock.now;
    await settleAtCentre(w);
    const sale = (code: string, bchno: string, cnt: number) => ({
      med_list_codg: code,
      fixmedins_hilist_id: `YP-${code.slice(0, 4)}`,
      fixmedins_hilist_name: '药品',
      fixmedins_bchno: bchno,
      sel_retn_cnt: cnt,
      sel_retn_time: '2026-03-10 10:00:00',
      sel_retn_opter_name: '药师',
    });
    // A: 4 sold, 1 returned → 3 reported; a sale of 10 reported and deleted; C: 2 sold, 2 settled
    await w.centre.ok('3505A', { selinfoDetail: [sale(A, 'XS1', 4), sale(C, 'XS3', 2), sale(A, 'XS2', 10)] });
    await w.centre.ok('3506', { selinfo: sale(A, 'XS1', 1) });
    await w.centre.ok('3507', { data: { fixmedins_bchno: 'XS2', inv_data_type: '4' } });
    const hits = await stockHits(db, now);
    assert.equal(hits.length, 1);
    assert.equal(hits[0]!.fixmedinsCode, CENTRE);
    assert.equal(hits[0]!.amountFen, 5000);
    assert.deepEqual(hits[0]!.detail, {
      item: A,
      month: '2026-03',
      settled: 5,
      source: 'HIS 3505/3506',
      reportedSold: 3,
      oversold: 2,
    });
    // the month beside what the fund settled: A sold 3 and settled 5, C sold and settled 2
    const auditor = await loginAs(w.app, db, 'auditor');
    const months = await w.app.inject({
      url: `/api/supervision/stock-events/months?month=2026-03&institution=${CENTRE}`,
      headers: { cookie: auditor },
    });
    assert.equal(months.statusCode, 200, months.body);
    assert.deepEqual(
      months
        .json()
        .items.map((r: Record<string, unknown>) => [r.itemCode, r.purchased, r.sold, r.counted, r.settled]),
      [
        [A, 0, 3, null, 5],
        [C, 0, 2, null, 2],
      ],
    );
    // the month's workbook (enough stock for A) is what the scan reads then
    const m = multipart(await workbook([[CENTRE, A, '2026-03', 1, 9, 0]]));
    const imported = await w.app.inject({
      method: 'POST',
      url: `/api/supervision/stock/import?batch=${encodeURIComponent('2026年3月')}`,
      headers: { cookie: auditor, 'content-type': m.type },
      payload: m.payload,
    });
    assert.equal(imported.statusCode, 201, imported.body);
    assert.deepEqual(await stockHits(db, now), []);
  },
);

dbTest(
  '追溯码重复销售: a package sold again while out is found at the institution that sold it again; a return before, a deletion or another code is not',
  async (db) => {
    const w = await hisWorld(db);
    const now = w.clock.now;
    const sale = (bchno: string, codes: string, time: string, cnt = 1) => ({
      med_list_codg: A,
      fixmedins_hilist_id: 'YP1',
      fixmedins_hilist_name: '阿莫西林胶囊',
      fixmedins_bchno: bchno,
      finl_trns_pric: '12.50',
      sel_retn_cnt: cnt,
      sel_retn_time: time,
      sel_retn_opter_name: '药师',
      drug_trac_codg: codes,
    });
    // the centre sells boxes 1 and 2 (one sale, two codes) and box 3; box 3 comes back
    await w.centre.ok('3505A', {
      selinfoDetail: [
        sale('C1', '8100001,8100002', '2026-03-02 09:00:00', 2),
        sale('C2', '8100003', '2026-03-02 10:00:00'),
      ],
    });
    await w.centre.ok('3506', { selinfo: sale('C3', '8100003', '2026-03-03 10:00:00') });
    // the hospital sells box 2 again, box 3 (returned first: fine), and box 9 in a sale it deletes
    await w.hospital.ok('3505', { selinfo: sale('H1', '8100002', '2026-03-10 15:00:00') });
    await w.hospital.ok('3505', { selinfo: sale('H2', '8100003', '2026-03-11 15:00:00') });
    await w.hospital.ok('3505', { selinfo: sale('H3', '8100009', '2026-03-12 15:00:00') });
    await w.hospital.ok('3505', { selinfo: sale('H4', '8100009', '2026-03-12 16:00:00') });
    await w.hospital.ok('3507', { data: { fixmedins_bchno: 'H4', inv_data_type: '4' } });

    const run = await db.tx((tx) =>
      createRun(tx, { from: '2026-03-01', to: '2026-03-31' }, SYSTEM_ACTOR, now),
    );
    await executeRun(db, run.id, () => now);
    const { items } = await repo.listHits(
      db,
      { runId: run.id, rule: 'TRACE_CODE_RESOLD', institution: null },
      50,
      0,
    );
    assert.equal(items.length, 1);
    const hit = items[0]!;
    assert.equal(hit.fixmedinsCode, 'H41092600002');
    assert.equal(hit.amountFen, 1250);
    assert.deepEqual(hit.detail, {
      traceCode: '8100002',
      item: A,
      bchno: 'H1',
      soldAt: '2026-03-10T07:00:00.000Z',
      firstSold: { institution: CENTRE, bchno: 'C1', at: '2026-03-02T01:00:00.000Z' },
    });
  },
);
