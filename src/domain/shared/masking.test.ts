import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskIdNumber, maskName, maskPhone } from './masking.ts';

test('resident ID keeps first 4 and last 4', () => {
  assert.equal(maskIdNumber('410102199003071234'), '4101**********1234');
  assert.equal(maskIdNumber(null), null);
});

test('phone keeps first 3 and last 4', () => {
  assert.equal(maskPhone('13812345678'), '138****5678');
  assert.equal(maskPhone('12345'), '*****');
});

test('names keep the first and last character', () => {
  assert.equal(maskName('张三丰'), '张*丰');
  assert.equal(maskName('李四'), '李*');
  assert.equal(maskName('欧阳娜娜'), '欧**娜');
});
