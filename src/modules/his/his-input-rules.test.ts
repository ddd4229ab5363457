// HIS inputs of the "safe to deploy" issue: an impossible date and a mistyped resident ID are
// answered infcode -1 with a Chinese err_msg and write nothing; a 15-digit legacy ID is found.
import assert from 'node:assert/strict';
import { dbTest } from '../../db/testing.ts';
import { wire } from '../../domain/his/wire-builders.ts';
import { at, hisWorld, snapshot } from './testing.ts';

dbTest('an impossible date or time is -1 with a Chinese message, and nothing is written', async (db) => {
  const w = await hisWorld(db);
  const { psnNo, certno } = w.ann;
  const cases: [string, Record<string, unknown>, RegExp][] = [
    [
      '2201',
      wire.registration(psnNo, '390', '2023-02-30 09:00:00', 'MZ1', certno),
      /begntime 的日期 2023-02-30 不是有效日期/,
    ],
    [
      '3201',
      {
        data: {
          insutype: '390',
          stmt_begndate: '2026-02-29',
          stmt_enddate: '2026-03-01',
          medfee_sumamt: 0,
          fund_pay_sumamt: 0,
          acct_pay: 0,
          fixmedins_setl_cnt: 0,
        },
      },
      /stmt_begndate 的日期 2026-02-29 不是有效日期/,
    ],
  ];
  for (const [infno, input, message] of cases) {
    const before = await snapshot(db);
    const r = await w.hospital.call(infno, input);
    assert.equal(r.status, 200);
    assert.equal(r.json.infcode, -1, r.text);
    assert.match(r.json.err_msg, message);
    assert.deepEqual(await snapshot(db), before);
  }
});

dbTest('1101 and 2201: a wrong check digit is named, a 15-digit legacy ID finds the person', async (db) => {
  const w = await hisWorld(db);
  const { certno, psnNo } = w.ann; // born 1970-02-03
  const wrong = `${certno.slice(0, 17)}${certno[17] === '0' ? '1' : '0'}`;
  const before = await snapshot(db);
  const lookup = await w.hospital.call('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: wrong } });
  assert.equal(lookup.json.infcode, -1, lookup.text);
  assert.equal(lookup.json.err_msg, `身份证号码校验位错误（应为 ${certno[17]}）`);
  const visit = await w.hospital.call('2201', wire.registration(psnNo, '390', at('09:00'), 'MZ1', wrong));
  assert.equal(visit.json.infcode, -1, visit.text);
  assert.equal(visit.json.err_msg, `身份证号码校验位错误（应为 ${certno[17]}）`);
  const after = await snapshot(db);
  assert.deepEqual({ ...after, audit_entry: before.audit_entry }, before); // only the 1101 query audit
  const legacy = `${certno.slice(0, 6)}${certno.slice(8, 17)}`;
  const out = await w.hospital.ok('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: legacy } });
  assert.equal(out.baseinfo.psn_no, psnNo);
  assert.equal(out.baseinfo.certno, certno);
});
