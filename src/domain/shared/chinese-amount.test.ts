import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fenToCapitals } from './chinese-amount.ts';

test('amounts in capitals as receipts write them', () => {
  const cases: [number, string][] = [
    [0, '零元整'],
    [1, '壹分'],
    [10, '壹角整'],
    [11, '壹角壹分'],
    [100, '壹元整'],
    [101, '壹元零壹分'],
    [110, '壹元壹角整'],
    [123456, '壹仟贰佰叁拾肆元伍角陆分'],
    [1000000, '壹万元整'],
    [1000100, '壹万零壹元整'],
    [10010000, '壹拾万零壹佰元整'],
    [100000000, '壹佰万元整'],
    [100100000, '壹佰万壹仟元整'],
    [1000000000000, '壹佰亿元整'],
    [1000000010000, '壹佰亿零壹佰元整'],
    [200000000050, '贰拾亿元零伍角整'],
    [1700000, '壹万柒仟元整'],
    [1020304, '壹万零贰佰零叁元零肆分'],
    [-17000, '负壹佰柒拾元整'],
  ];
  for (const [fen, text] of cases) assert.equal(fenToCapitals(fen), text, String(fen));
});

test('only integer fen', () => {
  assert.throws(() => fenToCapitals(1.5), RangeError);
});

test('zeros at a group boundary follow the bank rule', () => {
  assert.equal(fenToCapitals(10700053), '壹拾万柒仟元零伍角叁分');
  assert.equal(fenToCapitals(168032), '壹仟陆佰捌拾元零叁角贰分');
  assert.equal(fenToCapitals(100001000), '壹佰万零壹拾元整');
});
