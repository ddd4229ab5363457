import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toInstitutionBody, validateInstitution } from './institution-form.ts';

const hosp = {
  code: 'H41092600999',
  admdvs: '410926',
  name: '演示县中医院分院',
  kind: 'hospital' as const,
  level: 2,
  villageCode: null,
  agreementFrom: '2026-01-01',
  agreementTo: '2027-12-31',
  qualSpecialOutpatient: true,
};

test('a valid hospital passes and becomes the POST and PUT bodies', () => {
  assert.deepEqual(validateInstitution(hosp), {});
  const post = toInstitutionBody(hosp, false);
  assert.equal((post as { code?: string }).code, 'H41092600999');
  assert.equal(post.qualOutpatientPooling, false);
  const put = toInstitutionBody(hosp, true);
  assert.equal('code' in put, false);
  assert.equal(put.level, 2);
});

test('the reference rules, with the API messages', () => {
  assert.deepEqual(validateInstitution({ ...hosp, code: 'H123' }), {
    code: '机构编码应为 H 或 P 加 11 位数字',
  });
  assert.deepEqual(validateInstitution({ ...hosp, kind: 'pharmacy', level: null }), {
    code: '定点药店编码应以 P 开头',
  });
  assert.deepEqual(validateInstitution({ ...hosp, code: 'P41092600999' }), {
    code: '定点医疗机构编码应以 H 开头',
  });
  assert.deepEqual(validateInstitution({ ...hosp, level: null }), { level: '医院须填写等级' });
  assert.deepEqual(validateInstitution({ ...hosp, code: 'P41092600999', kind: 'pharmacy' }), {
    level: '定点药店没有医疗机构等级',
  });
  assert.deepEqual(validateInstitution({ ...hosp, agreementTo: '2025-12-31' }), {
    agreementTo: '协议截止日期不能早于开始日期',
  });
  assert.deepEqual(validateInstitution({ ...hosp, name: ' ', agreementFrom: '' }), {
    name: '请填写机构名称',
    agreementFrom: '协议开始日期无效',
  });
  // a village clinic may have a level or none
  assert.deepEqual(validateInstitution({ ...hosp, kind: 'village_clinic', level: null }), {});
});
