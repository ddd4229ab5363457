import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planCorrection, type Undo } from './correction.ts';

const undo: Undo = { kind: 'settlement', setlId: 'ST1', mdtrtId: 'MD1', psnNo: 'P1', inpatient: false };
const req = (over: Partial<Parameters<typeof planCorrection>[0]> = {}) => ({
  psnNo: 'P1',
  originalMsgid: 'H1',
  originalInfno: '2207',
  msgid: 'H2',
  ...over,
});

test('a logged settlement is undone by its record', () => {
  assert.deepEqual(planCorrection(req(), { infno: '2207', undo, reversedBy: null }), {
    action: 'undo',
    undo,
  });
});

test('a msgid never processed is reserved (the late original is then refused)', () => {
  assert.deepEqual(planCorrection(req(), null), { action: 'reserve' });
});

test('refusals: itself, not reversible, wrong oinfno, already reversed, nothing to undo, another person', () => {
  const logged = { infno: '2207', undo, reversedBy: null };
  assert.throws(() => planCorrection(req({ originalMsgid: 'H2' }), logged), { code: 'HIS_CORRECTION_SELF' });
  assert.throws(() => planCorrection(req({ originalInfno: '2206' }), logged), {
    code: 'HIS_NOT_REVERSIBLE',
    message: /2206（门诊预结算）不能冲正/,
  });
  assert.throws(() => planCorrection(req({ originalInfno: '9999' }), null), { code: 'HIS_NOT_REVERSIBLE' });
  assert.throws(() => planCorrection(req({ originalInfno: '2304' }), logged), {
    code: 'HIS_CORRECTION_INFNO',
  });
  assert.throws(() => planCorrection(req(), { ...logged, reversedBy: 'H0' }), {
    code: 'HIS_ALREADY_CORRECTED',
    message: /H0/,
  });
  assert.throws(() => planCorrection(req(), { ...logged, undo: null }), { code: 'HIS_NOT_REVERSIBLE' });
  assert.throws(() => planCorrection(req({ psnNo: 'P9' }), logged), { code: 'HIS_CORRECTION_PERSON' });
});
