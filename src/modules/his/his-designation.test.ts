// 人员定点备案 through the HIS: 2505 files a person's designated institution, 2506 cancels it (only
// the institution that filed it), 5302 reads the person's designations from any institution; and
// the clerks' list, export and cancellation in the workbench.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import { hisWorld } from './testing.ts';

const filing = (psnNo: string, over: Record<string, unknown> = {}) => ({
  data: {
    psn_no: psnNo,
    tel: '13800000000',
    addr: '城关镇东街村',
    biz_appy_type: '03',
    begndate: '2026-03-01',
    enddate: '',
    agnter_name: '王二',
    agnter_cert_type: '01',
    agnter_certno: '410926199001011234',
    agnter_rlts: '1',
    fix_srt_no: '1',
    fixmedins_code: 'H41092600011',
    fixmedins_name: '城关镇卫生院',
    memo: '就近定点',
    ...over,
  },
});

const count = async (db: { query: <T>(s: string) => Promise<T[]> }) =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM person_designation'))[0]!.n;

dbTest(
  '2505/2506/5302 人员定点备案: filed by one HIS, read by any, cancelled only by the filer',
  async (db) => {
    const w = await hisWorld(db);
    const psn = w.ann.psnNo;

    const first = await w.hospital.ok('2505', filing(psn));
    const sn = first.result.trt_dcla_detl_sn;
    assert.match(sn, /^\d+$/);
    await w.hospital.ok('2505', filing(psn, { fix_srt_no: '2', fixmedins_code: 'H41092600002', memo: '' }));
    // another business, already ended before today: not read by 5302
    await w.hospital.ok(
      '2505',
      filing(psn, { biz_appy_type: '01', begndate: '2025-01-01', enddate: '2025-12-31' }),
    );
    const [kept] = await db.query<{ detail: Record<string, unknown>; filed_by: string; msgid: string }>(
      'SELECT detail, filed_by, msgid FROM person_designation WHERE id = $1',
      [Number(sn)],
    );
    assert.equal(kept!.filed_by, 'H41092600002');
    assert.equal(kept!.detail.agnter_name, '王二');
    assert.equal(kept!.detail.tel, '13800000000');
    // the agent's certificate number is not kept
    assert.equal('agnter_certno' in kept!.detail, false);
    const audited = await db.query<{ action: string }>(
      `SELECT action FROM audit_entry WHERE entity = 'person_designation' ORDER BY id`,
    );
    assert.deepEqual(
      audited.map((a) => a.action),
      ['designation.create', 'designation.create', 'designation.create'],
    );

    // refusals write nothing: the same order again, an unknown person or institution, an end first
    const before = await count(db);
    const again = await w.other.call('2505', filing(psn));
    assert.equal(again.json.infcode, -1);
    assert.match(again.json.err_msg, new RegExp(`第 1 定点已有备案（流水号 ${sn}）`));
    const nobody = await w.hospital.call('2505', filing('4109269999999999'));
    assert.match(nobody.json.err_msg, /4109269999999999/);
    const nowhere = await w.hospital.call(
      '2505',
      filing(psn, { fix_srt_no: '3', fixmedins_code: 'H99999999999' }),
    );
    assert.match(nowhere.json.err_msg, /H99999999999 未在医保登记/);
    const backwards = await w.hospital.call('2505', filing(psn, { fix_srt_no: '4', enddate: '2026-01-01' }));
    assert.match(backwards.json.err_msg, /enddate/);
    const missing = await w.hospital.call('2505', filing(psn, { fix_srt_no: undefined }));
    assert.match(missing.json.err_msg, /fix_srt_no/);
    assert.equal(await count(db), before);

    // 5302 from another institution: both live designations of business 03 in order, enrolled as resident
    const read = await w.other.ok('5302', { data: { psn_no: psn, biz_appy_type: '03' } });
    assert.deepEqual(
      read.psnfixmedin.map((r: Record<string, unknown>) => [
        r.fix_srt_no,
        r.fixmedins_code,
        r.fixmedins_name,
        r.memo,
      ]),
      [
        ['1', 'H41092600011', '城关镇卫生院', '就近定点'],
        ['2', 'H41092600002', '演示县人民医院', null],
      ],
    );
    assert.deepEqual([read.psnfixmedin[0].psn_no, read.psnfixmedin[0].insutype], [psn, '390']);
    assert.deepEqual([read.psnfixmedin[0].begndate, read.psnfixmedin[0].enddate], ['2026-03-01', null]);
    // every business: the ended one is not in force
    assert.equal((await w.other.ok('5302', { data: { psn_no: psn } })).psnfixmedin.length, 2);
    const unknown = await w.other.call('5302', { data: { psn_no: '4109269999999999', biz_appy_type: '03' } });
    assert.equal(unknown.json.infcode, -1);

    // 2506: not by another institution, not for another person; by the filer, once
    const cancel = (psnNo: string) => ({ data: { trt_dcla_detl_sn: sn, psn_no: psnNo, memo: '患者改选' } });
    const foreign = await w.other.call('2506', cancel(psn));
    assert.match(foreign.json.err_msg, new RegExp(`定点备案 ${sn} 不存在、已撤销，或不是本机构`));
    const wrongPerson = await w.hospital.call('2506', cancel(w.tekun.psnNo));
    assert.equal(wrongPerson.json.infcode, -1);
    await w.hospital.ok('2506', cancel(psn));
    const twice = await w.hospital.call('2506', cancel(psn));
    assert.equal(twice.json.infcode, -1);
    const after = await w.other.ok('5302', { data: { psn_no: psn, biz_appy_type: '03' } });
    assert.deepEqual(
      after.psnfixmedin.map((r: Record<string, unknown>) => r.fix_srt_no),
      ['2'],
    );
    const [gone] = await db.query<{ cancelled_by: string; cancel_reason: string }>(
      'SELECT cancelled_by, cancel_reason FROM person_designation WHERE id = $1',
      [Number(sn)],
    );
    assert.deepEqual([gone!.cancelled_by, gone!.cancel_reason], ['H41092600002', '患者改选']);
    // the place freed, the same order may be filed again
    await w.other.ok('2505', filing(psn));
  },
);

dbTest(
  '人员定点备案 in the workbench: listed (live or all), exported, cancelled by a clerk with a reason',
  async (db) => {
    const w = await hisWorld(db);
    const psn = w.ann.psnNo;
    const { result } = await w.hospital.ok('2505', filing(psn));
    await w.hospital.ok('2505', filing(w.tekun.psnNo));
    const clerk = await loginAs(w.app, db, 'clerk');
    const get = (url: string, cookie = clerk) => w.app.inject({ url, headers: { cookie } });

    const listed = await get(`/api/settlement/designations?psnNo=${psn}`);
    assert.equal(listed.statusCode, 200, listed.body);
    const body = listed.json();
    assert.equal(body.total, 1);
    const row = body.items[0];
    assert.deepEqual(
      [
        row.id,
        row.psnName,
        row.bizType,
        row.order,
        row.fixmedinsCode,
        row.fixmedinsName,
        row.filedBy,
        row.memo,
      ],
      [
        Number(result.trt_dcla_detl_sn),
        '王安',
        '03',
        '1',
        'H41092600011',
        '城关镇卫生院',
        'H41092600002',
        '就近定点',
      ],
    );
    assert.equal((await get('/api/settlement/designations')).json().total, 2);

    // a reason is required; then cancelled and audited, and only listed with all=1
    const cancelUrl = `/api/settlement/designations/${row.id}/cancel`;
    const post = (payload: unknown) =>
      w.app.inject({
        method: 'POST',
        url: cancelUrl,
        headers: { cookie: clerk },
        payload: payload as object,
      });
    const noReason = await post({ reason: '' });
    assert.equal(noReason.statusCode, 400);
    assert.equal((await post({ reason: '人员申请变更' })).statusCode, 200);
    assert.equal((await post({ reason: '人员申请变更' })).json().error.code, 'DESIGNATION_NOT_FOUND');
    assert.equal((await get(`/api/settlement/designations?psnNo=${psn}`)).json().total, 0);
    const all = (await get(`/api/settlement/designations?psnNo=${psn}&all=1`)).json();
    assert.deepEqual([all.total, all.items[0].cancelReason], [1, '人员申请变更']);
    const [entry] = await db.query<{ action: string; after: { reason: string } }>(
      `SELECT action, after FROM audit_entry WHERE entity = 'person_designation' AND action = 'designation.cancel'`,
    );
    assert.equal(entry!.after.reason, '人员申请变更');

    // the export: the same rows, by column
    const xlsx = await get(`/api/settlement/designations.xlsx?all=1`);
    assert.equal(xlsx.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    assert.equal(ws.name, '人员定点备案');
    assert.equal(ws.rowCount, 3);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    assert.deepEqual(header.slice(0, 5), ['备案流水号', '人员编号', '姓名', '业务申请类型', '定点排序号']);
    const cancelledRow = [2, 3]
      .map((r) => (ws.getRow(r).values as unknown[]).slice(1))
      .find((v) => v[1] === psn)!;
    assert.equal(cancelledRow[11], '人员申请变更');

    // a village agent neither reads settlement records nor cancels; an auditor reads, not cancels
    const agent = await loginAs(w.app, db, 'agent');
    assert.equal((await get('/api/settlement/designations', agent)).statusCode, 403);
    const auditor = await loginAs(w.app, db, 'auditor');
    assert.equal((await get('/api/settlement/designations?all=1', auditor)).json().total, 2);
    const auditorCancel = await w.app.inject({
      method: 'POST',
      url: cancelUrl,
      headers: { cookie: auditor },
      payload: { reason: '试试' },
    });
    assert.equal(auditorCancel.statusCode, 403);
  },
);

dbTest('5302 counts against the person-query rate, as 1101 does', async (db) => {
  const saved = process.env.YIBAO_HIS_1101_PER_MINUTE;
  process.env.YIBAO_HIS_1101_PER_MINUTE = '2';
  const w = await hisWorld(db).finally(() => {
    if (saved === undefined) delete process.env.YIBAO_HIS_1101_PER_MINUTE;
    else process.env.YIBAO_HIS_1101_PER_MINUTE = saved;
  });
  const ask = () => w.other.call('5302', { data: { psn_no: w.ann.psnNo } });
  assert.equal((await ask()).json.infcode, 0);
  assert.equal((await ask()).json.infcode, 0);
  assert.match((await ask()).json.err_msg, /查询过于频繁/);
});
