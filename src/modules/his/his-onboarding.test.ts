// Onboarding an institution end to end (issue 9 §4): an admin registers a level-3 hospital of
// another region of the province through the staff API, issues its HIS credential there, and the
// hospital at once settles worked example E3 (an unfiled out-of-area admission, reduced ratio)
// through the HIS API; then a rotation refuses the old secret and a revocation refuses every call.
import assert from 'node:assert/strict';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import { type LineSpec, wire } from '../../domain/his/wire-builders.ts';
import { at, HisTester, hisWorld } from './testing.ts';

const A = 'XA01ABD075A002010100483';
const B = 'XB02BXX123B001010100111';
const C = 'XC03CXX999C001010100222';
const CAPPED = '001201000010000';
const E1: LineSpec[] = [
  { code: C, pricFen: 80_000, cnt: 1 },
  { code: B, pricFen: 60_000, cnt: 10 },
  { code: CAPPED, pricFen: 12_000, cnt: 10 },
  { code: A, pricFen: 120_000, cnt: 10 },
];
const E3: LineSpec[] = [
  { code: C, pricFen: 200_000, cnt: 1 },
  { code: B, pricFen: 80_000, cnt: 10 },
  { code: A, pricFen: 200_000, cnt: 10 },
];
const ZHENGZHOU = 'H41010500001'; // 郑州市金水区

async function stay(
  t: HisTester,
  who: { psnNo: string; certno: string },
  iptNo: string,
  lines: LineSpec[],
  days: string[],
) {
  const { result } = await t.ok(
    '2401',
    wire.admission(who.psnNo, '390', at('08:00', days[0]), iptNo, who.certno),
  );
  const mdtrtId: string = result.mdtrt_id;
  await t.ok('2301', wire.fees(mdtrtId, who.psnNo, lines, at('10:00', days[1]), null));
  await t.ok('2402', wire.discharge(mdtrtId, who.psnNo, '390', at('09:00', days[2])));
  return mdtrtId;
}

dbTest(
  'a hospital registered and credentialed through the API settles E3 at once; rotate and revoke hold at once',
  async (db) => {
    const w = await hisWorld(db);
    const e1Visit = await stay(w.hospital, w.ann, 'ZY0001', E1, ['2026-03-01', '2026-03-05', '2026-03-10']);
    await w.hospital.ok('2304', wire.inpatientSettle(w.ann.psnNo, e1Visit, 2_000_000, w.ann.certno));

    const admin = await loginAs(w.app, db, 'admin');
    const api = (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
      w.app.inject({ method, url, headers: { cookie: admin }, payload });

    const region = await api('GET', '/api/registry/regions/410105');
    assert.equal(region.statusCode, 200);
    assert.equal(region.json().name, '金水区');
    const created = await api('POST', '/api/registry/institutions', {
      code: ZHENGZHOU,
      admdvs: '410105',
      name: '郑州市金水区某三级医院',
      kind: 'hospital',
      level: 3,
      agreementFrom: '2026-01-01',
      agreementTo: '2028-12-31',
    });
    assert.ok(created.statusCode < 300, created.body);

    assert.equal((await api('GET', `/api/his/credentials/${ZHENGZHOU}`)).json().state, 'none');
    const issued = await api('POST', `/api/his/credentials/${ZHENGZHOU}/issue`);
    assert.equal(issued.statusCode, 201, issued.body);
    const { paasid, secret } = issued.json();
    assert.ok(secret.length >= 40);
    const status = await api('GET', `/api/his/credentials/${ZHENGZHOU}`);
    assert.equal(status.json().state, 'active');
    assert.equal(status.json().paasid, paasid);
    assert.ok(!status.body.includes(secret), 'the status never shows the secret');
    const again = await api('POST', `/api/his/credentials/${ZHENGZHOU}/issue`);
    assert.equal(again.json().error.code, 'CREDENTIAL_EXISTS');

    // the new hospital calls at once: 9001, 1101, 2401, 2301, 2402, 2304 for the demo-county person
    const zz = new HisTester(w.app, { fixmedinsCode: ZHENGZHOU, paasid, secret }, w.clock);
    await zz.signIn();
    const info = await zz.ok('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: w.ann.certno } });
    assert.equal(info.baseinfo.psn_no, w.ann.psnNo);
    const filings = await db.query('SELECT 1 FROM filing WHERE psn_no = $1', [w.ann.psnNo]);
    assert.equal(filings.length, 0, 'no out-of-area filing');
    const e3Visit = await stay(zz, w.ann, 'ZZ9001', E3, ['2026-03-11', '2026-03-12', '2026-03-14']);
    const e3 = await zz.ok('2304', wire.inpatientSettle(w.ann.psnNo, e3Visit, 3_000_000, w.ann.certno));
    assert.deepEqual(
      {
        medfee_sumamt: e3.setlinfo.medfee_sumamt,
        preselfpay_amt: e3.setlinfo.preselfpay_amt,
        inscp_scp_amt: e3.setlinfo.inscp_scp_amt,
        act_pay_dedc: e3.setlinfo.act_pay_dedc,
        hifp_pay: e3.setlinfo.hifp_pay,
        hifmi_pay: e3.setlinfo.hifmi_pay,
        fund_pay_sumamt: e3.setlinfo.fund_pay_sumamt,
        psn_part_amt: e3.setlinfo.psn_part_amt,
      },
      {
        medfee_sumamt: 30000,
        preselfpay_amt: 800,
        inscp_scp_amt: 27200,
        act_pay_dedc: 500,
        hifp_pay: 13350,
        hifmi_pay: 1758,
        fund_pay_sumamt: 15108,
        psn_part_amt: 14892,
      },
    );
    // the place of care is the hospital's: an envelope naming the demo county is refused
    const elsewhere = JSON.parse(
      zz.body('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: w.ann.certno } }),
    );
    elsewhere.mdtrtarea_admvs = '410926';
    const misplaced = await zz.send(JSON.stringify(elsewhere));
    assert.equal(misplaced.json.infcode, -1);
    assert.match(
      misplaced.json.err_msg,
      /就医地医保区划（mdtrtarea_admvs）410926 与机构所在区划 410105 不符/,
    );
    elsewhere.mdtrtarea_admvs = '410100';
    elsewhere.msgid = zz.nextMsgid();
    assert.equal((await zz.send(JSON.stringify(elsewhere))).json.infcode, 0, 'its prefecture is its place');

    // the basic ratio is 65 − 15 = 50 %: (27,200 − 500) × 50 % = 13,350
    assert.equal(e3.setlinfo.hifp_pay * 2, e3.setlinfo.inscp_scp_amt - e3.setlinfo.act_pay_dedc);
    const visits = await db.query('SELECT out_of_area AS "outOfArea" FROM visit WHERE mdtrt_id = $1', [
      e3Visit,
    ]);
    assert.deepEqual(visits, [{ outOfArea: true }]);

    // rotate: the old secret is refused from the next request, the new one works
    const rotated = await api('POST', `/api/his/credentials/${ZHENGZHOU}/rotate`);
    assert.equal(rotated.statusCode, 200, rotated.body);
    assert.equal(rotated.json().paasid, paasid);
    const newSecret: string = rotated.json().secret;
    assert.notEqual(newSecret, secret);
    const old = await zz.call('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: w.ann.certno } });
    assert.equal(old.json.infcode, -1);
    assert.match(old.json.err_msg, /签名校验失败/);
    const fresh = new HisTester(w.app, { ...zz.id, secret: newSecret }, w.clock);
    fresh.seq = 100;
    await fresh.ok('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: w.ann.certno } });

    // revoke: every call refused with a clear message
    const revoked = await api('POST', `/api/his/credentials/${ZHENGZHOU}/revoke`);
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.equal(revoked.json().state, 'revoked');
    const refused = await fresh.call('1101', {
      data: { mdtrt_cert_type: '02', mdtrt_cert_no: w.ann.certno },
    });
    assert.equal(refused.json.infcode, -1);
    assert.match(refused.json.err_msg, /接入凭证已于 \d{4}-\d{2}-\d{2} 吊销/);
    assert.equal(
      (await api('POST', `/api/his/credentials/${ZHENGZHOU}/rotate`)).json().error.code,
      'CREDENTIAL_REVOKED',
    );

    // every action audited, never with a secret
    const trail = await db.query<{ action: string; text: string }>(
      `SELECT action, coalesce(before::text, '') || coalesce(after::text, '') AS text FROM audit_entry
      WHERE entity = 'institution' AND entity_id = $1 ORDER BY id`,
      [ZHENGZHOU],
    );
    assert.deepEqual(
      trail.map((t) => t.action),
      ['institution.create', 'credential.issue', 'credential.rotate', 'credential.revoke'],
    );
    for (const t of trail) {
      assert.ok(!t.text.includes(secret) && !t.text.includes(newSecret), `${t.action} holds no secret`);
    }
  },
);

dbTest('only a holder of his.credential.manage sees or changes a credential', async (db) => {
  const w = await hisWorld(db);
  for (const role of ['clerk', 'reviewer', 'leader'] as const) {
    const cookie = await loginAs(w.app, db, role);
    for (const [method, url] of [
      ['GET', '/api/his/credentials/H41092600002'],
      ['POST', '/api/his/credentials/H41092600002/issue'],
      ['POST', '/api/his/credentials/H41092600002/rotate'],
      ['POST', '/api/his/credentials/H41092600002/revoke'],
    ] as const) {
      const res = await w.app.inject({ method, url, headers: { cookie } });
      assert.equal(res.statusCode, 403, `${role} ${method} ${url}`);
      assert.equal(res.json().error.code, 'ROLE_FORBIDDEN');
    }
  }
  // the refused calls changed nothing: the hospital still calls with its credential
  await w.hospital.ok('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: w.ann.certno } });
  const admin = await loginAs(w.app, db, 'admin');
  const missing = await w.app.inject({
    method: 'POST',
    url: '/api/his/credentials/H41999900001/issue',
    headers: { cookie: admin },
  });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().error.code, 'INSTITUTION_NOT_FOUND');
});
