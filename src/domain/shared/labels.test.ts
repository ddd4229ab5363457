import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveInsutype } from '../import/vocab.ts';
import { PERSON_STATUSES } from '../registry/person-rules.ts';
import {
  CHARGE_CLASS_NAMES,
  INSUTYPE_NAMES,
  INSUTYPE_SHORT_NAMES,
  INSUTYPES,
  labelOf,
  MED_TYPE_NAMES,
  PERSON_STATUS_NAMES,
} from './labels.ts';

test('codes read in Chinese; an unknown code shows as itself, none as a dash', () => {
  assert.equal(labelOf(INSUTYPE_NAMES, '390'), '城乡居民基本医疗保险');
  assert.equal(labelOf(INSUTYPE_SHORT_NAMES, '310'), '职工医保');
  assert.equal(labelOf(MED_TYPE_NAMES, '14'), '门诊慢特病');
  assert.equal(labelOf(CHARGE_CLASS_NAMES, '02'), '乙类');
  assert.equal(labelOf(MED_TYPE_NAMES, '99'), '99');
  assert.equal(labelOf({ '1': '一级' }, 1), '一级');
  assert.equal(labelOf(MED_TYPE_NAMES, null), '—');
  assert.equal(labelOf(MED_TYPE_NAMES, ''), '—');
});

test('every person status has a name; the scheme names shown are ones the ledger import reads back', () => {
  assert.deepEqual(Object.keys(PERSON_STATUS_NAMES), [...PERSON_STATUSES]);
  for (const c of INSUTYPES) {
    assert.equal(resolveInsutype(INSUTYPE_NAMES[c]), c);
    assert.equal(resolveInsutype(INSUTYPE_SHORT_NAMES[c]), c);
  }
});
