// The 事后 scan on a hand-built county: visits uploaded through the HIS, knowledge points set, one
// run — each rule hits exactly where it should, and the SQL line rules agree with the pure ones.
import assert from 'node:assert/strict';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import { type ItemKnowledge, lineHits } from '../../domain/supervision/line-rules.ts';
import { at, hisWorld, totalOf, wire } from '../his/testing.ts';
import * as repo from './repo.ts';
import { LINE_RULES } from './scan-queries.ts';
import { createRun, executeRun } from './service.ts';

const A = 'XA01ABD075A002010100483';
const B = 'XB02BXX123B001010100111';
const C = 'XC03CXX999C001010100222';
const CAPPED = '001201000010000';
const INPATIENT_ONLY = 'C01020304050607080910111213';
const k = (template: string, itemCode: string, value: Record<string, unknown>) => ({
  template,
  itemCode,
  value,
  batch: 'T1',
  validFrom: '2026-01-01',
  validTo: null,
});

dbTest(
  'one scan finds each planted violation, and the SQL line rules agree with the pure ones',
  async (db) => {
    const w = await hisWorld(db);
    const now = w.clock.now;
    await db.tx((tx) =>
      repo.insertKnowledge(
        tx,
        [
          k('SCHEME', A, { insutypes: ['310'] }),
          k('INDICATION', A, { diagnoses: ['E11'] }),
          k('INSTITUTION_LEVEL', B, { minLevel: 2 }),
          k('QUANTITY', B, { max: 3 }),
          k('DUPLICATE_PAIR', A, { with: B }),
        ],
        now,
      ),
    );
    const { psnNo, certno } = w.ann;
    // an outpatient visit at the township centre (level 1) on 03-15
    const reg = await w.centre.ok('2201', wire.registration(psnNo, '390', at('09:00'), 'MZ-S1', certno));
    const out = reg.data.mdtrt_id as string;
    await w.centre.ok('2203', wire.visitInfo(out, psnNo, '11', 'J06.900', at('09:05')));
    const lines = [
      { code: A, pricFen: 2500, cnt: 2 },
      { code: B, pricFen: 1000, cnt: 5 },
      { code: CAPPED, pricFen: 12000, cnt: 2 },
      { code: INPATIENT_ONLY, pricFen: 3000, cnt: 1 },
      { code: C, pricFen: 500, cnt: 1 },
    ];
    await w.centre.ok('2204', wire.fees(out, psnNo, lines, at('09:10')));
    await w.centre.ok('2207', wire.outpatientSettle(psnNo, out, totalOf(lines), certno));

    // two stays at the county hospital five days apart (split admission); the second spans the visit above
    const stay = async (no: string, begin: string, end: string) => {
      const adm = await w.hospital.ok('2401', wire.admission(psnNo, '390', begin, no, certno));
      const id = adm.result.mdtrt_id as string;
      await w.hospital.ok('2301', wire.fees(id, psnNo, [{ code: A, pricFen: 10_000, cnt: 3 }], begin, null));
      await w.hospital.ok('2402', wire.discharge(id, psnNo, '390', end));
      return id;
    };
    w.clock.now = new Date('2026-03-25T06:00:00Z');
    await stay('ZY-S1', at('08:00', '2026-03-01'), at('09:00', '2026-03-05'));
    const second = await stay('ZY-S2', at('08:00', '2026-03-10'), at('09:00', '2026-03-20'));

    // 李特 is seen on 03-15 and the registry later records a death on 03-12
    const t = w.tekun;
    const treg = await w.centre.ok('2201', wire.registration(t.psnNo, '390', at('10:00'), 'MZ-S2', t.certno));
    const tv = treg.data.mdtrt_id as string;
    await w.centre.ok('2204', wire.fees(tv, t.psnNo, [{ code: C, pricFen: 800, cnt: 1 }], at('10:10')));
    await db.query(`UPDATE person SET death_date = '2026-03-12', status = 'deceased' WHERE psn_no = $1`, [
      t.psnNo,
    ]);

    const run = await db.tx((tx) =>
      createRun(tx, { from: '2026-03-01', to: '2026-03-31' }, SYSTEM_ACTOR, now),
    );
    const done = await executeRun(db, run.id, () => now);
    assert.equal(done.status, 'done');
    assert.equal(done.chunksDone, 3);
    const { items } = await repo.listHits(db, { runId: run.id, rule: null, institution: null }, 500, 0);
    const on = (visit: string) =>
      items
        .filter((h) => h.mdtrtId === visit)
        .map((h) => h.ruleCode)
        .sort();
    assert.deepEqual(on(out), [
      'CARE_MODE',
      'DUPLICATE_PAIR',
      'INDICATION',
      'INSTITUTION_LEVEL',
      'OVERLAP_CARE',
      'PRICE_CAP',
      'QUANTITY',
      'SCHEME',
    ]);
    const cap = items.find((h) => h.mdtrtId === out && h.ruleCode === 'PRICE_CAP')!;
    assert.equal(cap.amountFen, (12000 - 10000) * 2);
    assert.deepEqual(cap.lines, ['0003']);
    assert.ok(on(second).includes('SPLIT_ADMISSION'));
    assert.deepEqual(on(tv), ['AFTER_DEATH_FEE', 'AFTER_DEATH_VISIT']);
    assert.equal(done.hits, items.length);

    // the pure rules give the same line hits for the outpatient visit
    const facts = await db.query<{
      sn: string;
      code: string;
      date: string;
      cnt: string;
      pric: number;
      amt: number;
      gender: '1' | '2' | null;
      minAge: number | null;
      maxAge: number | null;
      inpatientOnly: boolean | null;
      cap: number | null;
    }>(
      `SELECT f.feedetl_sn AS sn, f.med_list_codg AS code, f.fee_date::text AS date, f.cnt::text AS cnt, f.pric_fen::int AS pric,
            f.det_item_fee_sumamt::int AS amt, c.gender_limit AS gender, c.min_age AS "minAge", c.max_age AS "maxAge",
            c.inpatient_only AS "inpatientOnly", c.price_cap_fen::int AS cap
       FROM fee_line f LEFT JOIN catalogue_item c ON c.id = f.catalogue_item_id WHERE f.mdtrt_id = $1 ORDER BY f.id`,
      [out],
    );
    const person = await db.query<{ gender: '1' | '2'; birth: string }>(
      `SELECT gender, birth_date::text AS birth FROM person WHERE psn_no = $1`,
      [psnNo],
    );
    const knowledge: Record<string, ItemKnowledge> = {
      [A]: { schemes: ['310'], indications: ['E11'] },
      [B]: { minLevel: 2, maxQuantity: 3 },
    };
    const enabled = new Set(LINE_RULES);
    const pure = facts.flatMap((f) =>
      lineHits(
        { itemCode: f.code, date: f.date, quantity: Number(f.cnt), unitPriceFen: f.pric, amountFen: f.amt },
        f.inpatientOnly === null
          ? null
          : {
              genderLimit: f.gender,
              minAge: f.minAge,
              maxAge: f.maxAge,
              inpatientOnly: f.inpatientOnly,
              priceCapFen: f.cap,
            },
        {
          inpatient: false,
          insutype: '390',
          beginDate: '2026-03-15',
          endDate: null,
          diagnoses: ['J06.900'],
          institutionLevel: 1,
        },
        { gender: person[0]!.gender, birthDate: person[0]!.birth, deathDate: null },
        knowledge[f.code] ?? {},
        enabled,
      ).map((h) => `${h.rule}:${f.sn}:${h.amountFen}`),
    );
    const sql = items
      .filter((h) => h.mdtrtId === out && enabled.has(h.ruleCode))
      .flatMap((h) => h.lines.map((sn) => `${h.ruleCode}:${sn}`));
    assert.deepEqual(pure.map((p) => p.split(':').slice(0, 2).join(':')).sort(), sql.sort());
  },
);

dbTest(
  'rules change with history; a bad workbook row writes nothing; auditors scan, agents may not',
  async (db) => {
    const w = await hisWorld(db);
    const admin = await loginAs(w.app, db, 'admin');
    const list = await w.app.inject({
      method: 'GET',
      url: '/api/supervision/rules',
      headers: { cookie: admin },
    });
    assert.equal(list.statusCode, 200);
    assert.ok(list.json().items.length >= 20, 'at least 20 rule templates');
    const put = await w.app.inject({
      method: 'PUT',
      url: '/api/supervision/rules/SPLIT_ADMISSION',
      headers: { cookie: admin },
      payload: { enabled: true, severity: 3, params: { days: 10 }, reason: '本市口径' },
    });
    assert.equal(put.statusCode, 200, put.body);
    const hist = await w.app.inject({
      method: 'GET',
      url: '/api/supervision/rules/SPLIT_ADMISSION/history',
      headers: { cookie: admin },
    });
    assert.equal(hist.json().items[0].after.params.days, 10);
    const badParam = await w.app.inject({
      method: 'PUT',
      url: '/api/supervision/rules/SPLIT_ADMISSION',
      headers: { cookie: admin },
      payload: { enabled: true, severity: 3, params: { nope: 1 }, reason: '试试' },
    });
    assert.equal(badParam.json().error.code, 'SUPERVISION_PARAM_UNKNOWN');

    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('限险种');
    ws.addRow(['项目编码', '值', '批次', '生效日期', '失效日期']);
    ws.addRow(['X1', '310', 'B1', '2026-01-01', '']);
    ws.addRow(['X2', '31', 'B1', '2026-01-01', '']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const boundary = 'yibaoBoundary';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="k.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const imp = await w.app.inject({
      method: 'POST',
      url: '/api/supervision/knowledge/import',
      headers: { cookie: admin, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    assert.equal(imp.statusCode, 400);
    assert.match(imp.json().error.message, /限险种 第 3 行/);
    const n = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM supervision_knowledge`);
    assert.equal(n[0]!.n, 0);

    const agent = await loginAs(w.app, db, 'agent', '410926101001');
    const refused = await w.app.inject({
      method: 'POST',
      url: '/api/supervision/runs',
      headers: { cookie: agent },
      payload: { from: '2026-03-01', to: '2026-03-31' },
    });
    assert.equal(refused.statusCode, 403);
    const auditor = await loginAs(w.app, db, 'auditor');
    const badRange = await w.app.inject({
      method: 'POST',
      url: '/api/supervision/runs',
      headers: { cookie: auditor },
      payload: { from: '2026-03-31', to: '2026-03-01' },
    });
    assert.equal(badRange.json().error.code, 'SUPERVISION_RANGE_INVALID');
    // ending a knowledge point is the admin's: an auditor is refused, a missing point is named
    const endBody = { validTo: '2026-06-30', reason: '知识库调整' };
    const byAuditor = await w.app.inject({
      method: 'POST',
      url: '/api/supervision/knowledge/1/end',
      headers: { cookie: auditor },
      payload: endBody,
    });
    assert.equal(byAuditor.statusCode, 403);
    const missing = await w.app.inject({
      method: 'POST',
      url: '/api/supervision/knowledge/999999/end',
      headers: { cookie: admin },
      payload: endBody,
    });
    assert.equal(missing.json().error.code, 'SUPERVISION_KNOWLEDGE_NOT_FOUND');
    const noReason = await w.app.inject({
      method: 'POST',
      url: '/api/supervision/knowledge/1/end',
      headers: { cookie: admin },
      payload: { validTo: '2026-06-30', reason: '' },
    });
    assert.equal(noReason.statusCode, 400);
  },
);
