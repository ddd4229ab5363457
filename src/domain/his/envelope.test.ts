import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAppError } from '../shared/errors.ts';
import { errorResponse, okResponse, parseEnvelope, peekMsgid, refMsgId } from './envelope.ts';
import {
  outpatientFeesInput,
  outpatientSettleInput,
  reconciliationInput,
  registrationInput,
} from './inputs.ts';
import { parseWith } from './schema.ts';

const base = {
  infno: '2207',
  msgid: 'H41092600001202603150930000001',
  mdtrtarea_admvs: '410926',
  insuplc_admdvs: '',
  recer_sys_code: 'YIBAO',
  infver: 'V1.0',
  opter_type: '1',
  opter: '001',
  opter_name: '收费员',
  inf_time: '2026-03-15 09:30:00',
  fixmedins_code: 'H41092600001',
  fixmedins_name: '演示县人民医院',
  sign_no: 'SG2026031500000001',
  cainfo: '',
  signtype: '',
  input: { data: {} },
};

const failure = (fn: () => unknown): { code: string; message: string } => {
  try {
    fn();
  } catch (e) {
    assert.ok(isAppError(e));
    return { code: e.code, message: e.message };
  }
  assert.fail('expected a failure');
};

test('a well-formed envelope maps to the internal request; empty strings become null', () => {
  const r = parseEnvelope(base);
  assert.equal(r.infno, '2207');
  assert.equal(r.fixmedinsCode, 'H41092600001');
  assert.equal(r.insuplcAdmdvs, null);
  assert.equal(r.signNo, 'SG2026031500000001');
  assert.deepEqual(r.input, { data: {} });
});

test('infno given as a number is accepted', () => {
  assert.equal(parseEnvelope({ ...base, infno: 9001 }).infno, '9001');
});

test('an unknown infno, a missing msgid or a non-object body is refused in Chinese', () => {
  assert.equal(failure(() => parseEnvelope({ ...base, infno: '9999' })).code, 'HIS_UNKNOWN_INFNO');
  const missing = failure(() => parseEnvelope({ ...base, msgid: undefined }));
  assert.equal(missing.code, 'HIS_INPUT_INVALID');
  assert.match(missing.message, /缺少必填字段 msgid/);
  assert.match(failure(() => parseEnvelope({ ...base, input: 'x' })).message, /input 类型不正确/);
  assert.match(failure(() => parseEnvelope([1, 2])).message, /JSON 对象/);
  assert.match(failure(() => parseEnvelope({ ...base, msgid: 'x'.repeat(31) })).message, /msgid 过长/);
});

test('responses carry the national envelope fields', () => {
  const t = {
    refmsgid: refMsgId(new Date('2026-03-15T01:30:00Z'), 7),
    received: new Date('2026-03-15T01:30:00Z'),
    answered: new Date('2026-03-15T01:30:00.042Z'),
  };
  assert.equal(t.refmsgid, '20260315093000000000007');
  assert.deepEqual(okResponse(t, { a: 1 }), {
    infcode: 0,
    inf_refmsgid: t.refmsgid,
    refmsg_time: '20260315093000000',
    respond_time: '20260315093000042',
    err_msg: '',
    warn_msg: '',
    output: { a: 1 },
  });
  const e = errorResponse(t, '失败');
  assert.equal(e.infcode, -1);
  assert.equal(e.err_msg, '失败');
  assert.deepEqual(e.output, {});
  assert.equal(peekMsgid({ msgid: 123 }), '123');
});

const line = {
  feedetl_sn: '1',
  mdtrt_id: 'MD1',
  psn_no: 'P1',
  chrg_bchno: 'B1',
  fee_ocur_time: '2026-03-15 09:00:00',
  med_list_codg: 'XA01',
  det_item_fee_sumamt: '25.50',
  cnt: 3,
  pric: 8.5,
};

test('fee lines: amounts and quantities convert at the edge; every bad field is named', () => {
  const [l] = parseWith(outpatientFeesInput, { feedetail: [line] }, 'input');
  assert.equal(l.amountFen, 2550);
  assert.equal(l.unitPriceFen, 850);
  assert.equal(l.quantity.text, '3');
  assert.equal(l.time.date, '2026-03-15');
  assert.equal(l.batchNo, 'B1');
  const bad = failure(() =>
    parseWith(
      outpatientFeesInput,
      { feedetail: [{ ...line, cnt: -2, pric: '8.5050001', med_list_codg: undefined }] },
      'input',
    ),
  );
  assert.match(bad.message, /input\.feedetail\.0\.med_list_codg/);
  assert.match(bad.message, /input\.feedetail\.0\.cnt 数量不能为负数/);
  assert.match(bad.message, /input\.feedetail\.0\.pric 金额格式不正确/);
  assert.match(failure(() => parseWith(outpatientFeesInput, { feedetail: [] }, 'input')).message, /不能为空/);
});

test('registration and settlement inputs: codes as numbers, flags as 0/1, dictionaries enforced', () => {
  const r = parseWith(
    registrationInput,
    {
      data: {
        psn_no: 'P1',
        insutype: 390,
        begntime: '2026-03-15 08:00:00',
        mdtrt_cert_type: '02',
        mdtrt_cert_no: '410926196005010013',
        ipt_otp_no: 'MZ001',
      },
    },
    'input',
  );
  assert.equal(r.insutype, '390');
  assert.equal(r.attending.doctorName, null);
  const data = {
    psn_no: 'P1',
    mdtrt_cert_type: '02',
    mdtrt_cert_no: 'x',
    med_type: '11',
    medfee_sumamt: 150,
    mdtrt_id: 'MD1',
    chrg_bchno: '0000',
    insutype: '390',
    acct_used_flag: 0,
  };
  const s = parseWith(outpatientSettleInput, { data }, 'input');
  assert.equal(s.totalFen, 15000);
  assert.equal(s.useAccount, false);
  assert.match(
    failure(() => parseWith(outpatientSettleInput, { data: { ...data, insutype: '510' } }, 'input')).message,
    /insutype 取值不正确/,
  );
  const rec = parseWith(
    reconciliationInput,
    {
      data: {
        insutype: '390',
        stmt_begndate: '2026-03-01',
        stmt_enddate: '2026-03-31',
        medfee_sumamt: '1000.00',
        fund_pay_sumamt: 600,
        acct_pay: 0,
        fixmedins_setl_cnt: '3',
      },
    },
    'input',
  );
  assert.deepEqual(rec.his, { totalFen: 100000, fundFen: 60000, accountFen: 0, count: 3 });
});
