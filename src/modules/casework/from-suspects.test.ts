// A case opened from suspects: only suspects decided 认定违规 or 移交立案, of the case's institution and
// not already in a case; their confirmed amounts are the loss.
import assert from 'node:assert/strict';
import { dbTest } from '../../db/testing.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { loadLibraryCalendar } from '../calendar/testing.ts';
import { at, CENTRE, HOSPITAL, hisWorld, wire } from '../his/testing.ts';
import { createRun, executeRun } from '../supervision/index.ts';
import { caseworkSnapshot, staffClient } from './testing.ts';

const CAPPED = '001201000010000'; // class A, payment standard 100.00

dbTest(
  'a case from two decided suspects takes their confirmed amounts; undecided or taken ones are refused',
  async (db) => {
    const w = await hisWorld(db);
    await loadLibraryCalendar(db, w.clock.now);
    const { psnNo, certno } = w.ann;
    // three outpatient visits at the hospital, each with a line over the price cap
    for (const [n, day] of [
      [1, '2026-03-02'],
      [2, '2026-03-03'],
      [3, '2026-03-04'],
    ] as const) {
      w.clock.now = new Date(`${day}T02:00:00Z`);
      const reg = await w.hospital.ok(
        '2201',
        wire.registration(psnNo, '390', at('09:00', day), `MZ-${n}`, certno),
      );
      const id = reg.data.mdtrt_id as string;
      await w.hospital.ok(
        '2204',
        wire.fees(id, psnNo, [{ code: CAPPED, pricFen: 12_000, cnt: 1 }], at('09:10', day)),
      );
      await w.hospital.ok('2207', wire.outpatientSettle(psnNo, id, 12_000, certno));
    }
    w.clock.now = new Date('2026-04-08T02:00:00Z');
    const run = await db.tx((tx) =>
      createRun(tx, { from: '2026-03-01', to: '2026-03-31' }, SYSTEM_ACTOR, w.clock.now),
    );
    await executeRun(db, run.id, () => w.clock.now);

    const a1 = await staffClient(w.app, db, 'auditor');
    const a2 = await staffClient(w.app, db, 'auditor');
    const leader = await staffClient(w.app, db, 'leader');
    assert.equal(
      (await a1.post(`/api/supervision/runs/${run.id}/suspects`, { rule: 'PRICE_CAP' })).json().raised,
      3,
    );
    const ids = (await a1.get('/api/supervision/suspects?rule=PRICE_CAP'))
      .json()
      .items.map((s: { id: number }) => s.id)
      .sort();
    const to = async (id: number, decide: 'decide_violation' | 'refer', fen: number) => {
      const url = `/api/supervision/suspects/${id}/actions`;
      for (const [c, body] of [
        [a1, { action: 'first', finding: '单价超过支付标准' }],
        [a2, { action: 'confirm' }],
        [a1, { action: 'lapse' }],
        [leader, { action: decide, reason: '认定', confirmedFen: fen }],
      ] as const) {
        const r = await c.post(url, body);
        assert.equal(r.statusCode, 200, r.body);
      }
    };
    await to(ids[0], 'decide_violation', 2_000);
    await to(ids[1], 'refer', 0);
    const base = { source: 'suspect', fixmedinsCode: HOSPITAL, violationType: '超标准收费', article: '38' };

    const snap = await caseworkSnapshot(db);
    const undecided = await a1.post('/api/casework/cases', { ...base, suspectIds: [ids[0], ids[2]] });
    assert.equal(undecided.json().error.code, 'CASE_SUSPECT_NOT_DECIDED');
    const elsewhere = await a1.post('/api/casework/cases', {
      ...base,
      fixmedinsCode: CENTRE,
      suspectIds: [ids[0]],
    });
    assert.equal(elsewhere.json().error.code, 'CASE_SUSPECT_OTHER_INSTITUTION');
    assert.deepEqual(await caseworkSnapshot(db), snap);

    const k = await a1.post('/api/casework/cases', { ...base, suspectIds: [ids[0], ids[1]] });
    assert.equal(k.statusCode, 201, k.body);
    assert.deepEqual(k.json().case.suspectIds, [ids[0], ids[1]]);
    assert.equal(k.json().case.lossFen, 2_000);
    const again = await a1.post('/api/casework/cases', { ...base, suspectIds: [ids[1]] });
    assert.equal(again.json().error.code, 'CASE_SUSPECT_TAKEN');
  },
);
