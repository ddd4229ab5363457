import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  bpToPercent,
  chinaToday,
  fenToYuan,
  formatDate,
  maskIdNumber,
  maskPhone,
  yuanToFen,
} from './format.ts';

test('fen shows as yuan with two decimals and grouping', () => {
  assert.equal(fenToYuan(123456), '1,234.56');
  assert.equal(fenToYuan(5), '0.05');
  assert.equal(fenToYuan(-5), '-0.05');
  assert.equal(fenToYuan(0), '0.00');
  assert.equal(fenToYuan('-120000000'), '-1,200,000.00');
  assert.equal(fenToYuan(100, { grouping: false }), '1.00');
  assert.equal(fenToYuan('9007199254740993'), '90,071,992,547,409.93');
  assert.equal(fenToYuan(null), '—');
  assert.equal(fenToYuan('1.5'), '—');
});

test('typed yuan converts to fen exactly, refusing three decimals', () => {
  assert.equal(yuanToFen('1,234.56'), 123456);
  assert.equal(yuanToFen('0.1'), 10);
  assert.equal(yuanToFen('380'), 38000);
  assert.equal(yuanToFen('-2.05'), -205);
  assert.equal(yuanToFen('1.005'), null);
  assert.equal(yuanToFen('abc'), null);
  assert.equal(yuanToFen(''), null);
});

test('ratios in basis points show as percent', () => {
  assert.equal(bpToPercent(8000), '80.0%');
  assert.equal(bpToPercent(750), '7.5%');
  assert.equal(bpToPercent(6667), '66.7%');
  assert.equal(bpToPercent(1), '0.0%');
  assert.equal(bpToPercent(null), '—');
});

test('dates show as YYYY-MM-DD in China time', () => {
  assert.equal(formatDate('2026-03-01'), '2026-03-01');
  assert.equal(formatDate('2026-02-28T17:00:00.000Z'), '2026-03-01');
  assert.equal(formatDate(null), '—');
});

test('ID and phone masks keep the first and last digits only', () => {
  assert.equal(maskIdNumber('410102199001011234'), '4101**********1234');
  assert.equal(maskIdNumber('4101**********1234'), '4101**********1234');
  assert.equal(maskPhone('13812345678'), '138****5678');
  assert.equal(maskPhone('123'), '123');
});

test('today is China’s day, whatever the browser’s time zone', () => {
  // 17:00 UTC on 12-31 is already 01-01 in China
  assert.equal(chinaToday(new Date('2026-12-31T17:00:00Z')), '2027-01-01');
});
