import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../shared/errors.ts';
import { makeIdNumber } from './id-number.ts';
import { checkPersonId, checkPhone, checkStatusChange, statusEndsCoverage } from './person-rules.ts';

const TODAY = '2026-03-15';
const male = makeIdNumber('410926', '1968-07-09', 131); // odd sequence → male

test('mobile and landline phones pass, spaces removed', () => {
  assert.equal(checkPhone('138 1234 5678'), '13812345678');
  assert.equal(checkPhone('0393-5512345'), '0393-5512345');
  assert.equal(checkPhone('01087654321'), '01087654321');
});

test('malformed phones are refused with PERSON_PHONE_FORMAT', () => {
  for (const p of ['1381234567', '12812345678', '138123456789', '5512345', 'abc']) {
    const r = checkPhone(p);
    assert.ok(r instanceof AppError, p);
    assert.equal(r.code, 'PERSON_PHONE_FORMAT');
  }
});

test('gender and birth date come from the ID', () => {
  const r = checkPersonId({ certno: male }, TODAY);
  assert.ok(!(r instanceof AppError));
  assert.equal(r.gender, '1');
  assert.equal(r.birthDate, '1968-07-09');
});

test('a given gender or birth date must agree with the ID', () => {
  assert.ok(
    !(checkPersonId({ certno: male, gender: '1', birthDate: '1968-07-09' }, TODAY) instanceof AppError),
  );
  const g = checkPersonId({ certno: male, gender: '2' }, TODAY);
  assert.ok(g instanceof AppError);
  assert.equal(g.code, 'PERSON_GENDER_MISMATCH');
  const b = checkPersonId({ certno: male, birthDate: '1968-07-10' }, TODAY);
  assert.ok(b instanceof AppError);
  assert.equal(b.code, 'PERSON_BIRTH_DATE_MISMATCH');
  assert.deepEqual(b.details, { field: 'birthDate', fromId: '1968-07-09' });
});

test('a bad ID keeps its own code and names the certno field', () => {
  const r = checkPersonId({ certno: `${male.slice(0, 17)}${male[17] === '0' ? '1' : '0'}` }, TODAY);
  assert.ok(r instanceof AppError);
  assert.equal(r.code, 'ID_CHECK_DIGIT');
  assert.deepEqual(r.details, { field: 'certno' });
});

test('15-digit legacy numbers are converted', () => {
  const legacy = `${male.slice(0, 6)}${male.slice(8, 17)}`;
  const r = checkPersonId({ certno: legacy }, TODAY);
  assert.ok(!(r instanceof AppError));
  assert.equal(r.idNumber, male);
});

test('death and imprisonment end coverage, moving out does not', () => {
  assert.equal(statusEndsCoverage('deceased'), true);
  assert.equal(statusEndsCoverage('imprisoned'), true);
  assert.equal(statusEndsCoverage('moved_out'), false);
  assert.equal(statusEndsCoverage('normal'), false);
});

test('status changes: no future dates, nothing after death except a correction to normal', () => {
  const alive = { status: 'normal', deathDate: null };
  assert.equal(checkStatusChange(alive, { status: 'deceased', effectiveDate: TODAY }, TODAY), null);
  assert.equal(
    checkStatusChange(alive, { status: 'deceased', effectiveDate: '2026-03-16' }, TODAY)?.code,
    'STATUS_DATE_FUTURE',
  );
  const dead = { status: 'deceased', deathDate: '2026-01-02' };
  assert.equal(
    checkStatusChange(dead, { status: 'imprisoned', effectiveDate: TODAY }, TODAY)?.code,
    'PERSON_DECEASED',
  );
  assert.equal(checkStatusChange(dead, { status: 'normal', effectiveDate: TODAY }, TODAY), null);
});
