// The channel-neutral settlement service: a clerk settles at the counter (manual channel) a visit a
// HIS opened and uploaded, and gets the figures the HIS's own pre-settlement shows; a village agent
// may not; the settlement records its channel and the clerk as actor.
import assert from 'node:assert/strict';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import { at, hisWorld, snapshot, wire } from '../his/testing.ts';

const A = 'XA01ABD075A002010100483';
const B = 'XB02BXX123B001010100111';
const C = 'XC03CXX999C001010100222';
const fen = (v: unknown) => Math.round(Number(v) * 100);

dbTest(
  'a clerk settles a HIS-uploaded visit through the manual channel with the same figures',
  async (db) => {
    const w = await hisWorld(db);
    const { psnNo, certno } = w.ann;
    const reg = await w.centre.ok('2201', wire.registration(psnNo, '390', at('09:00'), 'MZ-MAN', certno));
    const mdtrtId: string = reg.data.mdtrt_id;
    await w.centre.ok('2203', wire.visitInfo(mdtrtId, psnNo, '11', 'J06.900', at('09:05')));
    const lines = [
      { code: A, pricFen: 2500, cnt: 4 },
      { code: B, pricFen: 1000, cnt: 5 },
      { code: C, pricFen: 2000, cnt: 1 },
    ];
    await w.centre.ok('2204', wire.fees(mdtrtId, psnNo, lines, at('09:10')));
    const his = (await w.centre.ok('2206', wire.outpatientSettle(psnNo, mdtrtId, 17000, certno))).setlinfo;

    const clerk = await loginAs(w.app, db, 'clerk');
    const body = { psnNo, insutype: '390', totalFen: 17000 };
    const before = await snapshot(db);
    const pre = await w.app.inject({
      method: 'POST',
      url: `/api/settlement/visits/${mdtrtId}/preview`,
      headers: { cookie: clerk },
      payload: body,
    });
    assert.equal(pre.statusCode, 200, pre.body);
    assert.deepEqual(await snapshot(db), before, 'the preview writes nothing');

    const agent = await loginAs(w.app, db, 'agent', '410926101001');
    const refused = await w.app.inject({
      method: 'POST',
      url: `/api/settlement/visits/${mdtrtId}/settle`,
      headers: { cookie: agent },
      payload: body,
    });
    assert.equal(refused.statusCode, 403);

    const res = await w.app.inject({
      method: 'POST',
      url: `/api/settlement/visits/${mdtrtId}/settle`,
      headers: { cookie: clerk },
      payload: body,
    });
    assert.equal(res.statusCode, 201, res.body);
    const r = res.json().record;
    assert.deepEqual(
      [
        r.totals.totalFen,
        r.totals.fullySelfPaidFen,
        r.totals.firstShareFen,
        r.totals.inScopeFen,
        r.totals.basicFundFen,
        r.totals.personTotalFen,
      ],
      [
        his.medfee_sumamt,
        his.fulamt_ownpay_amt,
        his.preselfpay_amt,
        his.inscp_scp_amt,
        his.hifp_pay,
        his.psn_part_amt,
      ].map(fen),
    );
    assert.deepEqual(pre.json().record.totals, r.totals);
    const row = await db.query<{ channel: string; msgid: string | null }>(
      `SELECT channel, msgid FROM settlement WHERE setl_id = $1`,
      [r.setlId],
    );
    assert.deepEqual(row[0], { channel: 'manual', msgid: null });
    const entry = await db.query<{ actor: string }>(
      `SELECT actor_name AS actor FROM audit_entry WHERE action = 'settlement.settle' AND entity_id = $1`,
      [r.setlId],
    );
    assert.match(entry[0]!.actor, /^clerk_/);

    // the HIS sees it settled; the clerk reverses it with a reason (audited), and the HIS can settle again
    const again = await w.centre.call('2207', wire.outpatientSettle(psnNo, mdtrtId, 17000, certno));
    assert.equal(again.json.infcode, -1);
    const noReason = await w.app.inject({
      method: 'POST',
      url: `/api/settlement/settlements/${r.setlId}/reverse`,
      headers: { cookie: clerk },
      payload: { mdtrtId, psnNo, reason: '' },
    });
    assert.equal(noReason.statusCode, 400);
    const rev = await w.app.inject({
      method: 'POST',
      url: `/api/settlement/settlements/${r.setlId}/reverse`,
      headers: { cookie: clerk },
      payload: { mdtrtId, psnNo, reason: '窗口结算有误' },
    });
    assert.equal(rev.statusCode, 201, rev.body);
    assert.equal(rev.json().record.totals.totalFen, -17000);
    const why = await db.query<{ after: { reason: string } }>(
      `SELECT after FROM audit_entry WHERE action = 'settlement.manual_reverse' AND entity_id = $1`,
      [r.setlId],
    );
    assert.equal(why[0]!.after.reason, '窗口结算有误');
    const s = await w.centre.ok('2207', wire.outpatientSettle(psnNo, mdtrtId, 17000, certno));
    assert.equal(fen(s.setlinfo.hifp_pay), r.totals.basicFundFen);
  },
);

dbTest('manual settlement refusals: unknown visit, wrong total — coded, nothing written', async (db) => {
  const w = await hisWorld(db);
  const clerk = await loginAs(w.app, db, 'clerk');
  const before = await snapshot(db);
  const unknown = await w.app.inject({
    method: 'POST',
    url: '/api/settlement/visits/MD000/settle',
    headers: { cookie: clerk },
    payload: { psnNo: w.ann.psnNo, insutype: '390', totalFen: 100 },
  });
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.json().error.code, 'SETTLEMENT_VISIT_NOT_FOUND');
  const bad = await w.app.inject({
    method: 'POST',
    url: '/api/settlement/visits/MD000/settle',
    headers: { cookie: clerk },
    payload: { psnNo: w.ann.psnNo, insutype: '390', totalFen: -1 },
  });
  assert.equal(bad.statusCode, 400);
  const { audit_entry: _a, ...now } = await snapshot(db);
  const { audit_entry: _b, ...then } = before;
  assert.deepEqual(now, then);
});
