// Staff API for the 结算查询 workbench page: search by (part of) a name, and the visit facts and
// assistance identity the settlement page shows in its header.
import assert from 'node:assert/strict';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import { wire } from '../his/testing.ts';
import { at } from '../his/testing.ts';
import { hisWorld } from '../his/testing.ts';

const A = 'XA01ABD075A002010100483';
const C = 'XC03CXX999C001010100222';

dbTest(
  'settlements are found by part of the name; the detail carries the visit and the identity',
  async (db) => {
    const w = await hisWorld(db);
    // 王安: an outpatient visit at the township centre
    const ann = w.ann;
    const reg = await w.centre.ok(
      '2201',
      wire.registration(ann.psnNo, '390', at('09:00'), 'MZ1', ann.certno),
    );
    await w.centre.ok(
      '2204',
      wire.fees(reg.data.mdtrt_id, ann.psnNo, [{ code: A, pricFen: 5000, cnt: 1 }], at('09:10')),
    );
    await w.centre.ok('2207', wire.outpatientSettle(ann.psnNo, reg.data.mdtrt_id, 5000, ann.certno));

    // 李特 (特困): a stay at the level-3 hospital, large enough for 大病 and assistance
    const tk = w.tekun;
    const adm = await w.other.ok(
      '2401',
      wire.admission(tk.psnNo, '390', at('08:00', '2026-03-11'), 'ZY9', tk.certno),
    );
    const mdtrtId = adm.result.mdtrt_id;
    await w.other.ok(
      '2301',
      wire.fees(
        mdtrtId,
        tk.psnNo,
        [
          { code: A, pricFen: 11_500_000, cnt: 1 },
          { code: C, pricFen: 500_000, cnt: 1 },
        ],
        at('09:00', '2026-03-12'),
        null,
      ),
    );
    await w.other.ok('2402', wire.discharge(mdtrtId, tk.psnNo, '390', at('09:00', '2026-03-14')));
    const s = await w.other.ok('2304', wire.inpatientSettle(tk.psnNo, mdtrtId, 12_000_000, tk.certno));

    const leader = await loginAs(w.app, db, 'leader');
    const get = async (url: string) => {
      const r = await w.app.inject({ method: 'GET', url, headers: { cookie: leader } });
      assert.equal(r.statusCode, 200, r.body);
      return r.json();
    };
    const byName = await get(`/api/settlement/settlements?name=${encodeURIComponent('特')}`);
    assert.deepEqual(
      byName.items.map((i: Record<string, unknown>) => [i.setlId, i.psnName, i.medType]),
      [[s.setlinfo.setl_id, '李*', '21']],
    );
    assert.equal((await get(`/api/settlement/settlements?name=${encodeURIComponent('王安')}`)).total, 1);
    // LIKE wildcards typed by a clerk are literal characters
    assert.equal((await get(`/api/settlement/settlements?name=${encodeURIComponent('%')}`)).total, 0);
    assert.equal((await get(`/api/settlement/settlements?name=${encodeURIComponent('_')}`)).total, 0);
    assert.equal((await get('/api/settlement/settlements')).total, 2);

    const d = await get(`/api/settlement/settlements/${s.setlinfo.setl_id}`);
    assert.equal(d.settlement.visitBeginDate, '2026-03-11');
    assert.equal(d.settlement.visitEndDate, '2026-03-14');
    assert.equal(d.settlement.inpatient, true);
    assert.equal(d.settlement.institutionLevel, 3);
    assert.equal(d.settlement.assistanceIdentity, 'tekun');
    assert.equal(d.settlement.assistanceIdentityName, '特困');
    assert.equal(d.settlement.diagnoses[0].code, 'I10.x00');
    assert.ok(d.settlement.hifmiPay > 0 && d.settlement.mafPay > 0);
    const rules = d.steps.map((x: { rule: string }) => x.rule);
    for (const r of [
      'IN_SCOPE',
      'DEDUCTIBLE',
      'BASIC_FUND',
      'CRITICAL_ILLNESS_TIER',
      'ASSISTANCE',
      'SUMMARY',
    ])
      assert.ok(rules.includes(r), `${r} in ${rules.join(',')}`);
    const out = await get(`/api/settlement/settlements?psnNo=${ann.psnNo}`);
    const o = await get(`/api/settlement/settlements/${out.items[0].setlId}`);
    assert.equal(o.settlement.inpatient, false);
    assert.equal(o.settlement.assistanceIdentityName, null);
  },
);
