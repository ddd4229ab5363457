// A HIS-shaped client against a fresh `yibao start` over real HTTP: sign in, person info,
// register, upload fees, pre-settle (writes nothing), settle, repeat the msgid (same reply),
// reconcile the day, reverse once (a second reversal is refused). No browser needed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fenToYuan } from '../../src/domain/shared/money.ts';
import { envelope, type HisIdentity, makeMsgid, signedHeaders } from '../../src/modules/his/client.ts';
import { totalOf, wire } from '../../src/modules/his/flows.ts';
import { HIS_PATH } from '../../src/modules/his/routes.ts';
import { DEMO_PASSWORD, idNumbersIn, type RunningServer, startServer, testNow } from './harness.ts';

let server: RunningServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
  // the HIS sends ID numbers in every 1101 and 2201: none may reach the server's log
  assert.deepEqual(idNumbersIn(server?.log() ?? ''), []);
});

const centre: HisIdentity = {
  fixmedinsCode: 'H41092600101',
  paasid: 'H41092600101',
  secret: 'demo-secret-H41092600101',
};
let seq = 0;

// biome-ignore lint/suspicious/noExplicitAny: reply nodes are asserted field by field
async function his(infno: string, input: Record<string, unknown>, msgid?: string): Promise<any> {
  const now = testNow();
  const body = JSON.stringify(
    envelope(centre, infno, msgid ?? makeMsgid(centre.fixmedinsCode, now, ++seq), input, now),
  );
  const res = await fetch(`${server.url}${HIS_PATH}`, {
    method: 'POST',
    headers: signedHeaders(centre, now),
    body,
  });
  assert.equal(res.status, 200);
  return res.json();
}

// biome-ignore lint/suspicious/noExplicitAny: staff API replies are asserted field by field
async function staff(path: string, cookie: string, method = 'GET'): Promise<any> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { cookie, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
    body: method === 'POST' ? '{}' : undefined,
  });
  assert.equal(res.status, 200, await res.clone().text());
  return res.json();
}

/** Beijing wall-clock time as the HIS sends it. */
const beijing = (d = testNow()) =>
  new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

test('a HIS settles, reconciles and reverses an outpatient visit against a fresh server', async () => {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const items = (
    await staff('/api/registry/catalogue?chrgitmLv=01&kind=drug&pageSize=50', cookie)
  ).items.filter(
    (i: {
      genderLimit: string | null;
      minAge: number | null;
      maxAge: number | null;
      inpatientOnly: boolean;
    }) => !i.genderLimit && i.minAge === null && i.maxAge === null && !i.inpatientOnly,
  );
  assert.ok(items.length >= 2, 'the demo catalogue has unrestricted class A drugs');

  const signIn = await his('9001', {
    signIn: { opter_no: '001', mac: '00-16-EA-AE-3C-40', ip: '127.0.0.1' },
  });
  assert.equal(signIn.infcode, 0, signIn.err_msg);
  centre.signNo = signIn.output.signinoutb.sign_no;

  // an adult of 城关镇 insured under 390 today
  const adults = (
    await staff('/api/registry/persons?status=normal&townshipCode=410926101&pageSize=50', cookie)
  ).items;
  let person: { psnNo: string; certno: string } | null = null;
  let last: unknown = null;
  for (const p of adults.filter((a: { enrolled390: boolean }) => a.enrolled390)) {
    const { certno } = await staff(`/api/registry/persons/${p.psnNo}/reveal`, cookie, 'POST');
    const info = await his('1101', {
      data: { mdtrt_cert_type: '02', mdtrt_cert_no: certno, psn_cert_type: '01' },
    });
    last = info;
    if (info.infcode === 0 && info.output.insuinfo.some((i: { insutype: string }) => i.insutype === '390')) {
      person = { psnNo: p.psnNo, certno };
      break;
    }
  }
  assert.ok(person, `found a person insured under 390: ${JSON.stringify(last)}`);

  const reg = await his('2201', wire.registration(person.psnNo, '390', beijing(), 'MZ-E2E-1', person.certno));
  assert.equal(reg.infcode, 0, reg.err_msg);
  const mdtrtId = reg.output.data.mdtrt_id;
  const lines = [
    { code: items[0].code, pricFen: 1234, cnt: 2 },
    { code: items[1].code, pricFen: 999, cnt: 1 },
  ];
  const fees = await his('2204', wire.fees(mdtrtId, person.psnNo, lines, beijing()));
  assert.equal(fees.infcode, 0, fees.err_msg);
  const total = totalOf(lines);
  const settleInput = wire.outpatientSettle(person.psnNo, mdtrtId, total, person.certno);

  const pre = await his('2206', settleInput);
  assert.equal(pre.infcode, 0, pre.err_msg);
  assert.equal(pre.output.setlinfo.setl_id, '', 'pre-settlement writes no settlement');

  const msgid = makeMsgid(centre.fixmedinsCode, testNow(), 9999);
  const settled = await his('2207', settleInput, msgid);
  assert.equal(settled.infcode, 0, settled.err_msg);
  const s = settled.output.setlinfo;
  assert.equal(fenToYuan(total), s.medfee_sumamt.toFixed(2));
  assert.equal(Math.round((s.hifp_pay + s.psn_part_amt) * 100), total, 'fund + person = total');
  const again = await his('2207', settleInput, msgid);
  assert.deepEqual(again.output, settled.output, 'a repeated msgid gets the first reply');

  const day = beijing().slice(0, 10);
  const recon = await his('3201', {
    data: {
      insutype: '390',
      clr_type: '11',
      setl_optins: '410926',
      stmt_begndate: day,
      stmt_enddate: day,
      medfee_sumamt: s.medfee_sumamt,
      fund_pay_sumamt: s.fund_pay_sumamt,
      acct_pay: s.acct_pay,
      fixmedins_setl_cnt: 1,
    },
  });
  assert.equal(recon.infcode, 0, recon.err_msg);

  const rev = await his('2208', wire.reversal(s.setl_id, mdtrtId, person.psnNo));
  assert.equal(rev.infcode, 0, rev.err_msg);
  assert.equal(rev.output.setlinfo.medfee_sumamt, -s.medfee_sumamt);
  const twice = await his('2208', wire.reversal(s.setl_id, mdtrtId, person.psnNo));
  assert.equal(twice.infcode, -1);
  assert.match(twice.err_msg, /不能重复撤销/);

  // staff see the settlement and its reversal
  const listed = await staff(`/api/settlement/settlements?psnNo=${person.psnNo}`, cookie);
  assert.ok(listed.items.length >= 2);
});
