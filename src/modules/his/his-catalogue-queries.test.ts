// The catalogue and institution queries a HIS runs when it synchronises (1316 匹配, 1317 机构目录匹配,
// 1318 限价, 1319 先自付比例) and when it refers a patient (1201 医药机构信息获取), through the endpoint.
import assert from 'node:assert/strict';
import { dbTest } from '../../db/testing.ts';
import { hisWorld } from './testing.ts';

const A = 'XA01ABD075A002010100483';
const B = 'XB02BXX123B001010100111';
const CAPPED = '001201000010000';
/** a second class-B drug with a first share of its own (20 %) */
const B2 = 'XB09BXX777B001010100999';

type Row = Record<string, unknown>;
const page = (data: Record<string, unknown>) => ({ data: { page_num: 1, page_size: 100, ...data } });

dbTest('1318 医保目录限价信息查询: the items with a price cap, in yuan, filtered and paged', async (db) => {
  const w = await hisWorld(db);
  await db.query(
    `INSERT INTO catalogue_item (code, name, kind, chrgitm_lv, med_chrgitm_type, price_cap_fen, valid_from, valid_to)
     VALUES ($1, '限价诊疗项目（旧）', 'service', '01', '05', 8050, '2018-01-01', '2019-12-31')`,
    [CAPPED],
  );
  const all = await w.hospital.ok('1318', page({}));
  assert.equal(all.recordCounts, 2);
  assert.deepEqual(
    all.data.map((r: Row) => [r.hilist_code, r.begndate, r.enddate, r.hilist_pric_uplmt_amt, r.vali_flag]),
    [
      [CAPPED, '2018-01-01', '2019-12-31', 80.5, '0'],
      [CAPPED, '2020-01-01', null, 100, '1'],
    ],
  );
  const row = all.data[1];
  assert.equal(row.insu_admdvs, '410926');
  assert.equal(row.poolarea_no, '410926');
  assert.equal(row.hilist_lmtpric_type, null);
  assert.equal(typeof row.rid, 'string');
  assert.match(row.updt_time, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  // valid on a date, valid now, by code; an item without a cap is never listed
  const on2019 = await w.hospital.ok('1318', page({ query_date: '2019-06-01' }));
  assert.deepEqual(
    on2019.data.map((r: Row) => r.hilist_pric_uplmt_amt),
    [80.5],
  );
  assert.equal((await w.hospital.ok('1318', page({ vali_flag: '1' }))).recordCounts, 1);
  assert.equal((await w.hospital.ok('1318', page({ hilist_code: A }))).recordCounts, 0);
  // a page of one: the second is the last
  const second = await w.hospital.ok('1318', { data: { page_num: '2', page_size: '1' } });
  assert.deepEqual([second.pageNum, second.size, second.startRow, second.pages], [2, 1, 2, 2]);
  assert.equal(second.data[0].begndate, '2020-01-01');
  // what a HIS sends and Yibao keeps nothing of narrows nothing; a bad page is refused
  const vendor = await w.hospital.ok(
    '1318',
    page({ hilist_lmtpric_type: '', overlmt_dspo_way: '', rid: '', tabname: '', poolarea_no: '' }),
  );
  assert.equal(vendor.recordCounts, 2);
  const big = await w.hospital.call('1318', { data: { page_num: 1, page_size: 1001 } });
  assert.equal(big.json.infcode, -1);
  assert.match(big.json.err_msg, /page_size/);
});

dbTest(
  "1319 医保目录先自付比例信息查询: each class-B item per insurance type, its own share before the policy's",
  async (db) => {
    const w = await hisWorld(db);
    await db.query(
      `INSERT INTO catalogue_item (code, name, kind, chrgitm_lv, med_chrgitm_type, first_share_bp, valid_from)
       VALUES ($1, '乙类药品（自定比例）', 'drug', '02', '09', 2000, '2020-01-01')`,
      [B2],
    );
    // the employees' policy takes 15 % first, the residents' 10 %
    await db.query(
      `UPDATE policy_version SET document = jsonb_set(document, '{classBFirstShareBp}', '1500') WHERE insutype = '310'`,
    );
    const all = await w.hospital.ok('1319', page({}));
    assert.equal(all.recordCounts, 4);
    assert.deepEqual(
      all.data.map((r: Row) => [r.hilist_code, r.selfpay_prop_psn_type, r.selfpay_prop]),
      [
        [B, '310', 0.15],
        [B, '390', 0.1],
        [B2, '310', 0.2],
        [B2, '390', 0.2],
      ],
    );
    assert.equal(all.data[0].insu_admdvs, '410926');
    assert.equal(all.data[0].vali_flag, '1');
    // pages of three cut an item's rows: the second page is the last row
    const first = await w.hospital.ok('1319', { data: { page_num: 1, page_size: 3 } });
    const second = await w.hospital.ok('1319', { data: { page_num: 2, page_size: 3 } });
    assert.deepEqual(
      [...first.data, ...second.data].map((r: Row) => [r.hilist_code, r.selfpay_prop_psn_type]),
      all.data.map((r: Row) => [r.hilist_code, r.selfpay_prop_psn_type]),
    );
    assert.deepEqual([second.size, second.startRow, second.recordCounts, second.pages], [1, 4, 4, 2]);
    // one insurance type, one item
    const residents = await w.hospital.ok('1319', page({ selfpay_prop_psn_type: '390' }));
    assert.deepEqual(
      residents.data.map((r: Row) => [r.hilist_code, r.selfpay_prop]),
      [
        [B, 0.1],
        [B2, 0.2],
      ],
    );
    assert.equal((await w.hospital.ok('1319', page({ hilist_code: B2 }))).recordCounts, 2);
    assert.equal((await w.hospital.ok('1319', page({ hilist_code: A }))).recordCounts, 0);
    // a region without a policy in force: no share to tell
    const elsewhere = await w.hospital.ok('1319', page({ insu_admdvs: '410102' }));
    assert.deepEqual([elsewhere.recordCounts, elsewhere.data.length, elsewhere.pages], [0, 0, 0]);
    const before = await w.hospital.ok('1319', page({ query_date: '2019-06-01' }));
    assert.equal(before.recordCounts, 0);
  },
);

dbTest('1316 医疗目录与医保目录匹配信息查询: every item matches its own national code', async (db) => {
  const w = await hisWorld(db);
  const all = await w.hospital.ok('1316', page({}));
  assert.equal(all.recordCounts, 5);
  for (const r of all.data as Row[]) assert.equal(r.med_list_codg, r.hilist_code);
  assert.deepEqual(
    all.data.map((r: Row) => r.list_type),
    ['201', '301', '101', '101', '101'],
  );
  const one = await w.hospital.ok('1316', page({ med_list_codg: B }));
  assert.deepEqual(
    one.data.map((r: Row) => [r.hilist_code, r.begndate, r.vali_flag]),
    [[B, '2020-01-01', '1']],
  );
  assert.equal((await w.hospital.ok('1316', page({ list_type: '301' }))).recordCounts, 1);
});

dbTest(
  "1317 医药机构目录匹配信息查询: the institution's own mappings, live and ended, and no one else's",
  async (db) => {
    const w = await hisWorld(db);
    const row = (id: string, codg: string) => ({
      fixmedins_hilist_id: id,
      fixmedins_hilist_name: `院内${id}`,
      list_type: '101',
      med_list_codg: codg,
      begndate: '2026-01-01',
      aprvno: '国药准字H00000000',
      spec: '0.25g*24',
    });
    await w.hospital.ok('3301', { data: [row('YP001', A), row('YP002', B)] });
    // YP001 mapped anew (the first mapping ended), and another institution's mapping
    await w.hospital.ok('3301', { data: [{ ...row('YP001', B), spec: '0.5g*12' }] });
    await w.other.ok('3301', { data: [row('ZZ001', A)] });

    const all = await w.hospital.ok('1317', page({}));
    assert.equal(all.recordCounts, 3);
    assert.deepEqual(
      all.data.map((r: Row) => [r.medins_list_codg, r.med_list_codg, r.spec, r.vali_flag]),
      [
        ['YP001', A, '0.25g*24', '0'],
        ['YP001', B, '0.5g*12', '1'],
        ['YP002', B, '0.25g*24', '1'],
      ],
    );
    const live = all.data[1];
    assert.equal(live.fixmedins_code, 'H41092600002');
    assert.equal(live.medins_list_name, '院内YP001');
    assert.equal(live.aprvno, '国药准字H00000000');
    assert.equal(live.list_type, '101');
    assert.equal(live.begndate, '2026-01-01');
    assert.equal(live.insu_admdvs, '410926');
    // filters: live only, by own code, by national code, by part of the name
    assert.equal((await w.hospital.ok('1317', page({ vali_flag: '1' }))).recordCounts, 2);
    assert.equal((await w.hospital.ok('1317', page({ medins_list_codg: 'YP002' }))).recordCounts, 1);
    assert.equal((await w.hospital.ok('1317', page({ med_list_codg: A }))).recordCounts, 1);
    assert.equal((await w.hospital.ok('1317', page({ medins_list_name: 'YP00' }))).recordCounts, 3);
    assert.equal((await w.hospital.ok('1317', page({ query_date: '2025-12-31' }))).recordCounts, 0);
    // changed since: the ended mapping counts from its end
    assert.equal((await w.hospital.ok('1317', page({ updt_time: '2099-01-01 00:00:00' }))).recordCounts, 0);
    // the other institution sees only its own
    const other = await w.other.ok('1317', page({}));
    assert.deepEqual(
      other.data.map((r: Row) => r.medins_list_codg),
      ['ZZ001'],
    );
  },
);

dbTest(
  '1201 医药机构信息获取: institutions by code, part of the name, or type (medinsinfo or data)',
  async (db) => {
    const w = await hisWorld(db);
    const all = await w.hospital.ok('1201', { medinsinfo: {} });
    assert.deepEqual(
      all.medinsinfo.map((r: Row) => [r.fixmedins_code, r.fixmedins_name, r.fixmedins_type]),
      [
        ['H41010200001', '省城医院', '1'],
        ['H41092600002', '演示县人民医院', '1'],
        ['H41092600003', '演示县中医院', '1'],
        ['H41092600011', '城关镇卫生院', '1'],
      ],
    );
    assert.equal(all.medinsinfo[0].uscc, null);
    const byName = await w.hospital.ok('1201', {
      medinsinfo: { fixmedins_type: '1', fixmedins_name: '演示县', fixmedins_code: '' },
    });
    assert.deepEqual(
      byName.medinsinfo.map((r: Row) => r.fixmedins_code),
      ['H41092600002', 'H41092600003'],
    );
    const byCode = await w.hospital.ok('1201', { data: { fixmedins_code: 'H41010200001' } });
    assert.equal(byCode.medinsinfo.length, 1);
    assert.equal((await w.hospital.ok('1201', { medinsinfo: { fixmedins_type: 2 } })).medinsinfo.length, 0);
    const badType = await w.hospital.call('1201', { medinsinfo: { fixmedins_type: '9' } });
    assert.equal(badType.json.infcode, -1);
    assert.match(badType.json.err_msg, /fixmedins_type/);
  },
);

dbTest(
  'dates a C# HIS sends: its unset DateTime is no filter, a DateTime.Now with offset is read',
  async (db) => {
    const w = await hisWorld(db);
    // the Shenzhen clinic's 1312/1316 models: DateTime members serialised by Newtonsoft, unset ones
    // as 0001-01-01T00:00:00
    const unset = '0001-01-01T00:00:00';
    const all = await w.hospital.ok('1312', page({ query_date: unset, begndate: unset, updt_time: unset }));
    assert.equal(all.recordCounts, 5);
    const matched = await w.hospital.ok(
      '1316',
      page({ query_date: unset, begndate: unset, updt_time: unset }),
    );
    assert.equal(matched.recordCounts, 5);
    // a DateTime.Now (local kind): fractions and the offset; valid now, changed since long ago
    const now = await w.hospital.ok(
      '1318',
      page({ query_date: '2026-03-15T14:00:00.1234567+08:00', updt_time: '2020-01-01T00:00:00' }),
    );
    assert.equal(now.recordCounts, 1);
    // a required date left unset is missing, not year 1
    const filed = await w.hospital.call('2505', {
      data: {
        psn_no: w.ann.psnNo,
        biz_appy_type: '03',
        begndate: unset,
        fix_srt_no: '1',
        fixmedins_code: 'H41092600011',
      },
    });
    assert.match(filed.json.err_msg, /缺少必填字段 input\.data\.begndate/);
  },
);
