// 事中: a rule set to 拦截 refuses the HIS's settlement of a visit that breaks it for certain (and
// writes nothing); otherwise the settlement goes through and the payment audit, right after,
// raises one suspect per visit and rule — never twice.
import assert from 'node:assert/strict';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { ensureLibraryYears } from '../calendar/index.ts';
import { at, hisWorld, totalOf, wire } from '../his/testing.ts';
import { auditNewSettlements } from './index.ts';

const CAPPED = '001201000010000'; // class A, payment standard 100.00
const A = 'XA01ABD075A002010100483';

dbTest(
  'a blocking rule refuses 2207; unblocked it settles and the payment audit raises it once',
  async (db) => {
    const w = await hisWorld(db);
    await ensureLibraryYears(db, SYSTEM_ACTOR, w.clock.now);
    const admin = await loginAs(w.app, db, 'admin');
    const put = (code: string, body: Record<string, unknown>) =>
      w.app.inject({
        method: 'PUT',
        url: `/api/supervision/rules/${code}`,
        headers: { cookie: admin },
        payload: body,
      });
    await w.app.inject({ method: 'GET', url: '/api/supervision/rules', headers: { cookie: admin } }); // seeds the library

    // only a certain 事中 line rule can block
    const bad = await put('INDICATION', { enabled: true, severity: 2, reason: '试行拦截', blocks: true });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'SUPERVISION_BLOCK_UNSUPPORTED');
    assert.equal(
      (await put('PRICE_CAP', { enabled: true, severity: 2, reason: '超标准收费一律拦截', blocks: true }))
        .statusCode,
      200,
    );

    const { psnNo, certno } = w.ann;
    const visit = async (no: string, lines: { code: string; pricFen: number; cnt: number }[]) => {
      const reg = await w.centre.ok('2201', wire.registration(psnNo, '390', at('09:00'), no, certno));
      const id = reg.data.mdtrt_id as string;
      await w.centre.ok('2204', wire.fees(id, psnNo, lines, at('09:10')));
      return { id, total: totalOf(lines) };
    };
    const over = await visit('MZ-B1', [
      { code: CAPPED, pricFen: 12_000, cnt: 2 },
      { code: A, pricFen: 2_500, cnt: 1 },
    ]);
    const count = async () =>
      (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM settlement'))[0].n;
    const before = await count();
    const refused = await w.centre.call('2207', wire.outpatientSettle(psnNo, over.id, over.total, certno));
    assert.equal(refused.json.infcode, -1);
    assert.match(
      refused.json.err_msg,
      /事中审核发现明确违规，不予结算：超医保支付标准（明细 0001，40\.00 元）/,
    );
    assert.equal(await count(), before, 'nothing written');

    // 拦截 off again: it settles, and the audit after it raises the hit
    assert.equal(
      (await put('PRICE_CAP', { enabled: true, severity: 2, reason: '改为提醒', blocks: false })).statusCode,
      200,
    );
    await w.centre.ok('2207', wire.outpatientSettle(psnNo, over.id, over.total, certno));
    const clean = await visit('MZ-B2', [{ code: A, pricFen: 2_500, cnt: 2 }]);
    await w.centre.ok('2207', wire.outpatientSettle(psnNo, clean.id, clean.total, certno));

    const first = await auditNewSettlements(db, w.clock.now, { lagSeconds: 0 });
    assert.deepEqual(first, { audited: 2, raised: 1 });
    const suspects = await db.query<{ mdtrt: string; rule: string; amount: number; source: string }>(
      `SELECT mdtrt_id AS mdtrt, rule_code AS rule, amount_fen::int AS amount, source FROM supervision_suspect`,
    );
    assert.deepEqual(suspects, [{ mdtrt: over.id, rule: 'PRICE_CAP', amount: 4000, source: 'realtime' }]);
    // the cursor moved: nothing new, nothing raised twice
    assert.deepEqual(await auditNewSettlements(db, w.clock.now, { lagSeconds: 0 }), {
      audited: 0,
      raised: 0,
    });
    // the job's audit entries name the system
    const audit = await db.query<{ actor: string | null; name: string }>(
      `SELECT actor_id AS actor, actor_name AS name FROM audit_entry WHERE action = 'supervision.raise'`,
    );
    assert.deepEqual(audit, [{ actor: null, name: 'system' }]);
  },
);
