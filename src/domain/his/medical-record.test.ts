import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../shared/errors.ts';
import { MAX_MEMBER, MAX_SECTION_ROWS, readMedicalRecord } from './medical-record.ts';

const refusal = (f: () => unknown): AppError => {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof AppError, String(e));
    return e;
  }
  assert.fail('not refused');
};

const emr = (over: Record<string, unknown> = {}) => ({
  adminfo: { mdtrt_id: 'M1', psn_no: 'P1', chfcomp: ' 胸闷三天 ', age: 67, physexm_tprt: 36.5 },
  diseinfo: [
    { wm_diag_code: 'I10.x00', wm_diag_name: '高血压', maindiag_flag: '1', diag_seq: 1 },
    { wm_diag_code: 'E11.900', wm_diag_name: '2型糖尿病', maindiag_flag: '0', diag_seq: 2 },
  ],
  dscginfo: { dscg_date: '2026-03-10', dscg_info: '好转', oth_imp_info: '' },
  ...over,
});

test('4701: sections as objects or lists become lists of text members; the visit and person from adminfo', () => {
  const r = readMedicalRecord('4701', emr());
  assert.deepEqual([r.mdtrtId, r.psnNo], ['M1', 'P1']);
  assert.deepEqual(Object.keys(r.document), ['adminfo', 'diseinfo', 'dscginfo']);
  assert.deepEqual(r.document.adminfo, [
    { mdtrt_id: 'M1', psn_no: 'P1', chfcomp: '胸闷三天', age: '67', physexm_tprt: '36.5' },
  ]);
  assert.equal(r.document.diseinfo!.length, 2);
  assert.equal(r.document.diseinfo![1]!.diag_seq, '2');
  // an empty member is not kept
  assert.deepEqual(r.document.dscginfo, [{ dscg_date: '2026-03-10', dscg_info: '好转' }]);
  assert.deepEqual(r.dropped, []);
});

test('sections in camel case (a C# HIS: diseInfo, rxInfo) are the form’s; others dropped and named', () => {
  const r = readMedicalRecord('4301', {
    rgstinfo: { mdtrt_id: 'M2', psn_no: 'P2', rgst_type_code: '1' },
    diseInfo: { diag_code: 'J06.900', diag_name: '上呼吸道感染', maindiag_flag: '1' },
    rxInfo: [{ rxno: 'RX1', rx_detl_name: '阿莫西林胶囊', drug_used_sdose: 0.5 }],
    labinfo: { x: 1 },
  });
  assert.deepEqual(Object.keys(r.document), ['rgstinfo', 'diseinfo', 'rxinfo']);
  assert.equal(r.document.rxinfo![0]!.drug_used_sdose, '0.5');
  assert.deepEqual(r.dropped, ['labinfo']);
});

test('4302: the emergency observation named in oprninfo; rescinfo beside it', () => {
  const r = readMedicalRecord('4302', {
    oprninfo: [{ mdtrt_id: 'M3', psn_no: 'P3', oprn_oprt_code: '96.0400', oprn_oprt_cnt: 1 }],
    rescinfo: { resc_begntime: '2026-03-02 01:00:00', er_resc_rec: '气管插管' },
  });
  assert.deepEqual([r.mdtrtId, r.psnNo, Object.keys(r.document)], ['M3', 'P3', ['oprninfo', 'rescinfo']]);
  const e = refusal(() => readMedicalRecord('4302', { rescinfo: { er_resc_rec: '气管插管' } }));
  assert.match(e.message, /急诊留观手术及抢救信息须在 oprninfo 中填写/);
});

test('.NET unset dates are left out; ISO date-times with an offset are Beijing wall time', () => {
  const r = readMedicalRecord(
    '4701',
    emr({
      coursrinfo: {
        rcd_time: '2026-03-02T01:30:00.1234567Z',
        sign_time: '0001-01-01T00:00:00',
        dise_plan: '降压',
      },
    }),
  );
  assert.deepEqual(r.document.coursrinfo, [{ rcd_time: '2026-03-02 09:30:00', dise_plan: '降压' }]);
});

test('a self-paid visit (no mdtrt_id or psn_no in the first section) is refused with its own code', () => {
  for (const adminfo of [{ psn_no: 'P1' }, { mdtrt_id: 'M1' }, null]) {
    const e = refusal(() => readMedicalRecord('4701', emr({ adminfo })));
    assert.equal(e.code, 'HIS_RECORD_NOT_INSURED');
    assert.match(e.message, /电子病历须在 adminfo 中填写医保就诊的 mdtrt_id 与 psn_no/);
  }
  // the first row of a list names the visit
  const listed = readMedicalRecord('4701', emr({ adminfo: [{ mdtrt_id: 'M9', psn_no: 'P9' }] }));
  assert.equal(listed.mdtrtId, 'M9');
});

test('refused, naming the place: nested values, over-long text, too many rows, a bad member name, a non-object', () => {
  const cases: [unknown, RegExp][] = [
    [emr({ dscginfo: { dscg_info: { a: 1 } } }), /dscginfo\.dscg_info 须为文本或数值/],
    [emr({ diseinfo: [{ wm_diag_code: ['I10'] }] }), /diseinfo\[0\]\.wm_diag_code 须为文本或数值/],
    [
      emr({ dscginfo: { dscg_info: '好'.repeat(MAX_MEMBER + 1) } }),
      /dscginfo\.dscg_info 过长（最多 4000 个字符）/,
    ],
    [emr({ coursrinfo: Array.from({ length: MAX_SECTION_ROWS + 1 }, () => ({})) }), /coursrinfo 条数过多/],
    [emr({ oprninfo: [{ 'bad name': '1' }] }), /oprninfo\[0\] 含不合法的字段名 bad name/],
    [emr({ rescinfo: ['text'] }), /rescinfo\[0\] 须为对象/],
    [emr({ adminfo: { mdtrt_id: 'M1', psn_no: 'P1', age: Number.NaN } }), /adminfo\.age 不是有效的数值/],
  ];
  for (const [input, message] of cases) {
    const e = refusal(() => readMedicalRecord('4701', input));
    assert.equal(e.code, 'HIS_INPUT_INVALID');
    assert.match(e.message, message);
  }
  assert.equal(refusal(() => readMedicalRecord('4301', [])).code, 'HIS_INPUT_INVALID');
  // exactly the limit is kept
  const long = readMedicalRecord('4701', emr({ dscginfo: { dscg_info: '好'.repeat(MAX_MEMBER) } }));
  assert.equal([...long.document.dscginfo![0]!.dscg_info!].length, MAX_MEMBER);
});

test('4401 病案首页 as a Foshan HIS sends it: hcv-ab and hiv-ab kept, the certificate not, an empty ICU placeholder a row of its flag', () => {
  const r = readMedicalRecord('4401', {
    baseinfo: {
      mdtrt_id: `${'0'.repeat(24)}M44010`,
      psn_no: 'P1',
      medcasno: 'BA0001',
      certno: '110101199003070011',
      'hcv-ab': '阴性',
      'HIV-AB': '阴性',
      medfee_sumamt: '8650.20',
      vali_flag: '1',
    },
    diseinfo: [{ diag_code: 'I10.x00', diag_name: '高血压', maindiag_flag: '1', vali_flag: '1' }],
    oprninfo: [],
    icuinfo: [{ icu_codeid: '', inpool_icu_time: '', nurscare_days: '', vali_flag: '1' }],
  });
  assert.equal(r.mdtrtId, `${'0'.repeat(24)}M44010`);
  assert.deepEqual(r.document.baseinfo, [
    {
      mdtrt_id: `${'0'.repeat(24)}M44010`,
      psn_no: 'P1',
      medcasno: 'BA0001',
      'hcv-ab': '阴性',
      'hiv-ab': '阴性',
      medfee_sumamt: '8650.20',
      vali_flag: '1',
    },
  ]);
  assert.deepEqual(Object.keys(r.document), ['baseinfo', 'diseinfo', 'icuinfo']);
  assert.deepEqual(r.document.icuinfo, [{ vali_flag: '1' }]);
  // a name may hold '-' but not begin with it
  const e = refusal(() => readMedicalRecord('4401', { baseinfo: { mdtrt_id: 'M', psn_no: 'P', '-x': '1' } }));
  assert.match(e.message, /baseinfo 含不合法的字段名 -x/);
});

test('4402 住院医嘱: every order of the stay in data, up to the form’s own limit', () => {
  const order = (i: number) => ({
    mdtrt_id: 'M2',
    psn_no: 'P2',
    drord_no: `D${i}`,
    drord_detl_name: '硝苯地平控释片',
  });
  const many = MAX_SECTION_ROWS * 4;
  const r = readMedicalRecord('4402', { data: Array.from({ length: many }, (_, i) => order(i)) });
  assert.deepEqual([r.mdtrtId, r.psnNo, r.document.data!.length], ['M2', 'P2', many]);
  assert.equal(r.document.data![many - 1]!.drord_no, `D${many - 1}`);
  const e = refusal(() =>
    readMedicalRecord('4402', { data: Array.from({ length: 5001 }, (_, i) => order(i)) }),
  );
  assert.match(e.message, /data 条数过多（最多 5000 条）/);
});
