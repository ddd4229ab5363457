import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAppError } from '../shared/errors.ts';
import { ageOn, checkChar, makeIdNumber, parseIdNumber } from './id-number.ts';

const today = '2026-11-22';

function code(raw: string): string | undefined {
  const r = parseIdNumber(raw, today);
  return isAppError(r) ? r.code : undefined;
}

test('the GB 11643 example number 11010519491231002X is valid, female', () => {
  const r = parseIdNumber('11010519491231002x', today);
  assert.ok(!isAppError(r));
  assert.equal(r.idNumber, '11010519491231002X');
  assert.equal(r.birthDate, '1949-12-31');
  assert.equal(r.gender, '2');
});

test('check digit: 440524188001010014 is valid and male', () => {
  const r = parseIdNumber('440524188001010014', today);
  assert.ok(isAppError(r)); // born before 1900 is refused
  assert.equal(checkChar('44052418800101001'), '4');
  const m = parseIdNumber(makeIdNumber('410926', '1990-03-07', 123), today);
  assert.ok(!isAppError(m));
  assert.equal(m.gender, '1');
});

test('a wrong check digit is refused with ID_CHECK_DIGIT', () => {
  assert.equal(code('110105194912310021'), 'ID_CHECK_DIGIT');
});

test('wrong length or characters are refused with ID_FORMAT', () => {
  assert.equal(code('1101051949123100'), 'ID_FORMAT');
  assert.equal(code('11010519491231002Y'), 'ID_FORMAT');
  assert.equal(code(''), 'ID_FORMAT');
});

test('an unknown province or empty region is refused with ID_REGION', () => {
  assert.equal(code(makeIdNumber('990101', '1990-01-01', 1)), 'ID_REGION');
  assert.equal(code(makeIdNumber('410000', '1990-01-01', 1)), 'ID_REGION');
});

test('an impossible or future birth date is refused with ID_BIRTH_DATE', () => {
  assert.equal(code(makeIdNumber('410926', '1990-02-30', 1)), 'ID_BIRTH_DATE');
  assert.equal(code(makeIdNumber('410926', '2027-01-01', 1)), 'ID_BIRTH_DATE');
});

test('a 15-digit legacy number is converted to 18 digits with its check digit', () => {
  const r = parseIdNumber('110105491231002', today);
  assert.ok(!isAppError(r));
  assert.equal(r.idNumber, '11010519491231002X');
  assert.equal(r.converted, true);
});

test('age counts whole years, birthday included', () => {
  assert.equal(ageOn('1990-03-07', '2026-03-06'), 35);
  assert.equal(ageOn('1990-03-07', '2026-03-07'), 36);
});
