// The registry through the staff API and the HIS: a doctor scored 9 points on a case is suspended and
// the HIS's 2207 for a visit he attends is refused (an emergency visit is settled); 12 points at once
// terminate; registry import and export round-trip.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { App } from '../../api/context.ts';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/types.ts';
import type { Role } from '../../domain/accounts/roles.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { ensureLibraryYears } from '../calendar/index.ts';
import { at, HOSPITAL, hisWorld, OTHER, snapshot, wire } from '../his/testing.ts';
import { addStaff } from './testing.ts';

const A = 'XA01ABD075A002010100483';
const DOCTOR = 'D41092600871'; // the attending and billing doctor of the wire builders

async function as(app: App, db: Db, role: Role) {
  const cookie = await loginAs(app, db, role);
  const send = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: { cookie }, payload: payload as Record<string, unknown> });
  return { get: (url: string) => send('GET', url), post: (url: string, p: unknown) => send('POST', url, p) };
}

/** A case against the hospital, heard by a second auditor: ready for outcomes and points. */
async function heardCase(app: App, db: Db) {
  const a1 = await as(app, db, 'auditor');
  const a2 = await as(app, db, 'auditor');
  const leader = await as(app, db, 'leader');
  const k = await a1.post('/api/casework/cases', {
    source: 'complaint',
    complaint: '群众举报挂床住院',
    fixmedinsCode: HOSPITAL,
    violationType: '虚假就医',
    article: '40',
    lossFen: 200_000,
  });
  assert.equal(k.statusCode, 201, k.body);
  const id = k.json().case.id as number;
  assert.equal((await a1.post(`/api/casework/cases/${id}/actions`, { action: 'submit' })).statusCode, 200);
  assert.equal((await a2.post(`/api/casework/cases/${id}/actions`, { action: 'hear' })).statusCode, 200);
  return { id, leader };
}

dbTest('9 points suspend a doctor: his 2207 is refused with the date, an emergency settles', async (db) => {
  const w = await hisWorld(db);
  await ensureLibraryYears(db, SYSTEM_ACTOR, w.clock.now);
  const staffId = await addStaff(db, { fixmedinsCode: HOSPITAL, staffCode: DOCTOR, name: '李医生' });
  const { id, leader } = await heardCase(w.app, db);
  const outOfBand = await leader.post(`/api/casework/cases/${id}/points`, {
    staffId,
    band: 'fine',
    points: 7,
  });
  assert.equal(outOfBand.statusCode, 400);
  assert.equal(outOfBand.json().error.code, 'MEDSTAFF_POINTS_OUT_OF_BAND');
  const r = await leader.post(`/api/casework/cases/${id}/points`, { staffId, band: 'serious', points: 9 });
  assert.equal(r.statusCode, 201, r.body);
  assert.equal(r.json().status, 'suspended');
  assert.equal(r.json().suspendedUntil, '2026-05-14'); // 2 months from 2026-03-15
  const pointsListed = async (who = leader) =>
    (await who.get(`/api/medstaff/staff?institution=${HOSPITAL}`))
      .json()
      .items.find((s: { id: number }) => s.id === staffId).yearPoints;
  assert.equal(await pointsListed(), 9);
  // the institution view's figures: its case and its doctor's points in March, nothing in April
  const figures = async (from: string, to: string) => {
    const r = await leader.get(`/api/casework/institutions?from=${from}&to=${to}`);
    assert.equal(r.statusCode, 200, r.body);
    return figuresOf(r.json());
  };
  const figuresOf = (body: { items: { fixmedinsCode: string }[] }) =>
    body.items.find((x) => x.fixmedinsCode === HOSPITAL);
  assert.deepEqual(await figures('2026-03-01', '2026-03-31'), {
    fixmedinsCode: HOSPITAL,
    cases: 1,
    ledgerFen: 0,
    points: 9,
  });
  assert.equal(await figures('2026-04-01', '2026-04-30'), undefined);
  assert.equal(
    (await leader.get('/api/casework/institutions?from=2026-04-01&to=2026-03-01')).statusCode,
    400,
  );

  const { psnNo, certno } = w.ann;
  const reg = await w.hospital.ok('2201', wire.registration(psnNo, '390', at('08:30'), 'MZ0100', certno));
  const mdtrtId = reg.data.mdtrt_id as string;
  await w.hospital.ok('2204', wire.fees(mdtrtId, psnNo, [{ code: A, pricFen: 5000, cnt: 1 }], at('08:40')));
  const before = await snapshot(db);
  const refused = await w.hospital.call('2207', wire.outpatientSettle(psnNo, mdtrtId, 5000, certno));
  assert.equal(refused.json.infcode, -1);
  assert.match(
    refused.json.err_msg,
    /医师 李医生（D41092600871）的医保支付资格已暂停至 2026-05-14，不予结算/,
  );
  const after = await snapshot(db);
  assert.equal(after.settlement, before.settlement);
  // an emergency visit by the same doctor is settled
  const ok = await w.hospital.call('2207', wire.outpatientSettle(psnNo, mdtrtId, 5000, certno, '390', '13'));
  assert.equal(ok.json.infcode, 0, ok.text);
  // the suspension ends: the next day after it a new visit settles
  w.clock.now = new Date('2026-05-15T02:00:00Z');
  const reg2 = await w.hospital.ok(
    '2201',
    wire.registration(psnNo, '390', at('08:30', '2026-05-15'), 'MZ0101', certno),
  );
  const m2 = reg2.data.mdtrt_id as string;
  await w.hospital.ok(
    '2204',
    wire.fees(m2, psnNo, [{ code: A, pricFen: 5000, cnt: 1 }], at('08:40', '2026-05-15')),
  );
  const later = await w.hospital.call('2207', wire.outpatientSettle(psnNo, m2, 5000, certno));
  assert.equal(later.json.infcode, 0, later.text);
  // the list counts the points of the current year: none on 2 January
  w.clock.now = new Date('2027-01-02T02:00:00Z');
  assert.equal(await pointsListed(await as(w.app, db, 'leader')), 0);
});

dbTest(
  '12 points at once terminate the qualification, barred 3 years; no more points; 2304 refused',
  async (db) => {
    const w = await hisWorld(db);
    await ensureLibraryYears(db, SYSTEM_ACTOR, w.clock.now);
    const staffId = await addStaff(db, { fixmedinsCode: HOSPITAL, staffCode: DOCTOR });
    const { id, leader } = await heardCase(w.app, db);
    const r = await leader.post(`/api/casework/cases/${id}/points`, { staffId, band: 'fraud', points: 12 });
    assert.equal(r.statusCode, 201, r.body);
    assert.deepEqual([r.json().status, r.json().barredUntil], ['terminated', '2029-03-14']);
    const again = await leader.post(`/api/casework/cases/${id}/points`, {
      staffId,
      band: 'agreement',
      points: 1,
    });
    assert.equal(again.json().error.code, 'MEDSTAFF_TERMINATED');
    // a stay he attends is not settled (2304)
    const { psnNo, certno } = w.ann;
    const adm = await w.hospital.ok(
      '2401',
      wire.admission(psnNo, '390', at('08:00', '2026-03-10'), 'ZY-9', certno),
    );
    const stay = adm.result.mdtrt_id as string;
    await w.hospital.ok(
      '2301',
      wire.fees(stay, psnNo, [{ code: A, pricFen: 50_000, cnt: 1 }], at('10:00', '2026-03-10'), null),
    );
    await w.hospital.ok('2402', wire.discharge(stay, psnNo, '390', at('09:00', '2026-03-14')));
    const refused = await w.hospital.call('2304', wire.inpatientSettle(psnNo, stay, 50_000, certno));
    assert.equal(refused.json.infcode, -1);
    assert.match(refused.json.err_msg, /医师 李医生（D41092600871）的医保支付资格已终止，不予结算/);
    const detail = (await leader.get(`/api/medstaff/staff/${staffId}`)).json();
    assert.equal(detail.points.length, 1);
    assert.equal(detail.staff.barredUntil, '2029-03-14');
    // barred from registering again, here or elsewhere, until 2029-03-14
    const admin = await as(w.app, db, 'admin');
    const again2 = await admin.post('/api/medstaff/staff', {
      fixmedinsCode: OTHER,
      staffCode: DOCTOR,
      name: '李医生',
      kind: 'doctor',
    });
    assert.equal(again2.statusCode, 409);
    assert.equal(again2.json().error.code, 'MEDSTAFF_REGISTRATION_BARRED');
    assert.match(again2.json().error.message, /2029-03-14 前不得重新登记/);
    w.clock.now = new Date('2029-03-15T02:00:00Z');
    const later = await as(w.app, db, 'admin');
    const back = await later.post('/api/medstaff/staff', {
      fixmedinsCode: HOSPITAL,
      staffCode: DOCTOR,
      name: '李医生',
      kind: 'doctor',
    });
    assert.equal(back.statusCode, 200, back.body);
    assert.equal(back.json().status, 'normal');
  },
);

dbTest('the registry imports an xlsx (all or nothing) and exports it', async (db) => {
  const w = await hisWorld(db);
  const admin = await as(w.app, db, 'admin');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('医保医师');
  ws.addRow(['定点机构编码', '人员代码', '姓名', '类别', '科室']);
  ws.addRow([HOSPITAL, 'D41092600001', '张医生', '医师', '外科']);
  ws.addRow([HOSPITAL, 'Y41092600002', '王药师', '药师', '药剂科']);
  const good = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  ws.addRow([HOSPITAL, 'bad', '', '厨师', '']);
  const bad = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const refused = await admin.post('/api/medstaff/import', { fileName: 'x.xlsx', content: bad });
  assert.equal(refused.json().error.code, 'MEDSTAFF_IMPORT_INVALID');
  assert.match(refused.json().error.message, /第 4 行/);
  assert.equal((await admin.get('/api/medstaff/staff')).json().total, 0);
  const r = await admin.post('/api/medstaff/import', { fileName: 'x.xlsx', content: good });
  assert.deepEqual(r.json(), { rows: 2, created: 2, updated: 0 });
  const list = (await admin.get(`/api/medstaff/staff?institution=${HOSPITAL}`)).json();
  assert.deepEqual(
    list.items.map((s: { name: string; kind: string }) => [s.name, s.kind]),
    [
      ['张医生', 'doctor'],
      ['王药师', 'pharmacist'],
    ],
  );
  const x = await admin.get('/api/medstaff/staff.xlsx');
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
  assert.equal(back.worksheets[0]!.getRow(2).getCell(3).text, '张医生');
});
