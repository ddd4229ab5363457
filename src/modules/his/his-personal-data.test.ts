// Personal data at the HIS endpoint: 1101 is not an oracle over the register (national credentials
// only, every lookup audited with the number masked, a rate per institution), and a visit is
// opened only with the person's own credential.
import assert from 'node:assert/strict';
import type { Db } from '../../db/types.ts';
import { dbTest } from '../../db/testing.ts';
import { wire } from '../../domain/his/wire-builders.ts';
import { at, HOSPITAL, hisWorld, snapshot } from './testing.ts';

const ID_18 = /\d{17}[\dX]/;

interface QueryAudit {
  actor: string;
  entityId: string | null;
  after: {
    fixmedinsCode: string;
    opter: string;
    opterName: string;
    certType: string;
    certNo: string;
    result: string;
  };
}

const personQueries = (db: Db) =>
  db.query<QueryAudit>(
    `SELECT actor_name AS actor, entity_id AS "entityId", after FROM audit_entry
      WHERE action = 'his.person_query' ORDER BY id`,
  );

dbTest('1101: guessed person numbers return nothing, and every guess is audited', async (db) => {
  const w = await hisWorld(db);
  const guesses = Array.from({ length: 12 }, (_, i) => `410926${String(i + 1).padStart(10, '0')}`);
  assert.ok(guesses.includes(w.ann.psnNo) && guesses.includes(w.tekun.psnNo), 'the guesses hit real persons');
  for (const [i, psnNo] of guesses.entries()) {
    const type = ['01', '02', '03'][i % 3];
    const r = await w.hospital.call('1101', { data: { mdtrt_cert_type: type, mdtrt_cert_no: psnNo } });
    assert.equal(r.json.infcode, -1);
    assert.deepEqual(r.json.output, {});
    assert.doesNotMatch(r.text, /王安|李特|baseinfo/);
    assert.match(
      r.json.err_msg,
      // issue 9: 01/03 are looked up in person_credential, where no person number is a credential
      type === '02' ? /应为 18 位居民身份证号码/ : /未找到(医保电子凭证|社会保障卡)/,
    );
  }
  const rows = await personQueries(db);
  assert.equal(rows.length, guesses.length);
  for (const [i, r] of rows.entries()) {
    assert.equal(r.entityId, null);
    assert.equal(r.actor, `${HOSPITAL}/001`);
    assert.equal(r.after.fixmedinsCode, HOSPITAL);
    assert.equal(r.after.opter, '001');
    assert.equal(r.after.opterName, '收费员');
    assert.equal(r.after.certType, ['01', '02', '03'][i % 3]);
    assert.equal(r.after.certNo, `4109********${guesses[i].slice(-4)}`);
    assert.match(r.after.result, /^(refused:HIS_CERT_NO_INVALID|not_found:HIS_PERSON_NOT_FOUND)$/);
  }
});

dbTest('1101 by resident ID: found and not found are audited with the number masked', async (db) => {
  const w = await hisWorld(db);
  await db.query(
    `INSERT INTO person_identity (psn_no, admdvs, identity_code, source_dept, valid_from)
     VALUES ($1, '410926', 'shedu', '公安', '2024-01-01')`,
    [w.tekun.psnNo],
  );
  const out = await w.hospital.ok('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: w.tekun.certno } });
  assert.equal(out.baseinfo.psn_no, w.tekun.psnNo);
  // 涉毒 is a sensitive identity type: not the HIS's business
  assert.deepEqual(
    out.idetinfo.map((i: { psn_idet_type: string }) => i.psn_idet_type),
    ['tekun'],
  );
  const nobody = await w.hospital.call('1101', {
    data: { mdtrt_cert_type: '02', mdtrt_cert_no: '410926199001011239' },
  });
  assert.match(nobody.json.err_msg, /未找到证件号码为 4109\*{10}1239 的参保人员/);
  // certno must agree with the credential when both are sent
  const mixed = await w.hospital.call('1101', {
    data: { mdtrt_cert_type: '02', mdtrt_cert_no: w.tekun.certno, certno: w.ann.certno },
  });
  assert.match(mixed.json.err_msg, /不一致/);
  const rows = await personQueries(db);
  assert.deepEqual(
    rows.map((r) => [r.entityId, r.after.result, r.after.certNo]),
    [
      [w.tekun.psnNo, 'found', `${w.tekun.certno.slice(0, 4)}**********${w.tekun.certno.slice(-4)}`],
      [null, 'not_found:HIS_PERSON_NOT_FOUND', '4109**********1239'],
      [
        null,
        'refused:HIS_CERT_NO_MISMATCH',
        `${w.tekun.certno.slice(0, 4)}**********${w.tekun.certno.slice(-4)}`,
      ],
    ],
  );
  const [{ text }] = await db.query<{ text: string }>(
    `SELECT string_agg(after::text, ' ') AS text FROM audit_entry WHERE action = 'his.person_query'`,
  );
  assert.doesNotMatch(text, ID_18, 'no full ID number in the audit trail');
});

dbTest('1101 is rate-limited per institution: over the rate answers 查询过于频繁', async (db) => {
  const saved = process.env.YIBAO_HIS_1101_PER_MINUTE;
  process.env.YIBAO_HIS_1101_PER_MINUTE = '5';
  const w = await hisWorld(db).finally(() => {
    if (saved === undefined) delete process.env.YIBAO_HIS_1101_PER_MINUTE;
    else process.env.YIBAO_HIS_1101_PER_MINUTE = saved;
  });
  const lookUp = (t = w.hospital) =>
    t.call('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: w.ann.certno } });
  for (let i = 0; i < 5; i++) assert.equal((await lookUp()).json.infcode, 0);
  const over = await lookUp();
  assert.equal(over.json.infcode, -1);
  assert.match(over.json.err_msg, /查询过于频繁/);
  assert.deepEqual(over.json.output, {});
  // another institution has its own bucket
  assert.equal((await lookUp(w.centre)).json.infcode, 0);
  // 5 a minute: one more after 12 seconds
  w.clock.now = new Date(w.clock.now.getTime() + 12_000);
  assert.equal((await lookUp()).json.infcode, 0);
  assert.match((await lookUp()).json.err_msg, /查询过于频繁/);
  const results = (await personQueries(db)).map((r) => r.after.result);
  assert.deepEqual(results.slice(5), [
    'refused:HIS_QUERY_RATE_LIMITED',
    'found',
    'found',
    'refused:HIS_QUERY_RATE_LIMITED',
  ]);
});

dbTest('2201 / 2401: a visit is opened only with the person’s own credential', async (db) => {
  const w = await hisWorld(db);
  const before = await snapshot(db);
  const refusals: [string, Record<string, unknown>, RegExp][] = [
    ['2201', wire.registration(w.ann.psnNo, '390', at('09:00'), 'MZ1', w.tekun.certno), /不属于同一人/],
    ['2401', wire.admission(w.ann.psnNo, '390', at('09:00'), 'ZY1', w.tekun.certno), /不属于同一人/],
    [
      '2201',
      wire.registration(w.ann.psnNo, '390', at('09:00'), 'MZ2', w.ann.psnNo),
      /应为 18 位居民身份证号码/,
    ],
  ];
  const voucher = wire.registration(w.ann.psnNo, '390', at('09:00'), 'MZ3', w.ann.psnNo);
  voucher.data.mdtrt_cert_type = '01';
  // issue 9: an e-voucher must be one the bureau knows for this person (person_credential)
  refusals.push(['2201', voucher, /未找到医保电子凭证/]);
  for (const [infno, input, message] of refusals) {
    const r = await w.hospital.call(infno, input);
    assert.equal(r.json.infcode, -1, r.text);
    assert.match(r.json.err_msg, message);
  }
  assert.deepEqual(await snapshot(db), before, 'a refused visit writes nothing');
  // the person's own ID number, in lower-case x or not, opens the visit
  await w.hospital.ok(
    '2201',
    wire.registration(w.ann.psnNo, '390', at('09:00'), 'MZ4', w.ann.certno.toLowerCase()),
  );
  await w.hospital.ok('2401', wire.admission(w.tekun.psnNo, '390', at('09:00'), 'ZY2', w.tekun.certno));
});
