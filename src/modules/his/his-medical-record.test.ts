// 4301 门急诊诊疗记录, 4302 急诊留观, 4401 病案首页, 4402 医嘱 and 4701 电子病历 through the HIS endpoint, and the reviewers' reading of them.
import assert from 'node:assert/strict';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import { type LineSpec, totalOf, wire } from '../../domain/his/wire-builders.ts';
import { at, hisWorld } from './testing.ts';

const LINES: LineSpec[] = [{ code: 'XA01ABD075A002010100483', pricFen: 2500, cnt: 4 }];

dbTest(
  '4701/4401/4402/4301/4302: kept for the own visit of the person, replaced by an upload again; refused otherwise; read by supervision staff, audited',
  async (db) => {
    const w = await hisWorld(db);
    const t = w.hospital;
    const stay = (
      await t.ok(
        '2401',
        wire.admission(w.ann.psnNo, '390', at('08:00', '2026-03-01'), 'ZY-EMR', w.ann.certno),
      )
    ).result.mdtrt_id as string;
    await t.ok('2301', wire.fees(stay, w.ann.psnNo, LINES, at('10:00', '2026-03-02'), null));
    await t.ok('2402', wire.discharge(stay, w.ann.psnNo, '390', at('09:00', '2026-03-10')));
    const setlId = (await t.ok('2304', wire.inpatientSettle(w.ann.psnNo, stay, totalOf(LINES), w.ann.certno)))
      .setlinfo.setl_id as string;
    const emr = (adminfo: Record<string, unknown> = {}, over: Record<string, unknown> = {}) => ({
      adminfo: { mdtrt_id: stay, psn_no: w.ann.psnNo, mdtrtsn: 'ZY-EMR', chfcomp: '头晕一周', ...adminfo },
      diseinfo: [
        { inout_diag_type: '1', maindiag_flag: '1', wm_diag_code: 'I10.x00', wm_diag_name: '高血压' },
      ],
      dscgInfo: { dscg_date: '2026-03-10', dscg_info: '好转出院' },
      ...over,
    });

    const first = await t.call('4701', emr({}, { extra: { a: 1 } }));
    assert.equal(first.json.infcode, 0, first.json.err_msg);
    assert.match(first.json.warn_msg, /未识别的节点未保存：extra/);
    const again = await t.call('4701', emr({ chfcomp: '头晕十天' }));
    assert.equal(again.json.infcode, 0, again.json.err_msg);
    assert.match(again.json.warn_msg, /已替换此前上传的电子病历 \d+/);
    const kept = await db.query<{ live: boolean; chfcomp: string; dscg: string }>(
      `SELECT ended_at IS NULL AS live, document->'adminfo'->0->>'chfcomp' AS chfcomp,
              document->'dscginfo'->0->>'dscg_info' AS dscg
         FROM his_medical_record WHERE mdtrt_id = $1 ORDER BY id`,
      [stay],
    );
    assert.deepEqual(kept, [
      { live: false, chfcomp: '头晕一周', dscg: '好转出院' },
      { live: true, chfcomp: '头晕十天', dscg: '好转出院' },
    ]);

    // the stay's 病案首页 (4401) and its orders (4402), as a Foshan HIS sends them: hiv-ab kept, the
    // certificate not
    const front = await t.call('4401', {
      baseinfo: {
        mdtrt_id: stay,
        psn_no: w.ann.psnNo,
        medcasno: 'BA-EMR',
        certno: w.ann.certno,
        'hiv-ab': '阴性',
        ipt_days: 9,
      },
      diseinfo: [{ diag_code: 'I10.x00', diag_name: '高血压', maindiag_flag: '1' }],
      icuinfo: [{ icu_codeid: '', vali_flag: '1' }],
    });
    assert.equal(front.json.infcode, 0, front.json.err_msg);
    const order = (mdtrtId: string, i: number) => ({
      mdtrt_id: mdtrtId,
      psn_no: w.ann.psnNo,
      drord_no: `YZ${i}`,
      drord_detl_name: '硝苯地平控释片',
    });
    const orders = await t.call('4402', { data: Array.from({ length: 800 }, (_, i) => order(stay, i)) });
    assert.equal(orders.json.infcode, 0, orders.json.err_msg);
    const frontKept = await db.query<{ doc: string; orders: number }>(
      `SELECT f.document::text AS doc, jsonb_array_length(o.document->'data') AS orders
         FROM his_medical_record f JOIN his_medical_record o ON o.mdtrt_id = f.mdtrt_id AND o.infno = '4402'
        WHERE f.mdtrt_id = $1 AND f.infno = '4401'`,
      [stay],
    );
    assert.equal(frontKept[0]!.orders, 800);
    assert.ok(frontKept[0]!.doc.includes('"hiv-ab": "阴性"'), frontKept[0]!.doc);
    assert.ok(!frontKept[0]!.doc.includes(w.ann.certno), 'the certificate number is not kept');

    // an outpatient visit takes 4301, not 4701; a stay takes 4701, not 4301
    const reg = await t.ok(
      '2201',
      wire.registration(w.ann.psnNo, '390', at('09:00'), 'MZ-EMR', w.ann.certno),
    );
    const visit = reg.data.mdtrt_id as string;
    const record = {
      rgstinfo: { mdtrt_id: visit, psn_no: w.ann.psnNo, rgst_type_code: '1' },
      caseinfo: { chfcomp: '咳嗽', mdtrt_date: '2026-03-15' },
      diseInfo: { diag_code: 'J06.900', diag_name: '上呼吸道感染', maindiag_flag: '1' },
      rxInfo: [{ rxno: 'RX1', rx_detl_name: '阿莫西林胶囊', drug_used_sdose: 0.5 }],
    };
    assert.equal((await t.call('4301', record)).json.infcode, 0);
    const observed = await t.call('4302', {
      oprninfo: {
        mdtrt_id: visit,
        psn_no: w.ann.psnNo,
        oprn_oprt_code: '96.0400',
        oprn_oprt_name: '气管插管',
      },
      rescinfo: { er_resc_rec: '急诊抢救', resc_psn_list: '张医生，李护士' },
    });
    assert.equal(observed.json.infcode, 0, observed.json.err_msg);
    const wrongKind = await t.call('4701', emr({ mdtrt_id: visit }));
    assert.match(wrongKind.json.err_msg, /是门诊就诊，不能使用住院交易/);
    const wrongOrders = await t.call('4402', { data: [order(visit, 1)] });
    assert.match(wrongOrders.json.err_msg, /是门诊就诊，不能使用住院交易/);
    const wrongKind2 = await t.call('4301', { ...record, rgstinfo: { ...record.rgstinfo, mdtrt_id: stay } });
    assert.match(wrongKind2.json.err_msg, /是住院就诊，不能使用门诊交易/);

    // refused, nothing kept: another institution's visit, another person, a self-paid visit, a bad member
    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM his_medical_record');
    const foreign = await w.other.call('4701', emr());
    assert.equal(foreign.json.infcode, -1);
    const otherPerson = await t.call('4701', emr({ psn_no: w.tekun.psnNo }));
    assert.match(otherPerson.json.err_msg, /不是人员 .* 的就诊/);
    const selfPaid = await t.call('4301', { ...record, rgstinfo: { mdtrt_sn: 'ZF-1' } });
    assert.match(selfPaid.json.err_msg, /自费就诊的记录医保不留存/);
    const nested = await t.call('4701', emr({ chfcomp: { text: '头晕' } }));
    assert.match(nested.json.err_msg, /adminfo\.chfcomp 须为文本或数值/);
    const after = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM his_medical_record');
    assert.equal(after[0]!.n, before[0]!.n);

    // the reviewers read them by settlement or by visit, each reading audited
    const auditor = await loginAs(w.app, db, 'auditor');
    const get = (url: string, cookie = auditor) => w.app.inject({ url, headers: { cookie } });
    const bySettlement = await get(`/api/his/medical-records?setlId=${setlId}`);
    assert.equal(bySettlement.statusCode, 200, bySettlement.body);
    const shown = bySettlement.json();
    assert.equal(shown.mdtrtId, stay);
    assert.deepEqual(
      shown.records.map((r: { infno: string; replaced: number }) => [r.infno, r.replaced]),
      [
        ['4401', 0],
        ['4402', 0],
        ['4701', 1],
      ],
    );
    assert.equal(shown.records[2].document.diseinfo[0].wm_diag_name, '高血压');
    assert.equal(shown.records[0].document.baseinfo[0].ipt_days, '9');
    assert.equal(shown.records[0].uploadedAt, w.clock.now.toISOString());
    const byVisit = (await get(`/api/his/medical-records?mdtrtId=${visit}`)).json();
    assert.deepEqual(
      byVisit.records.map((r: { infno: string }) => r.infno),
      ['4301', '4302'],
    );
    // jsonb keeps no order of members: the workbench shows sections in the form's order
    assert.deepEqual(Object.keys(byVisit.records[0].document).sort(), [
      'caseinfo',
      'diseinfo',
      'rgstinfo',
      'rxinfo',
    ]);
    assert.equal((await get('/api/his/medical-records?setlId=S999')).statusCode, 404);
    const both = await get(`/api/his/medical-records?setlId=${setlId}&mdtrtId=${stay}`);
    assert.equal(both.json().error.code, 'HIS_RECORD_REF');
    for (const role of ['clerk', 'agent', 'leader'] as const) {
      const denied = await get(`/api/his/medical-records?setlId=${setlId}`, await loginAs(w.app, db, role));
      assert.equal(denied.statusCode, 403, role);
    }
    const audited = await db.query<{ action: string; entity_id: string }>(
      `SELECT action, entity_id FROM audit_entry WHERE action LIKE 'his.medical_record.%' ORDER BY id`,
    );
    assert.deepEqual(
      audited.map((a) => [a.action, a.entity_id]),
      [
        ['his.medical_record.upload', stay],
        ['his.medical_record.upload', stay],
        ['his.medical_record.upload', stay],
        ['his.medical_record.upload', stay],
        ['his.medical_record.upload', visit],
        ['his.medical_record.upload', visit],
        ['his.medical_record.view', stay],
        ['his.medical_record.view', visit],
      ],
    );
  },
);
