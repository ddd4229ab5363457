// The endpoint itself: transport, envelope, gateway authentication, sign-in, 1101.
import assert from 'node:assert/strict';
import { dbTest } from '../../db/testing.ts';
import { signature } from '../../domain/his/signature.ts';
import { envelope, signedHeaders } from './client.ts';
import { HIS_PATH } from './routes.ts';
import { hisWorld, snapshot } from './testing.ts';

dbTest('not JSON at all answers HTTP 400; malformed JSON answers 200 with infcode -1', async (db) => {
  const w = await hisWorld(db);
  const before = await snapshot(db);
  const notJson = await w.hospital.send('infno=2207&msgid=1');
  assert.equal(notJson.status, 400);
  assert.equal(notJson.json.infcode, -1);
  assert.match(notJson.json.err_msg, /不是 JSON/);
  const empty = await w.hospital.send('');
  assert.equal(empty.status, 400);
  const broken = await w.hospital.send('{"infno": "2207", "msgid": ');
  assert.equal(broken.status, 200);
  assert.equal(broken.json.infcode, -1);
  assert.match(broken.json.err_msg, /不是合法的 JSON/);
  assert.match(broken.json.respond_time, /^\d{17}$/);
  assert.deepEqual(broken.json.output, {});
  const array = await w.hospital.send('[1,2]');
  assert.equal(array.status, 200);
  assert.match(array.json.err_msg, /JSON 对象/);
  // any content type is read as the national JSON text
  const res = await w.app.inject({
    method: 'POST',
    url: HIS_PATH,
    headers: { ...signedHeaders(w.hospital.id, w.clock.now), 'content-type': 'text/plain' },
    payload: w.hospital.body('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: w.ann.certno } }),
  });
  assert.equal(JSON.parse(res.body).infcode, 0);
  // the address followed by the transaction (a Foshan HIS posts to its base + infno): the same
  // answer; a path naming another transaction than the envelope is refused, nothing read
  const byPath = (infno: string) =>
    w.app.inject({
      method: 'POST',
      url: `${HIS_PATH}/${infno}`,
      headers: signedHeaders(w.hospital.id, w.clock.now),
      payload: w.hospital.body('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: w.ann.certno } }),
    });
  const viaPath = JSON.parse((await byPath('1101')).body);
  assert.equal(viaPath.infcode, 0, viaPath.err_msg);
  assert.equal(viaPath.output.baseinfo.psn_no, w.ann.psnNo);
  const crossed = JSON.parse((await byPath('2207')).body);
  assert.match(crossed.err_msg, /请求地址中的交易编号 2207 与报文的 infno 1101 不一致/);
  // the two lookups that got through are audited; nothing else is written
  assert.deepEqual(await snapshot(db), { ...before, audit_entry: (before.audit_entry as number) + 2 });
});

dbTest('gateway: paasid, signature, clock skew and the institution code are checked', async (db) => {
  const w = await hisWorld(db);
  const before = await snapshot(db);
  const body = () =>
    w.hospital.body('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: w.ann.certno } });
  const ok = await w.hospital.send(body());
  assert.equal(ok.json.infcode, 0, ok.text);

  const h = signedHeaders(w.hospital.id, w.clock.now);
  const missing = await w.hospital.send(body(), { ...h, 'x-tif-signature': '' });
  assert.equal(missing.status, 200);
  assert.match(missing.json.err_msg, /缺少认证请求头 x-tif-signature/);

  const unknown = await w.hospital.send(body(), { ...h, 'x-tif-paasid': 'nobody' });
  assert.match(unknown.json.err_msg, /未知的接入账号/);

  const forged = await w.hospital.send(body(), {
    ...h,
    'x-tif-signature': signature(h['x-tif-timestamp'], 'wrong-secret-000000', h['x-tif-nonce']),
  });
  assert.equal(forged.json.infcode, -1);
  assert.match(forged.json.err_msg, /签名校验失败/);

  const stale = signedHeaders(w.hospital.id, new Date(w.clock.now.getTime() - 6 * 60_000));
  assert.match((await w.hospital.send(body(), stale)).json.err_msg, /超过 5 分钟/);
  const early = signedHeaders(w.hospital.id, new Date(w.clock.now.getTime() + 4 * 60_000));
  assert.equal((await w.hospital.send(body(), early)).json.infcode, 0);

  // the centre's credentials cannot speak for the hospital
  const impostor = await w.hospital.send(body(), signedHeaders(w.centre.id, w.clock.now));
  assert.equal(impostor.json.infcode, -1);
  assert.match(impostor.json.err_msg, /与接入账号所属机构不一致/);
  // only the two lookups that passed the gateway are audited (1101 audits every lookup it answers)
  assert.deepEqual(await snapshot(db), { ...before, audit_entry: (before.audit_entry as number) + 2 });
});

dbTest('sign-in is required for business transactions; sign-out closes it', async (db) => {
  const w = await hisWorld(db);
  const signNo = w.hospital.id.signNo!;
  assert.match(signNo, /^SG20260315\d{12}$/);
  const reg = {
    data: {
      psn_no: w.ann.psnNo,
      insutype: '390',
      begntime: '2026-03-15 09:00:00',
      mdtrt_cert_type: '02',
      mdtrt_cert_no: w.ann.certno,
      ipt_otp_no: 'MZ1',
    },
  };

  w.hospital.id.signNo = 'SG-nonsense';
  const refused = await w.hospital.call('2201', reg);
  assert.match(refused.json.err_msg, /请先签到/);
  // another institution's sign-in does not count either
  w.hospital.id.signNo = w.centre.id.signNo;
  assert.match((await w.hospital.call('2201', reg)).json.err_msg, /请先签到/);

  w.hospital.id.signNo = signNo;
  const out = await w.hospital.ok('9002', { signOut: { sign_no: signNo, opter_no: '001' } });
  assert.match(out.signoutoutb.sign_time, /^2026-03-15 14:00:00$/);
  assert.match((await w.hospital.call('2201', reg)).json.err_msg, /请先签到/);
  const again = await w.hospital.call('9002', { signOut: { sign_no: signNo, opter_no: '001' } });
  assert.equal(again.json.infcode, -1);
  await w.hospital.signIn();
  assert.equal((await w.hospital.call('2201', reg)).json.infcode, 0);
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM his_sign_in WHERE fixmedins_code = $1`,
    [w.hospital.id.fixmedinsCode],
  );
  assert.equal(rows[0].n, 2);
});

dbTest('an unknown infno and missing input fields answer -1 in Chinese', async (db) => {
  const w = await hisWorld(db);
  const before = await snapshot(db);
  const unknown = await w.hospital.call('2999', { data: {} });
  assert.equal(unknown.json.infcode, -1);
  assert.match(unknown.json.err_msg, /未知的交易编号 infno：2999/);
  const missing = await w.hospital.call('2201', { data: { psn_no: w.ann.psnNo } });
  assert.match(missing.json.err_msg, /缺少必填字段 input\.data\.insutype/);
  const mistyped = await w.hospital.call('2201', { data: { psn_no: { x: 1 }, insutype: '390' } });
  assert.match(mistyped.json.err_msg, /input\.data\.psn_no 类型不正确/);
  const noEnvelope = await w.hospital.send(
    JSON.stringify({
      ...envelope(w.hospital.id, '1101', w.hospital.nextMsgid(), {}, w.clock.now),
      fixmedins_code: undefined,
    }),
  );
  assert.match(noEnvelope.json.err_msg, /缺少必填字段 fixmedins_code/);
  assert.deepEqual(await snapshot(db), before);
});

dbTest('1101 returns base, insurance and identity nodes; a wrong name is refused', async (db) => {
  const w = await hisWorld(db);
  const out = await w.hospital.ok('1101', {
    data: { mdtrt_cert_type: '02', mdtrt_cert_no: w.tekun.certno, psn_name: '李特' },
  });
  assert.deepEqual(out.baseinfo, {
    psn_no: w.tekun.psnNo,
    psn_cert_type: '01',
    certno: w.tekun.certno,
    psn_name: '李特',
    gend: out.baseinfo.gend,
    naty: '01',
    brdy: '1960-05-01',
    age: 65,
  });
  assert.equal(out.insuinfo.length, 1);
  assert.equal(out.insuinfo[0].insutype, '390');
  assert.equal(out.insuinfo[0].psn_insu_stas, '1');
  assert.equal(out.insuinfo[0].insuplc_admdvs, '410926');
  assert.deepEqual(out.idetinfo, [
    { psn_idet_type: 'tekun', psn_type_lv: '', memo: '特困', begntime: '2025-01-01 00:00:00', endtime: null },
  ]);
  // never by a bare person number, whatever credential type it is sent as
  for (const type of ['01', '02', '03']) {
    const byPsn = await w.hospital.call('1101', {
      data: { mdtrt_cert_type: type, mdtrt_cert_no: w.ann.psnNo },
    });
    assert.equal(byPsn.json.infcode, -1);
    assert.deepEqual(byPsn.json.output, {});
  }
  // enrolled only last year: no insurance node this year
  assert.deepEqual(
    (await w.hospital.ok('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: w.lapsed.certno } }))
      .insuinfo,
    [],
  );
  const wrongName = await w.hospital.call('1101', {
    data: { mdtrt_cert_type: '02', mdtrt_cert_no: w.tekun.certno, psn_name: '张三' },
  });
  assert.match(wrongName.json.err_msg, /姓名与证件号码不符/);
  const nobody = await w.hospital.call('1101', {
    data: { mdtrt_cert_type: '02', mdtrt_cert_no: '410926199001011239' },
  });
  assert.match(nobody.json.err_msg, /未找到/);
});
