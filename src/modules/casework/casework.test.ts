// Violation cases through the staff API: 立案 from a complaint, 审理 refused to the investigator, the
// 五个一批 outcomes (a fine's multiple outside art. 38's range refused, nothing written), the ledger's
// totals per institution and period, the documents with the amounts in capitals, the leader's summary.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/types.ts';
import { fenToCapitals } from '../../domain/shared/chinese-amount.ts';
import { yuanToFen } from '../../domain/shared/money.ts';
import { loadLibraryCalendar } from '../calendar/testing.ts';
import { CENTRE, HOSPITAL, hisWorld } from '../his/testing.ts';
import { caseworkSnapshot, staffClient } from './testing.ts';

async function world(db: Db) {
  const w = await hisWorld(db);
  await loadLibraryCalendar(db, w.clock.now);
  return {
    w,
    a1: await staffClient(w.app, db, 'auditor'),
    a2: await staffClient(w.app, db, 'auditor'),
    leader: await staffClient(w.app, db, 'leader'),
  };
}

const complaint = (over: Record<string, unknown> = {}) => ({
  source: 'complaint',
  complaint: '群众举报：住院期间重复收取诊查费',
  fixmedinsCode: HOSPITAL,
  violationType: '重复收费',
  article: '38',
  lossFen: 123_456,
  facts: '2026 年 1 至 2 月住院病人重复收取住院诊查费',
  ...over,
});

dbTest('a case: 调查, 审理 by another person, outcomes, decision, execution, 结案', async (db) => {
  const { w, a1, a2, leader } = await world(db);
  const opened = await a1.post('/api/casework/cases', complaint());
  assert.equal(opened.statusCode, 201, opened.body);
  const id = opened.json().case.id as number;
  assert.equal(opened.json().case.state, 'investigation');
  assert.equal(opened.json().case.dueOn, '2026-04-27'); // 30 working days from 2026-03-15, 清明 off
  assert.deepEqual(opened.json().actions, ['submit']);

  assert.equal((await a1.act(id, 'submit', { lossFen: 150_000 })).statusCode, 200);
  // the investigator may not hear his own case: refused, nothing written
  const before = await caseworkSnapshot(db);
  const own = await a1.act(id, 'hear');
  assert.equal(own.statusCode, 403);
  assert.equal(own.json().error.code, 'WORKFLOW_SAME_PERSON');
  assert.deepEqual(await caseworkSnapshot(db), before);
  const heard = await a2.act(id, 'hear');
  assert.equal(heard.statusCode, 200, heard.body);
  assert.equal(heard.json().case.state, 'decision');
  assert.equal(heard.json().case.lossFen, 150_000);

  // 决定 needs an outcome first
  assert.equal((await leader.act(id, 'decide')).json().error.code, 'CASE_NO_OUTCOME');
  // art. 38 allows 1–2 ×: 2.5 × is refused and nothing is written
  const snap = await caseworkSnapshot(db);
  const tooMuch = await leader.outcome(id, { kind: 'fine', multipleBp: 25_000 });
  assert.equal(tooMuch.statusCode, 400);
  assert.equal(tooMuch.json().error.code, 'CASE_FINE_MULTIPLE_OUT_OF_RANGE');
  assert.match(tooMuch.json().error.message, /1 倍至 2 倍/);
  assert.deepEqual(await caseworkSnapshot(db), snap);
  // an auditor may not decide outcomes
  assert.equal((await a1.outcome(id, { kind: 'interview' })).statusCode, 403);

  const fine = await leader.outcome(id, { kind: 'fine', multipleBp: 15_000, period: '2026-03' });
  assert.equal(fine.statusCode, 201, fine.body);
  assert.equal(fine.json().amountFen, 225_000);
  for (const o of [
    { kind: 'recovery', amountFen: 150_000, period: '2026-03' },
    { kind: 'refusal', amountFen: 20_000, period: '2026-02' },
    { kind: 'deduction', amountFen: 10_000 },
    { kind: 'interview', note: '院长约谈' },
    { kind: 'rectify' },
    { kind: 'referral', referralTo: 'health' },
  ])
    assert.equal((await leader.outcome(id, o)).statusCode, 201);
  assert.equal(
    (await leader.outcome(id, { kind: 'referral' })).json().error.code,
    'CASE_REFERRAL_TO_REQUIRED',
  );
  assert.equal((await leader.outcome(id, { kind: 'recovery' })).json().error.code, 'CASE_AMOUNT_REQUIRED');

  assert.equal((await leader.act(id, 'decide')).json().case.state, 'execution');
  // during execution the institution's own refund is still booked
  assert.equal(
    (await leader.outcome(id, { kind: 'self_refund', amountFen: 3_010, period: '2026-03' })).statusCode,
    201,
  );
  assert.equal(
    (await leader.outcome(id, { kind: 'fine', multipleBp: 10_000 })).json().error.code,
    'CASE_OUTCOME_STATE',
  );
  const closed = await a1.act(id, 'close');
  assert.equal(closed.json().case.state, 'closed');
  assert.deepEqual(
    closed.json().history.map((e: { action: string }) => e.action),
    ['file', 'submit', 'hear', 'decide', 'close'],
  );

  // a second case against the centre in March
  const other = (
    await a1.post('/api/casework/cases', complaint({ fixmedinsCode: CENTRE, article: '40', lossFen: 10_000 }))
  ).json();
  await a1.act(other.case.id, 'submit');
  await a2.act(other.case.id, 'hear');
  assert.equal(
    (await leader.outcome(other.case.id, { kind: 'fine', multipleBp: 15_000 })).json().error.code,
    'CASE_FINE_MULTIPLE_OUT_OF_RANGE',
  );
  await leader.outcome(other.case.id, { kind: 'fine', multipleBp: 20_000 });
  await leader.outcome(other.case.id, { kind: 'recovery', amountFen: 10_000 });

  // the list, and its overdue filter (the centre's case waits for its decision, due in 10 working days)
  assert.equal((await leader.get('/api/casework/cases')).json().total, 2);
  assert.equal((await leader.get('/api/casework/cases?state=decision')).json().total, 1);
  assert.equal((await leader.get('/api/casework/cases?overdue=1')).json().total, 0);
  w.clock.now = new Date('2026-03-30T02:00:00Z');
  const later = await staffClient(w.app, db, 'leader');
  const late = (await later.get('/api/casework/cases?overdue=1')).json();
  assert.deepEqual(
    late.items.map((k: { id: number }) => k.id),
    [other.case.id],
  );
  w.clock.now = new Date('2026-03-15T06:00:00Z');

  // ledger: totals per institution, period and kind
  const ledger = (await leader.get('/api/casework/ledger?from=2026-01&to=2026-03')).json();
  assert.equal(ledger.items.length, 7);
  const totals = Object.fromEntries(
    ledger.totals.map((t: { fixmedinsCode: string; period: string; kind: string; amountFen: number }) => [
      `${t.fixmedinsCode} ${t.period} ${t.kind}`,
      t.amountFen,
    ]),
  );
  assert.deepEqual(totals, {
    [`${HOSPITAL} 2026-02 refusal`]: 20_000,
    [`${HOSPITAL} 2026-03 deduction`]: 10_000,
    [`${HOSPITAL} 2026-03 fine`]: 225_000,
    [`${HOSPITAL} 2026-03 recovery`]: 150_000,
    [`${HOSPITAL} 2026-03 self_refund`]: 3_010,
    [`${CENTRE} 2026-03 fine`]: 20_000,
    [`${CENTRE} 2026-03 recovery`]: 10_000,
  });
  const onlyCentre = (
    await leader.get(`/api/casework/ledger?from=2026-03&to=2026-03&institution=${CENTRE}`)
  ).json();
  assert.equal(onlyCentre.items.length, 2);
  const x = await leader.get('/api/casework/ledger.xlsx?from=2026-01&to=2026-03');
  assert.equal(x.statusCode, 200);
  // the workbook's amounts are numbers a clerk can sum: the same totals, to the fen
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
  const detailYuan = wb.getWorksheet('资金台账')!.getColumn('F').values.slice(2) as number[];
  assert.equal(detailYuan.length, 7);
  assert.equal(
    detailYuan.reduce((s, v) => s + yuanToFen(v)!, 0),
    Object.values(totals).reduce((s: number, v) => s + (v as number), 0),
  );
  const hospitalRow = wb
    .getWorksheet('机构合计')!
    .getRows(2, 3)!
    .find((r) => r.getCell(1).value === HOSPITAL && r.getCell(3).value === '2026-03');
  assert.ok(hospitalRow, 'a row of the hospital in March');
  const hospitalMarch = (hospitalRow.values as unknown[]).slice(4).map((v) => yuanToFen(v as number));
  assert.equal(hospitalMarch.at(-1), 225_000 + 150_000 + 10_000 + 3_010);

  // the leader's summary of March
  const s = (await leader.get('/api/casework/summary?from=2026-03&to=2026-03')).json();
  assert.deepEqual(s.cases, { opened: 2, closed: 1 });
  assert.deepEqual(s.byKind.fine, { count: 2, amountFen: 245_000, cases: 2 });
  assert.equal(s.byKind.recovery.amountFen, 160_000);
  assert.match(s.text, /立案 2 件，结案 1 件；约谈 1 次/);

  // the documents name the institution and the amounts in capitals
  const doc = await leader.get(`/api/casework/cases/${id}/documents/penalty`);
  assert.equal(doc.statusCode, 200);
  const xml = await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')!.async('string');
  const text = xml.replace(/<[^>]+>/g, '');
  assert.ok(text.includes('演示县人民医院'), 'institution name');
  assert.ok(text.includes(`2250.00 元（大写：${fenToCapitals(225_000)}）`), text);
  assert.ok(text.includes('贰仟贰佰伍拾元整'));
  assert.ok(text.includes('第三十八条'));
  for (const kind of ['rectify', 'interview']) {
    const d = await leader.get(`/api/casework/cases/${id}/documents/${kind}`);
    const t = (
      await (await JSZip.loadAsync(d.rawPayload)).file('word/document.xml')!.async('string')
    ).replace(/<[^>]+>/g, '');
    assert.ok(t.includes('演示县人民医院') && t.includes(fenToCapitals(150_000)), kind);
  }
});

dbTest(
  'opening a case: an unknown institution, a missing ticket number and unknown suspects are refused',
  async (db) => {
    const { a1, leader } = await world(db);
    const snap = await caseworkSnapshot(db);
    const unknown = await a1.post('/api/casework/cases', complaint({ fixmedinsCode: 'H00000000000' }));
    assert.equal(unknown.json().error.code, 'CASE_INSTITUTION_UNKNOWN');
    const noTicket = await a1.post('/api/casework/cases', complaint({ source: 'ticket' }));
    assert.equal(noTicket.statusCode, 400);
    const noSuspect = await a1.post(
      '/api/casework/cases',
      complaint({ source: 'suspect', suspectIds: [999] }),
    );
    assert.equal(noSuspect.json().error.code, 'CASE_SUSPECT_NOT_FOUND');
    assert.equal((await leader.post('/api/casework/cases', complaint())).statusCode, 403);
    assert.deepEqual(await caseworkSnapshot(db), snap);
    const t = await a1.post(
      '/api/casework/cases',
      complaint({ source: 'ticket', ticketNo: '12345-2026-0001', lossFen: null }),
    );
    assert.equal(t.statusCode, 201, t.body);
    assert.deepEqual(
      [t.json().case.ticketNo, t.json().case.complaint, t.json().case.lossFen],
      ['12345-2026-0001', null, 0],
    );
  },
);
