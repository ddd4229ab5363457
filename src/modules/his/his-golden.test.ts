// The HIS API's answers to a fixed run of transactions, compared with the recorded ones in
// test/golden/his-responses.json apart from times and the ids the database generates: a refactor
// of settlement or of the wire mapping must not change what a HIS reads. After an intended change,
// regenerate the file with YIBAO_UPDATE_GOLDEN=1 (then `npx biome format --write test/golden`) and review its diff.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dbTest } from '../../db/testing.ts';
import { at, hisWorld, totalOf, wire } from './testing.ts';

const FILE = join(import.meta.dirname, '../../../test/golden/his-responses.json');
const A = 'XA01ABD075A002010100483';
const B = 'XB02BXX123B001010100111';
const C = 'XC03CXX999C001010100222';
const CAPPED = '001201000010000';

/** Times and generated ids replaced by placeholders numbered in order of appearance. */
function normalise(replies: unknown[]): unknown[] {
  const ids = new Map<string, string>();
  const idOf = (kind: string, v: string) => {
    const k = `${kind}:${v}`;
    if (!ids.has(k))
      ids.set(k, `<${kind}${[...ids.keys()].filter((x) => x.startsWith(`${kind}:`)).length + 1}>`);
    return ids.get(k)!;
  };
  const walk = (v: unknown, key = ''): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    if (typeof v !== 'string') return v;
    if (['inf_refmsgid', 'refmsg_time', 'respond_time'].includes(key)) return `<${key}>`;
    if (/^(mdtrt_id|setl_id|sign_no|medins_setl_id)$/.test(key) && v !== '') return idOf(key, v);
    // ids inside messages
    return v.replace(/\b(MD|ST)\d{20}\b/g, (m) => idOf(m.startsWith('MD') ? 'mdtrt_id' : 'setl_id', m));
  };
  return replies.map((r) => walk(r));
}

dbTest('the HIS answers of a fixed outpatient and inpatient run are unchanged', async (db) => {
  const w = await hisWorld(db);
  const replies: unknown[] = [];
  const call = async (t: typeof w.centre, infno: string, input: Record<string, unknown>) => {
    const r = await t.call(infno, input);
    replies.push({ infno, reply: r.json });
    return r.json;
  };
  const { psnNo, certno } = w.ann;
  await call(w.centre, '1101', {
    data: { mdtrt_cert_type: '02', mdtrt_cert_no: certno, psn_cert_type: '01' },
  });
  const reg = await call(w.centre, '2201', wire.registration(psnNo, '390', at('09:00'), 'MZ-G', certno));
  const mdtrtId = reg.output.data.mdtrt_id;
  await call(w.centre, '2203', wire.visitInfo(mdtrtId, psnNo, '11', 'J06.900', at('09:05')));
  const lines = [
    { code: A, pricFen: 2500, cnt: 4 },
    { code: B, pricFen: 1000, cnt: '5' },
    { code: C, pricFen: 2000, cnt: 1 },
  ];
  await call(w.centre, '2204', wire.fees(mdtrtId, psnNo, lines, at('09:10')));
  await call(w.centre, '2206', wire.outpatientSettle(psnNo, mdtrtId, totalOf(lines), certno));
  const s = await call(w.centre, '2207', wire.outpatientSettle(psnNo, mdtrtId, totalOf(lines), certno));
  await call(w.centre, '2208', wire.reversal(s.output.setlinfo.setl_id, mdtrtId, psnNo));

  const t = w.hospital;
  const adm = await call(
    t,
    '2401',
    wire.admission(w.tekun.psnNo, '390', at('08:00', '2026-03-01'), 'ZY-G', w.tekun.certno),
  );
  const stay = adm.output.result.mdtrt_id;
  const e1 = [
    { code: C, pricFen: 80_000, cnt: 1 },
    { code: B, pricFen: 60_000, cnt: 10 },
    { code: CAPPED, pricFen: 12_000, cnt: 10 },
    { code: A, pricFen: 120_000, cnt: 10 },
  ];
  await call(t, '2301', wire.fees(stay, w.tekun.psnNo, e1, at('10:00', '2026-03-05'), null));
  await call(t, '2402', wire.discharge(stay, w.tekun.psnNo, '390', at('09:00', '2026-03-10')));
  await call(t, '2304', wire.inpatientSettle(w.tekun.psnNo, stay, totalOf(e1), w.tekun.certno));
  await call(t, '3201', {
    data: {
      insutype: '390',
      clr_type: '21',
      setl_optins: '410926',
      stmt_begndate: '2026-03-15',
      stmt_enddate: '2026-03-15',
      medfee_sumamt: '20000.00',
      fund_pay_sumamt: '0',
      acct_pay: '0',
      fixmedins_setl_cnt: 1,
    },
  });
  // a refusal's wording is part of the contract too
  await call(t, '2304', wire.inpatientSettle(w.tekun.psnNo, stay, totalOf(e1), w.tekun.certno));

  const got = normalise(replies);
  if (process.env.YIBAO_UPDATE_GOLDEN) writeFileSync(FILE, `${JSON.stringify(got, null, 1)}\n`);
  const want = JSON.parse(readFileSync(FILE, 'utf8'));
  assert.deepEqual(got, want);
});
