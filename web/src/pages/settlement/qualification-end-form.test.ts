import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { QualificationRow } from '../../../../src/modules/settlement/contract.ts';
import { validateEnd } from './qualification-end-form.ts';

const q = (validTo: string | null): QualificationRow => ({
  id: 7,
  psnNo: 'P1',
  psnName: '王安',
  diseaseCode: 'I10',
  institutionCodes: ['H41092600101'],
  validFrom: '2026-01-01',
  validTo,
  createdAt: '2026-01-01T00:00:00Z',
});

test('the end form asks for a date and a reason', () => {
  assert.deepEqual(validateEnd({}, q(null), '2026-12-05'), {
    validTo: '请选择终止日期',
    reason: '请填写终止原因',
  });
  assert.deepEqual(validateEnd({ validTo: '2026-12-05', reason: ' 治愈 ' }, q(null), '2026-12-05'), {});
});

test('the end form gives the server rule’s message beside the date', () => {
  assert.match(
    validateEnd({ validTo: '2026-12-04', reason: '经复查已治愈' }, q(null), '2026-12-05').validTo ?? '',
    /不能早于今天/,
  );
  assert.match(
    validateEnd({ validTo: '2027-12-31', reason: '经复查已治愈' }, q('2027-06-30'), '2026-12-05').validTo ??
      '',
    /应早于原结束日期 2027-06-30/,
  );
});
