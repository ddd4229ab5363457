// Staff API: settlement list and detail, accumulators, filings and qualifications; and the demo
// settlements going through the same services.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { dbTest } from '../../db/testing.ts';
import { loginAs } from '../../api/testing.ts';
import { wire } from '../his/testing.ts';
import { at, CENTRE, hisWorld } from '../his/testing.ts';
import { seedDemoSettlements } from '../../demo/settlements.ts';
import { ADMDVS, VILLAGE } from './test-factories.ts';

const A = 'XA01ABD075A002010100483';
const C = 'XC03CXX999C001010100222';

dbTest(
  'staff read settlements, details with lines and steps, and accumulators; agents (once granted) only their village',
  async (db) => {
    const w = await hisWorld(db);
    const { psnNo, certno } = w.ann;
    const { data } = await w.centre.ok('2201', wire.registration(psnNo, '390', at('09:00'), 'MZ1', certno));
    await w.centre.ok(
      '2204',
      wire.fees(
        data.mdtrt_id,
        psnNo,
        [
          { code: A, pricFen: 5000, cnt: 2 },
          { code: C, pricFen: 3000, cnt: 1 },
        ],
        at('09:10'),
      ),
    );
    const s = await w.centre.ok('2207', wire.outpatientSettle(psnNo, data.mdtrt_id, 13000, certno));
    const rev = await w.centre.ok('2208', wire.reversal(s.setlinfo.setl_id, data.mdtrt_id, psnNo));

    const clerk = await loginAs(w.app, db, 'clerk');
    const list = await w.app.inject({
      method: 'GET',
      url: `/api/settlement/settlements?psnNo=${psnNo}&pageSize=10`,
      headers: { cookie: clerk },
    });
    assert.equal(list.statusCode, 200, list.body);
    const body = list.json();
    assert.equal(body.total, 2);
    assert.deepEqual(
      body.items.map((i: Record<string, unknown>) => [
        i.setlId,
        i.status,
        i.medfeeSumamt,
        i.hifpPay,
        i.psnName,
        i.fixmedinsName,
      ]),
      [
        [rev.setlinfo.setl_id, 'reversal', -13000, -6000, '王安', '城关镇卫生院'],
        [s.setlinfo.setl_id, 'reversed', 13000, 6000, '王安', '城关镇卫生院'],
      ],
    );
    const filtered = await w.app.inject({
      method: 'GET',
      url: `/api/settlement/settlements?institution=${CENTRE}&from=2026-03-16`,
      headers: { cookie: clerk },
    });
    assert.equal(filtered.json().total, 0);
    const byCert = await w.app.inject({
      method: 'GET',
      url: `/api/settlement/settlements?certno=${certno}&medType=11&insutype=390`,
      headers: { cookie: clerk },
    });
    assert.equal(byCert.json().total, 2);

    const detail = await w.app.inject({
      method: 'GET',
      url: `/api/settlement/settlements/${s.setlinfo.setl_id}`,
      headers: { cookie: clerk },
    });
    const d = detail.json();
    assert.equal(d.settlement.medfeeSumamt, 13000);
    assert.equal(d.settlement.certno, `${certno.slice(0, 4)}**********${certno.slice(-4)}`);
    assert.equal(d.settlement.reversedBy, rev.setlinfo.setl_id);
    assert.deepEqual(
      d.lines.map((l: Record<string, unknown>) => [
        l.lineNo,
        l.chargeClass,
        l.fullySelfPaidFen,
        l.itemName,
        l.reasonNames,
      ]),
      [
        ['0001', '01', 0, '甲类药品', []],
        ['0002', '03', 3000, '丙类药品', ['丙类项目全自费']],
      ],
    );
    assert.deepEqual(d.funds, [{ fundPayType: '390100', fundPayamt: 6000, inscpScpAmt: 10000 }]);
    assert.ok(
      d.steps.length >= 3 && d.steps.every((x: Record<string, unknown>) => typeof x.note === 'string'),
    );
    assert.equal(d.policyVersion.version, '2026-demo-1');
    assert.equal(
      (
        await w.app.inject({
          method: 'GET',
          url: '/api/settlement/settlements/ST000',
          headers: { cookie: clerk },
        })
      ).statusCode,
      404,
    );

    const acc = await w.app.inject({
      method: 'GET',
      url: `/api/settlement/accumulators/${psnNo}?year=2026`,
      headers: { cookie: clerk },
    });
    assert.equal(acc.json().items[0].outpatientPooledPaidFen, 0);

    const leader = await loginAs(w.app, db, 'leader');
    const masked = await w.app.inject({
      method: 'GET',
      url: '/api/settlement/settlements',
      headers: { cookie: leader },
    });
    assert.equal(masked.json().items[0].psnName, '王*');

    // the village agent has no settlement search by default (permissions.ts); once the admin grants
    // it, the agent's village scope still applies
    const agentHere = await loginAs(w.app, db, 'agent', VILLAGE);
    const search = () =>
      w.app.inject({ method: 'GET', url: '/api/settlement/settlements', headers: { cookie: agentHere } });
    assert.equal((await search()).statusCode, 403);
    const admin = await loginAs(w.app, db, 'admin');
    const grant = await w.app.inject({
      method: 'PUT',
      url: '/api/accounts/permissions/agent/settlement.search',
      headers: { cookie: admin },
      payload: { granted: true },
    });
    assert.equal(grant.statusCode, 200, grant.body);
    assert.equal(
      (
        await w.app.inject({
          method: 'GET',
          url: '/api/settlement/settlements',
          headers: { cookie: agentHere },
        })
      ).json().total,
      2,
    );
    const agentElsewhere = await loginAs(w.app, db, 'agent', `${ADMDVS}101999`);
    assert.equal(
      (
        await w.app.inject({
          method: 'GET',
          url: '/api/settlement/settlements',
          headers: { cookie: agentElsewhere },
        })
      ).json().total,
      0,
    );
    assert.equal(
      (
        await w.app.inject({
          method: 'GET',
          url: `/api/settlement/settlements/${s.setlinfo.setl_id}`,
          headers: { cookie: agentElsewhere },
        })
      ).statusCode,
      404,
    );
    assert.equal(
      (
        await w.app.inject({
          method: 'GET',
          url: `/api/settlement/accumulators/${psnNo}`,
          headers: { cookie: agentElsewhere },
        })
      ).statusCode,
      404,
    );
    assert.equal((await w.app.inject({ method: 'GET', url: '/api/settlement/settlements' })).statusCode, 401);
  },
);

dbTest(
  'filings and qualifications: clerks record them (audited), a filing lifts the out-of-area reduction',
  async (db) => {
    const w = await hisWorld(db);
    const clerk = await loginAs(w.app, db, 'clerk');
    const auditor = await loginAs(w.app, db, 'auditor');
    const filing = {
      psnNo: w.ann.psnNo,
      type: 'referral',
      destination: '4101',
      beginDate: '2026-03-01',
      endDate: '2026-06-30',
    };
    assert.equal(
      (
        await w.app.inject({
          method: 'POST',
          url: '/api/settlement/filings',
          headers: { cookie: auditor },
          payload: filing,
        })
      ).statusCode,
      403,
    );
    const bad = await w.app.inject({
      method: 'POST',
      url: '/api/settlement/filings',
      headers: { cookie: clerk },
      payload: { ...filing, endDate: '2026-02-01' },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'PERIOD_INVALID');
    const created = await w.app.inject({
      method: 'POST',
      url: '/api/settlement/filings',
      headers: { cookie: clerk },
      payload: filing,
    });
    assert.equal(created.statusCode, 201, created.body);
    const list = await w.app.inject({
      method: 'GET',
      url: `/api/settlement/filings?psnNo=${w.ann.psnNo}`,
      headers: { cookie: auditor },
    });
    assert.equal(list.json().total, 1);
    assert.equal(list.json().items[0].destination, '4101');
    // recorded at the counter (no institution); exported as the list shows it
    assert.equal(list.json().items[0].fixmedinsCode, null);
    // a leader reads the name masked, as in the settlement list; an auditor in full
    assert.equal(list.json().items[0].psnName, '王安');
    const led = await w.app.inject({
      url: `/api/settlement/filings?psnNo=${w.ann.psnNo}`,
      headers: { cookie: await loginAs(w.app, db, 'leader') },
    });
    assert.equal(led.json().items[0].psnName, '王*');
    const sheet = await w.app.inject({
      url: `/api/settlement/filings.xlsx?psnNo=${w.ann.psnNo}`,
      headers: { cookie: auditor },
    });
    assert.equal(sheet.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(
      [2, 4, 5, 8].map((c) => wb.worksheets[0]!.getRow(2).getCell(c).text),
      [w.ann.psnNo, '转诊转院', '4101', '经办窗口'],
    );

    const q = { psnNo: w.ann.psnNo, diseaseCode: 'I10', institutionCodes: [CENTRE], validFrom: '2026-01-01' };
    const qc = await w.app.inject({
      method: 'POST',
      url: '/api/settlement/disease-qualifications',
      headers: { cookie: clerk },
      payload: q,
    });
    assert.equal(qc.statusCode, 201, qc.body);
    const unknownInst = await w.app.inject({
      method: 'POST',
      url: '/api/settlement/disease-qualifications',
      headers: { cookie: clerk },
      payload: { ...q, institutionCodes: ['H41092699999'] },
    });
    assert.equal(unknownInst.json().error.code, 'INSTITUTION_NOT_FOUND');
    assert.equal(
      (
        await w.app.inject({
          method: 'GET',
          url: '/api/settlement/disease-qualifications',
          headers: { cookie: clerk },
        })
      ).json().total,
      1,
    );
    const qsheet = await w.app.inject({
      url: '/api/settlement/disease-qualifications.xlsx',
      headers: { cookie: clerk },
    });
    const qwb = new ExcelJS.Workbook();
    await qwb.xlsx.load(qsheet.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(
      [4, 5, 6].map((c) => qwb.worksheets[0]!.getRow(2).getCell(c).text),
      ['I10', CENTRE, '2026-01-01'],
    );
    const audits = await db.query<{ action: string }>(
      `SELECT action FROM audit_entry WHERE action IN ('filing.create', 'disease_qualification.create')`,
    );
    assert.equal(audits.length, 2);

    // E3 again, now with a filing that covers the far hospital's region 410102: the ratio is not lowered
    const { psnNo, certno } = w.ann;
    const { result } = await w.far.ok(
      '2401',
      wire.admission(psnNo, '390', at('08:00', '2026-03-11'), 'ZY1', certno),
    );
    await w.far.ok(
      '2301',
      wire.fees(
        result.mdtrt_id,
        psnNo,
        [{ code: A, pricFen: 1_000_000, cnt: 1 }],
        at('09:00', '2026-03-12'),
        null,
      ),
    );
    await w.far.ok('2402', wire.discharge(result.mdtrt_id, psnNo, '390', at('09:00', '2026-03-14')));
    const out = await w.far.ok('2304', wire.inpatientSettle(psnNo, result.mdtrt_id, 1_000_000, certno));
    // level 3, first admission: (10,000 − 1,000) × 65 % = 5,850 (not 50 %)
    assert.equal(out.setlinfo.hifp_pay, 5850);
  },
);

dbTest('demo settlements go through the services and spread over the month', async (db) => {
  const w = await hisWorld(db);
  const r = await seedDemoSettlements(db, { admdvs: ADMDVS, today: '2026-03-15', count: 24, seed: 7 });
  assert.equal(r.outpatient + r.inpatient, 24);
  assert.ok(r.inpatient > 0 && r.outpatient > 0);
  const rows = await db.query<{ n: number; today: number; lo: string; hi: string; ok: boolean }>(
    `SELECT count(*) FILTER (WHERE kind = 'settlement')::int AS n, count(*) FILTER (WHERE setl_date = '2026-03-15')::int AS today,
            min(setl_date)::text AS lo, max(setl_date)::text AS hi,
            bool_and(medfee_sumamt = fund_pay_sumamt + psn_part_amt) AS ok FROM settlement`,
  );
  assert.equal(rows[0].n, 24);
  assert.ok(rows[0].today > 0);
  assert.ok(rows[0].lo >= '2026-03-01' && rows[0].hi <= '2026-03-15');
  const acc = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM accumulator`);
  assert.ok(acc[0].n > 0);
  const lines = await db.query<{ open: number }>(
    `SELECT count(*) FILTER (WHERE setl_id IS NULL)::int AS open FROM fee_line f
      WHERE NOT EXISTS (SELECT 1 FROM settlement s WHERE s.mdtrt_id = f.mdtrt_id AND s.kind = 'reversal')`,
  );
  // (a reversed visit's lines are open again, to be settled another day)
  assert.equal(lines[0].open, 0);
  void w;
});

dbTest(
  'a clerk cancels a live filing with a reason (audited); twice, an unknown one or without reason: refused',
  async (db) => {
    const w = await hisWorld(db);
    const clerk = await loginAs(w.app, db, 'clerk');
    const auditor = await loginAs(w.app, db, 'auditor');
    const created = await w.app.inject({
      method: 'POST',
      url: '/api/settlement/filings',
      headers: { cookie: clerk },
      payload: { psnNo: w.ann.psnNo, type: 'temporary', destination: '410102', beginDate: '2026-03-01' },
    });
    const id = created.json().filing.id as number;
    const cancel = (cookie: string, target: number | string, reason = '患者放弃异地就医') =>
      w.app.inject({
        method: 'POST',
        url: `/api/settlement/filings/${target}/cancel`,
        headers: { cookie },
        payload: { reason },
      });
    assert.equal((await cancel(auditor, id)).statusCode, 403);
    const noReason = await cancel(clerk, id, '');
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /请填写撤销原因/);
    assert.equal((await cancel(clerk, 'x')).statusCode, 400);
    const done = await cancel(clerk, id);
    assert.equal(done.statusCode, 200, done.body);
    const again = await cancel(clerk, id);
    assert.equal(again.statusCode, 404);
    assert.equal(again.json().error.code, 'FILING_NOT_FOUND');
    const list = await w.app.inject({
      url: `/api/settlement/filings?psnNo=${w.ann.psnNo}`,
      headers: { cookie: clerk },
    });
    assert.equal(list.json().total, 0);
    const audited = await db.query<{ action: string; after: { reason: string } }>(
      `SELECT action, after FROM audit_entry WHERE entity = 'filing' ORDER BY id`,
    );
    assert.deepEqual(
      audited.map((a) => a.action),
      ['filing.create', 'filing.cancel'],
    );
    assert.equal(audited[1]!.after.reason, '患者放弃异地就医');
  },
);

dbTest(
  'a clerk ends a qualification early with a reason (audited): only shorter, never before today',
  async (db) => {
    const w = await hisWorld(db);
    const clerk = await loginAs(w.app, db, 'clerk');
    const auditor = await loginAs(w.app, db, 'auditor');
    const created = await w.app.inject({
      method: 'POST',
      url: '/api/settlement/disease-qualifications',
      headers: { cookie: clerk },
      payload: {
        psnNo: w.ann.psnNo,
        diseaseCode: 'I10',
        institutionCodes: [CENTRE],
        validFrom: '2026-01-01',
      },
    });
    const id = created.json().qualification.id as number;
    const end = (cookie: string, target: number | string, validTo: string, reason = '经复查已治愈') =>
      w.app.inject({
        method: 'POST',
        url: `/api/settlement/disease-qualifications/${target}/end`,
        headers: { cookie },
        payload: { validTo, reason },
      });
    assert.equal((await end(auditor, id, '2026-03-31')).statusCode, 403);
    const noReason = await end(clerk, id, '2026-03-31', ' ');
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /请填写终止原因/);
    assert.equal((await end(clerk, id, '2026-02-30')).statusCode, 400);
    // the world's clock is 2026-03-15: the day before is the past
    const past = await end(clerk, id, '2026-03-14');
    assert.equal(past.json().error.code, 'QUALIFICATION_END_PAST', past.body);
    const done = await end(clerk, id, '2026-03-31');
    assert.equal(done.statusCode, 200, done.body);
    assert.deepEqual(done.json().qualification, { id, validFrom: '2026-01-01', validTo: '2026-03-31' });
    assert.equal((await end(clerk, id, '2026-04-30')).json().error.code, 'QUALIFICATION_END_LATER');
    assert.equal((await end(clerk, 999_999, '2026-03-31')).json().error.code, 'QUALIFICATION_NOT_FOUND');
    const list = await w.app.inject({
      url: `/api/settlement/disease-qualifications?psnNo=${w.ann.psnNo}`,
      headers: { cookie: clerk },
    });
    assert.equal(list.json().items[0].validTo, '2026-03-31');
    const audited = await db.query<{
      before: { validTo: string | null };
      after: { validTo: string; reason: string };
    }>(`SELECT before, after FROM audit_entry WHERE action = 'disease_qualification.end'`);
    assert.deepEqual(audited, [
      { before: { validTo: null }, after: { validTo: '2026-03-31', reason: '经复查已治愈' } },
    ]);
  },
);
