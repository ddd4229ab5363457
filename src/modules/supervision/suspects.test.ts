// Suspects and record sampling through the staff API on a hand-built county: a scan's hits become
// suspects, 初审 and 复审 by two auditors, the institution answers through its own login and sees
// nothing of another's, a leader decides; bulk actions are all or nothing; a month's 5 % sample is
// drawn reproducibly and a finding becomes a suspect.
import assert from 'node:assert/strict';
import type { App } from '../../api/context.ts';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/types.ts';
import type { Role } from '../../domain/accounts/roles.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { ensureLibraryYears } from '../calendar/index.ts';
import { at, CENTRE, HOSPITAL, hisWorld, wire } from '../his/testing.ts';
import { createRun, executeRun } from './service.ts';

const A = 'XA01ABD075A002010100483';
const CAPPED = '001201000010000'; // class A, payment standard 100.00

async function as(app: App, db: Db, role: Role, fixmedinsCode: string | null = null) {
  const cookie = await loginAs(app, db, role, null, fixmedinsCode);
  const send = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: { cookie }, payload: payload as Record<string, unknown> });
  const me = (await send('GET', '/api/auth/me')).json();
  return {
    id: me.staff.id as number,
    get: (url: string) => send('GET', url),
    post: (url: string, p: unknown) => send('POST', url, p),
  };
}

async function county(db: Db) {
  const w = await hisWorld(db);
  await ensureLibraryYears(db, SYSTEM_ACTOR, w.clock.now);
  const { psnNo, certno } = w.ann;
  // three stays at the county hospital, each with a line over the price cap (120.00 for 100.00)
  const stays: string[] = [];
  for (const [no, d0, d1] of [
    ['ZY-1', '2026-03-01', '2026-03-04'],
    ['ZY-2', '2026-03-08', '2026-03-12'],
    ['ZY-3', '2026-03-20', '2026-03-24'],
  ] as const) {
    w.clock.now = new Date(`${d1}T06:00:00Z`);
    const adm = await w.hospital.ok('2401', wire.admission(psnNo, '390', at('08:00', d0), no, certno));
    const id = adm.result.mdtrt_id as string;
    const lines = [
      { code: CAPPED, pricFen: 12_000, cnt: 2 },
      { code: A, pricFen: 50_000, cnt: 1 },
    ];
    await w.hospital.ok('2301', wire.fees(id, psnNo, lines, at('10:00', d0), null));
    await w.hospital.ok('2402', wire.discharge(id, psnNo, '390', at('09:00', d1)));
    await w.hospital.ok('2304', wire.inpatientSettle(psnNo, id, 74_000, certno));
    stays.push(id);
  }
  // one at the township centre, over the cap too
  w.clock.now = new Date('2026-03-26T06:00:00Z');
  const reg = await w.centre.ok(
    '2201',
    wire.registration(psnNo, '390', at('09:00', '2026-03-26'), 'MZ-1', certno),
  );
  const out = reg.data.mdtrt_id as string;
  await w.centre.ok(
    '2204',
    wire.fees(out, psnNo, [{ code: CAPPED, pricFen: 11_000, cnt: 1 }], at('09:10', '2026-03-26')),
  );
  w.clock.now = new Date('2026-04-08T02:00:00Z');
  const run = await db.tx((tx) =>
    createRun(tx, { from: '2026-03-01', to: '2026-03-31' }, SYSTEM_ACTOR, w.clock.now),
  );
  await executeRun(db, run.id, () => w.clock.now);
  return { w, stays, out, runId: run.id };
}

dbTest(
  'suspects: 初审 and 复审 by two people, the institution answers only its own, a leader decides',
  async (db) => {
    const { w, stays, runId } = await county(db);
    const a1 = await as(w.app, db, 'auditor');
    const a2 = await as(w.app, db, 'auditor');
    const leader = await as(w.app, db, 'leader');
    const hosp = await as(w.app, db, 'institution', HOSPITAL);
    const centre = await as(w.app, db, 'institution', CENTRE);

    // the institution login may not raise; an auditor raises the price-cap hits, once
    assert.equal(
      (await hosp.post(`/api/supervision/runs/${runId}/suspects`, { rule: 'PRICE_CAP' })).statusCode,
      403,
    );
    const raised = await a1.post(`/api/supervision/runs/${runId}/suspects`, { rule: 'PRICE_CAP' });
    assert.equal(raised.statusCode, 201, raised.body);
    assert.equal(raised.json().raised, 4);
    assert.equal(
      (await a1.post(`/api/supervision/runs/${runId}/suspects`, { rule: 'PRICE_CAP' })).json().raised,
      0,
    );

    const list = (await a1.get('/api/supervision/suspects?rule=PRICE_CAP&pageSize=50')).json();
    assert.equal(list.total, 4);
    assert.equal(list.totalFen, 3 * 4000 + 1000);
    assert.ok(
      list.items.every(
        (s: { state: string; dueOn: string }) => s.state === 'first_review' && s.dueOn > '2026-04-08',
      ),
    );
    const first = list.items.find((s: { mdtrtId: string }) => s.mdtrtId === stays[0]);
    const url = `/api/supervision/suspects/${first.id}`;

    // the detail shows the visit's lines and the evidence (the flagged line)
    const d = (await a1.get(url)).json();
    assert.equal(d.lines.length, 2);
    assert.deepEqual(d.evidence.lines, ['0001']);
    assert.deepEqual(d.actions, ['first']);

    // 初审 needs a finding; then the same auditor cannot 复审
    assert.equal(
      (await a1.post(`${url}/actions`, { action: 'first' })).json().error.code,
      'SUSPECT_FINDING_REQUIRED',
    );
    assert.equal(
      (await a1.post(`${url}/actions`, { action: 'first', finding: '单价超过支付标准' })).statusCode,
      200,
    );
    const same = await a1.post(`${url}/actions`, { action: 'confirm' });
    assert.equal(same.statusCode, 403);
    assert.equal(same.json().error.code, 'WORKFLOW_SAME_PERSON');
    // the institution cannot act for the bureau, and not before its turn
    assert.equal(
      (await hosp.post(`${url}/actions`, { action: 'confirm' })).json().error.code,
      'WORKFLOW_FORBIDDEN',
    );
    assert.equal((await a2.post(`${url}/actions`, { action: 'confirm' })).statusCode, 200);

    // another institution sees nothing of it, not even by id
    assert.equal((await centre.get(url)).statusCode, 404);
    assert.equal((await centre.post(`${url}/actions`, { action: 'appeal', reason: 'x' })).statusCode, 404);
    const theirs = (await centre.get('/api/supervision/suspects?institution=' + HOSPITAL)).json();
    assert.equal(theirs.total, 1, 'the centre sees only its own, whatever filter it sends');
    assert.equal(theirs.items[0].fixmedinsCode, CENTRE);
    // the hospital appeals its own with a reason
    assert.equal(
      (await hosp.post(`${url}/actions`, { action: 'appeal' })).json().error.code,
      'WORKFLOW_REASON_REQUIRED',
    );
    assert.equal(
      (await hosp.post(`${url}/actions`, { action: 'appeal', reason: '耗材为新型号，已报价格备案' }))
        .statusCode,
      200,
    );
    assert.equal(
      (await a2.post(`${url}/actions`, { action: 'verify', reason: '未查到价格备案' })).statusCode,
      200,
    );

    // the decision: an amount above the suspect's is refused; the leader decides
    const tooMuch = await leader.post(`${url}/actions`, {
      action: 'decide_violation',
      reason: '超标准收费',
      confirmedFen: 4001,
    });
    assert.equal(tooMuch.json().error.code, 'SUSPECT_AMOUNT_TOO_HIGH');
    const ok = await leader.post(`${url}/actions`, {
      action: 'decide_violation',
      reason: '超标准收费',
      confirmedFen: 4000,
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().suspect.state, 'violation');
    const done = (await a1.get(url)).json();
    assert.deepEqual(
      done.history.map((e: { action: string }) => e.action),
      ['raise', 'first', 'confirm', 'appeal', 'verify', 'decide_violation'],
    );
    assert.equal(done.suspect.appeal, '耗材为新型号，已报价格备案');
    assert.equal(done.suspect.confirmedFen, 4000);
    const audits = await db.query<{ action: string }>(
      `SELECT action FROM audit_entry WHERE entity = 'workflow_case' AND entity_id = $1 ORDER BY id`,
      [String(done.suspect.caseId)],
    );
    assert.equal(audits.length, 6);

    // the institution view: indicators and suspects per institution; the hospital's login sees its own row
    const view = (await a1.get('/api/supervision/institutions?from=2026-03-01&to=2026-03-31')).json();
    const h = view.items.find((x: { code: string }) => x.code === HOSPITAL);
    assert.deepEqual(
      [h.stays, h.suspects, h.openSuspects, h.atStakeFen, h.confirmedFen],
      [3, 3, 2, 12_000, 4000],
    );
    assert.equal(h.averageFen, 74_000);
    assert.equal(view.thresholds.avgCostFactorBp, 15000);
    const own = (await hosp.get('/api/supervision/institutions?from=2026-03-01&to=2026-03-31')).json();
    assert.deepEqual(
      own.items.map((x: { code: string }) => x.code),
      [HOSPITAL],
    );

    // xlsx export of the queue
    const x = await a1.get('/api/supervision/suspects.xlsx?rule=PRICE_CAP');
    assert.equal(x.statusCode, 200);
    assert.equal(x.rawPayload.subarray(0, 2).toString(), 'PK');
  },
);

dbTest('bulk actions on a rule’s hits are all or nothing', async (db) => {
  const { w, runId } = await county(db);
  const a1 = await as(w.app, db, 'auditor');
  const a2 = await as(w.app, db, 'auditor');
  await a1.post(`/api/supervision/runs/${runId}/suspects`, { rule: 'PRICE_CAP' });
  const ids = (await a1.get('/api/supervision/suspects?rule=PRICE_CAP'))
    .json()
    .items.map((s: { id: number }) => s.id);
  const b = await a1.post('/api/supervision/suspects/bulk', {
    ids,
    action: 'first',
    finding: '单价超过支付标准',
  });
  assert.equal(b.statusCode, 200, b.body);
  assert.equal(b.json().done, 4);
  // confirm one alone, then a bulk confirm including it is refused whole
  assert.equal(
    (await a2.post(`/api/supervision/suspects/${ids[0]}/actions`, { action: 'confirm' })).statusCode,
    200,
  );
  const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM workflow_event');
  const refused = await a2.post('/api/supervision/suspects/bulk', { ids, action: 'confirm' });
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.json().error.code, 'SUSPECT_BULK_REFUSED');
  assert.match(refused.json().error.message, new RegExp(`疑点 ${ids[0]}`));
  assert.deepEqual(await db.query('SELECT count(*)::int AS n FROM workflow_event'), before);
  const rest = await a2.post('/api/supervision/suspects/bulk', { ids: ids.slice(1), action: 'confirm' });
  assert.equal(rest.json().done, 3);
  const summary = (await a1.get('/api/supervision/suspects/summary')).json().items;
  assert.deepEqual(
    summary.map((s: { state: string; count: number }) => [s.state, s.count]),
    [['appeal', 4]],
  );
});

dbTest(
  'monthly sampling: reproducible, at least the share, assigned, a finding becomes a suspect',
  async (db) => {
    const { w, stays } = await county(db);
    const a1 = await as(w.app, db, 'auditor');
    const a2 = await as(w.app, db, 'auditor');
    const clerk = await as(w.app, db, 'clerk');
    const body = {
      period: '2026-03',
      shareBp: 500,
      method: 'stratified',
      seed: 12345,
      reviewerIds: [a1.id, a2.id],
    };
    assert.equal((await clerk.post('/api/supervision/samples', body)).statusCode, 403);
    assert.equal(
      (await a1.post('/api/supervision/samples', { ...body, period: '2026-04' })).json().error.code,
      'SAMPLE_PERIOD_OPEN',
    );
    assert.equal(
      (await a1.post('/api/supervision/samples', { ...body, reviewerIds: [clerk.id] })).json().error.code,
      'SAMPLE_REVIEWER_INVALID',
    );
    const r = await a1.post('/api/supervision/samples', body);
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(r.json().seed, 12345);
    // only the hospital had stays: 3 settlements, 5 % rounded up = 1 per third → 3
    assert.deepEqual(
      r
        .json()
        .drawn.map((d: { fixmedinsCode: string; population: number }) => [d.fixmedinsCode, d.population]),
      [[HOSPITAL, 3]],
    );
    const sampleId = r.json().drawn[0].sampleId;
    const again = await a1.post('/api/supervision/samples', body);
    assert.deepEqual(again.json().skipped, [HOSPITAL], 'a month is drawn once per institution');

    const { sample, records } = (await a1.get(`/api/supervision/samples/${sampleId}`)).json();
    assert.equal(sample.size, records.length);
    assert.ok(records.length >= 1);
    assert.ok(records.every((x: { mdtrtId: string }) => stays.includes(x.mdtrtId)));
    const mine = records.find((x: { reviewerId: number }) => x.reviewerId === a1.id);
    const theirs = records.find((x: { reviewerId: number }) => x.reviewerId === a2.id);
    if (theirs) {
      const no = await a1.post(`/api/supervision/sample-records/${theirs.id}/review`, { result: 'ok' });
      assert.equal(no.json().error.code, 'SAMPLE_NOT_ASSIGNED');
    }
    const rec = mine ?? records[0];
    const reviewer = mine ? a1 : a2;
    assert.equal(
      (await reviewer.post(`/api/supervision/sample-records/${rec.id}/review`, { result: 'finding' })).json()
        .error.code,
      'SAMPLE_FINDING_REQUIRED',
    );
    const f = await reviewer.post(`/api/supervision/sample-records/${rec.id}/review`, {
      result: 'finding',
      finding: '病程记录与收费不符',
      atStakeFen: 12_000,
    });
    assert.equal(f.statusCode, 200, f.body);
    const suspect = (await a1.get(`/api/supervision/suspects/${f.json().suspectId}`)).json().suspect;
    assert.equal(suspect.source, 'sample');
    assert.equal(suspect.amountFen, 12_000);
    assert.equal(suspect.state, 'first_review');
    assert.equal(
      (await reviewer.post(`/api/supervision/sample-records/${rec.id}/review`, { result: 'ok' })).json().error
        .code,
      'SAMPLE_RECORD_REVIEWED',
    );
    const listed = (await a1.get('/api/supervision/samples?period=2026-03')).json().items;
    assert.deepEqual([listed[0].reviewed, listed[0].findings], [1, 1]);
  },
);
