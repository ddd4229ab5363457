import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAppError } from '../shared/errors.ts';
import { checkChar, makeIdNumber, parseIdNumber, parsePersonKey, upgradeLegacyId } from './id-number.ts';

const GOOD = makeIdNumber('410926', '1970-02-03', 1);
const wrongDigit = (id: string) => `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`;

test('a wrong check digit names the right one, in search and at registration alike', () => {
  const bad = wrongDigit(GOOD);
  for (const r of [parsePersonKey(bad, { psnNoAllowed: true }), parseIdNumber(bad, '2026-03-15')]) {
    assert.ok(isAppError(r));
    assert.equal(r.code, 'ID_CHECK_DIGIT');
    assert.equal(r.message, `身份证号码校验位错误（应为 ${GOOD[17]}）`);
  }
});

test('a 15-digit legacy ID is searched as its 18-digit form (GB 11643: insert 19, add the check digit)', () => {
  const legacy = `${GOOD.slice(0, 6)}${GOOD.slice(8, 17)}`;
  assert.equal(upgradeLegacyId(legacy), GOOD);
  assert.deepEqual(parsePersonKey(` ${legacy} `, { psnNoAllowed: false }), {
    kind: 'certno',
    certno: GOOD,
    converted: true,
  });
  // a known published example: 110105491231002 → 11010519491231002X
  assert.equal(upgradeLegacyId('110105491231002'), '11010519491231002X');
  assert.equal(checkChar('11010519491231002'), 'X');
});

test('16 digits are a person number only where the field may hold one', () => {
  assert.deepEqual(parsePersonKey('4109260000000001', { psnNoAllowed: true }), {
    kind: 'psnNo',
    psnNo: '4109260000000001',
  });
  const r = parsePersonKey('4109260000000001', { psnNoAllowed: false });
  assert.ok(isAppError(r));
  assert.equal(r.code, 'ID_LENGTH');
  assert.match(r.message, /应为 18 位.*输入的是 16 位/);
});

test('other lengths and masked numbers are coded errors; a lower-case x is accepted', () => {
  const x = makeIdNumber('110105', '1949-12-31', 2);
  assert.equal(x[17], 'X');
  assert.deepEqual(parsePersonKey(x.toLowerCase(), { psnNoAllowed: false }), {
    kind: 'certno',
    certno: x,
    converted: false,
  });
  const short = parsePersonKey('41092619700203', { psnNoAllowed: true });
  assert.ok(isAppError(short) && short.code === 'ID_LENGTH');
  const masked = parsePersonKey('4109**********0011', { psnNoAllowed: true });
  assert.ok(isAppError(masked) && masked.code === 'ID_MASKED');
});
