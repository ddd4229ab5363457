// A HIS-shaped client against a fresh `yibao start` over real HTTP: sign in, person info,
// register, upload fees, pre-settle (writes nothing), settle, repeat the msgid (same reply),
// reconcile the day, reverse once (a second reversal is refused). No browser needed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fenToYuan } from '../../src/domain/shared/money.ts';
import { envelope, type HisIdentity, makeMsgid, signedHeaders } from '../../src/modules/his/client.ts';
import { totalOf, wire } from '../../src/domain/his/wire-builders.ts';
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
async function his(
  infno: string,
  input: Record<string, unknown>,
  msgid?: string,
  id: HisIdentity = centre,
  now = testNow(),
): Promise<any> {
  const body = JSON.stringify(
    envelope(id, infno, msgid ?? makeMsgid(id.fixmedinsCode, now, ++seq), input, now),
  );
  const res = await fetch(`${server.url}${HIS_PATH}`, {
    method: 'POST',
    headers: signedHeaders(id, now),
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

async function login(): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
  });
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

/** Class A drugs any adult may get, from the demo catalogue. */
async function plainDrugs(cookie: string): Promise<{ code: string }[]> {
  return (await staff('/api/registry/catalogue?chrgitmLv=01&kind=drug&pageSize=50', cookie)).items.filter(
    (i: { genderLimit: string | null; minAge: number | null; maxAge: number | null }) =>
      !i.genderLimit && i.minAge === null && i.maxAge === null,
  );
}

/** An adult of a township insured under 390 today, as 1101 answers for them. */
async function insuredAdult(cookie: string, township: string, id: HisIdentity, skip: string[] = []) {
  const adults = (
    await staff(`/api/registry/persons?status=normal&townshipCode=${township}&pageSize=50`, cookie)
  ).items;
  for (const p of adults.filter(
    (a: { enrolled390: boolean; psnNo: string }) => a.enrolled390 && !skip.includes(a.psnNo),
  )) {
    const { certno } = await staff(`/api/registry/persons/${p.psnNo}/reveal`, cookie, 'POST');
    const info = await his(
      '1101',
      { data: { mdtrt_cert_type: '02', mdtrt_cert_no: certno, psn_cert_type: '01' } },
      undefined,
      id,
    );
    if (info.infcode === 0 && info.output.insuinfo.some((i: { insutype: string }) => i.insutype === '390')) {
      return { psnNo: p.psnNo as string, certno: certno as string };
    }
  }
  throw new Error(`no person insured under 390 in ${township}`);
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

const hospital: HisIdentity = {
  fixmedinsCode: 'H41092600001',
  paasid: 'H41092600001',
  secret: 'demo-secret-H41092600001',
};

test('an inpatient stay: mid-stay settlement, lost reply retried with a new inf_time, 5203, 2601, final settlement', async () => {
  const cookie = await login();
  const drugs = await plainDrugs(cookie);
  const signIn = await his(
    '9001',
    { signIn: { opter_no: '002', mac: '00-16-EA-AE-3C-41', ip: '127.0.0.1' } },
    undefined,
    hospital,
  );
  assert.equal(signIn.infcode, 0, signIn.err_msg);
  hospital.signNo = signIn.output.signinoutb.sign_no;
  const p = await insuredAdult(cookie, '410926102', hospital);

  const day = (n: number) => beijing(new Date(testNow().getTime() - n * 86_400_000));
  const adm = await his(
    '2401',
    wire.admission(p.psnNo, '390', day(6), 'ZY-E2E-1', p.certno),
    undefined,
    hospital,
  );
  assert.equal(adm.infcode, 0, adm.err_msg);
  const mdtrtId = adm.output.result.mdtrt_id;
  const part1 = [
    { code: drugs[0]!.code, pricFen: 4_800, cnt: 20 },
    { code: drugs[1]!.code, pricFen: 2_500, cnt: 10 },
  ];
  const up1 = await his('2301', wire.fees(mdtrtId, p.psnNo, part1, day(5), null), undefined, hospital);
  assert.equal(up1.infcode, 0, up1.err_msg);

  // 中途结算 while in hospital; the reply is "lost" and the HIS re-sends it a second later
  const midInput = {
    data: { ...wire.inpatientSettle(p.psnNo, mdtrtId, totalOf(part1), p.certno).data, mid_setl_flag: '1' },
  };
  const msgid = makeMsgid(hospital.fixmedinsCode, testNow(), 8888);
  const mid = await his('2304', midInput, msgid, hospital);
  assert.equal(mid.infcode, 0, mid.err_msg);
  const retried = await his('2304', midInput, msgid, hospital, new Date(testNow().getTime() + 1000));
  assert.deepEqual(retried.output, mid.output, 'the same msgid with a fresh inf_time gets the first answer');
  assert.equal(mid.output.setlinfo.medins_setl_id, msgid);

  // with a new msgid the HIS finds the settlement by the visit, then reverses it by 2601 and settles it again
  const found = await his('5203', { data: { psn_no: p.psnNo, mdtrt_id: mdtrtId } }, undefined, hospital);
  assert.equal(found.output.setlinfo.setl_id, mid.output.setlinfo.setl_id);
  const corr = await his(
    '2601',
    { data: { psn_no: p.psnNo, omsgid: msgid, oinfno: '2304' } },
    undefined,
    hospital,
  );
  assert.equal(corr.infcode, 0, corr.err_msg);
  const mid2 = await his('2304', midInput, undefined, hospital);
  assert.equal(mid2.infcode, 0, mid2.err_msg);
  assert.equal(
    mid2.output.setlinfo.hifp_pay,
    mid.output.setlinfo.hifp_pay,
    'the reversal gave the accumulators back',
  );

  // more fees, discharge, final settlement: the deductible is not charged again
  const part2 = [{ code: drugs[0]!.code, pricFen: 4_800, cnt: 10 }];
  const up2 = await his('2301', wire.fees(mdtrtId, p.psnNo, part2, day(2), null, 20), undefined, hospital);
  assert.equal(up2.infcode, 0, up2.err_msg);
  const dscg = await his('2402', wire.discharge(mdtrtId, p.psnNo, '390', day(1)), undefined, hospital);
  assert.equal(dscg.infcode, 0, dscg.err_msg);
  const fin = await his(
    '2304',
    wire.inpatientSettle(p.psnNo, mdtrtId, totalOf(part2), p.certno),
    undefined,
    hospital,
  );
  assert.equal(fin.infcode, 0, fin.err_msg);
  assert.equal(fin.output.setlinfo.act_pay_dedc, 0);
  assert.equal(Math.round(fin.output.setlinfo.medfee_sumamt * 100), totalOf(part2));

  const cum = await his('5206', { data: { psn_no: p.psnNo } }, undefined, hospital);
  assert.equal(cum.infcode, 0, cum.err_msg);
  const admissions = cum.output.cuminfo.find((r: { cum_type_code: string }) => r.cum_type_code === 'C0000');
  assert.ok(admissions.cum >= 1);
});
