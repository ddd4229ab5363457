import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  COMMON_PASSWORDS,
  characterClasses,
  DEMO_PASSWORD,
  MAX_LENGTH,
  MIN_LENGTH,
  PASSWORD_MESSAGES,
  passwordProblems,
} from './password-policy.ts';

const codes = (pw: string, username = 'zhang01', demo = false) =>
  passwordProblems(pw, { username, demo }).map((p) => p.code);

test('a long password of three classes that is neither common nor the 工号 passes', () => {
  assert.deepEqual(codes('Lanshan-river7'), []);
  assert.deepEqual(codes('qiu.tian.2026'), []);
  assert.deepEqual(codes('HUANGHE#1949x'), []);
});

test('length: 9 characters are refused, 10 accepted, over 200 refused', () => {
  assert.equal(MIN_LENGTH, 10);
  assert.deepEqual(codes('Abcdef12!'), ['PASSWORD_TOO_SHORT']);
  assert.deepEqual(codes('Abcdef12!x'), []);
  assert.deepEqual(codes(`Ab1${'x'.repeat(MAX_LENGTH - 3)}`), []);
  assert.deepEqual(codes(`Ab1${'x'.repeat(MAX_LENGTH - 2)}`), ['PASSWORD_TOO_SHORT']);
});

test('length counts characters, not UTF-16 units', () => {
  // 9 characters, one of them outside the BMP (two UTF-16 units)
  assert.deepEqual(codes('Ab1医保资金𠀀x'), ['PASSWORD_TOO_SHORT']);
});

test('classes: lower, upper, digit and symbol; at least three are needed', () => {
  assert.equal(characterClasses('abcdefghij'), 1);
  assert.equal(characterClasses('ABCDEFGHIJ'), 1);
  assert.equal(characterClasses('0123456789'), 1);
  assert.equal(characterClasses('!@#$%^&*()'), 1);
  assert.equal(characterClasses('医保经办工作台密码'), 1, 'Chinese counts as a symbol');
  assert.equal(characterClasses('abc DEF'), 3, 'a space is a symbol');
  assert.equal(characterClasses('aB3!'), 4);
  for (const pw of ['abcdefghijk', 'ABCDEFGHIJK', '01234567891', '!@#$%^&*()_', 'abcdefgh12', 'ABCDEFGH!!']) {
    assert.deepEqual(codes(pw), ['PASSWORD_TOO_SIMPLE'], pw);
  }
  for (const pw of ['abcdefgH12', 'abcdefgh1!', 'ABCDEFGH1!', 'abcdeFGH!!', '医保abcd12345']) {
    assert.deepEqual(codes(pw), [], pw);
  }
});

test('the 工号 may not be the password or inside it, in any case', () => {
  assert.deepEqual(codes('Zhang01!xyz', 'zhang01'), ['PASSWORD_CONTAINS_USERNAME']);
  assert.deepEqual(codes('xx-ZHANG01-yy', 'zhang01'), ['PASSWORD_CONTAINS_USERNAME']);
  assert.deepEqual(codes('Admin_2026x', 'admin'), ['PASSWORD_CONTAINS_USERNAME']);
  assert.deepEqual(codes('Zhang02!xyz', 'zhang01'), []);
  assert.deepEqual(codes('Zhang02!xyz', ''), [], 'no username to compare');
});

test('every listed common password is refused, ignoring case', () => {
  for (const pw of COMMON_PASSWORDS) {
    assert.ok(codes(pw, 'nobody_x').includes('PASSWORD_TOO_COMMON'), pw);
    assert.ok(codes(pw.toUpperCase(), 'nobody_x').includes('PASSWORD_TOO_COMMON'), pw);
  }
  assert.ok(COMMON_PASSWORDS.length >= 30);
  assert.ok(COMMON_PASSWORDS.every((p) => p === p.toLowerCase()));
});

test('the published demo password is refused, except when seeding the demo county', () => {
  assert.deepEqual(codes(DEMO_PASSWORD, 'clerk'), ['PASSWORD_TOO_COMMON']);
  assert.deepEqual(codes(DEMO_PASSWORD, 'clerk', true), []);
  // demo mode allows that one password only
  assert.deepEqual(codes('Password@123', 'clerk', true), ['PASSWORD_TOO_COMMON']);
});

test('all broken rules are reported in order, each with its Chinese message', () => {
  const problems = passwordProblems('admin', { username: 'admin' });
  assert.deepEqual(
    problems.map((p) => p.code),
    ['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_SIMPLE', 'PASSWORD_CONTAINS_USERNAME'],
  );
  for (const p of problems) assert.equal(p.message, PASSWORD_MESSAGES[p.code]);
  assert.match(PASSWORD_MESSAGES.PASSWORD_TOO_SHORT, /10/);
  assert.match(PASSWORD_MESSAGES.PASSWORD_TOO_SIMPLE, /3种/);
});
