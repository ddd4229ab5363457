import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAppError } from '../shared/errors.ts';
import { oversold, soldShort, stockRow } from './stock.ts';

const row = (cells: (string | null)[]) => stockRow(cells, '第 2 行');
const refusal = (cells: (string | null)[]) => {
  try {
    row(cells);
  } catch (e) {
    assert.ok(isAppError(e));
    assert.equal(e.code, 'SUPERVISION_STOCK_ROW');
    return e.message;
  }
  assert.fail('accepted');
};

test('a stock row: month forms, quantities with split tablets', () => {
  assert.deepEqual(row(['P41092600001', 'XA01', '2026-03', '10', '100.25', '5.5']), {
    fixmedinsCode: 'P41092600001',
    itemCode: 'XA01',
    month: '2026-03',
    opening: 10,
    purchased: 100.25,
    closing: 5.5,
  });
  assert.equal(row(['P41092600001', 'XA01', '202603', '0', '0', '0']).month, '2026-03');
  assert.equal(row(['P41092600001', 'XA01', '2026-3', '0', '0', '0']).month, '2026-03');
});

test('a bad stock row is refused with its row and field', () => {
  assert.match(refusal(['', 'XA01', '2026-03', '1', '1', '1']), /第 2 行：定点机构编码/);
  assert.match(refusal(['P41092600001', '', '2026-03', '1', '1', '1']), /项目编码/);
  assert.match(refusal(['P41092600001', 'XA01', '2026-13', '1', '1', '1']), /月份应为 yyyy-MM/);
  assert.match(refusal(['P41092600001', 'XA01', '2026-03', '-1', '1', '1']), /期初库存应为不小于 0/);
  assert.match(refusal(['P41092600001', 'XA01', '2026-03', '1', '1.00001', '1']), /购进数量.*最多 4 位小数/);
  assert.match(refusal(['P41092600001', 'XA01', '2026-03', '1', '1', null]), /期末库存应为/);
  assert.match(
    refusal(['P41092600001', 'XA01', '2026-03', '1', '1', '3']),
    /期末库存大于期初库存与购进数量之和/,
  );
});

test('oversold: settled beyond opening + purchased − closing, exactly at the boundary none', () => {
  const s = { opening: 10, purchased: 100, closing: 20 };
  assert.equal(oversold(s, 90), 0);
  assert.equal(oversold(s, 90.25), 0.25);
  assert.equal(oversold(s, 89), 0);
  assert.equal(oversold({ opening: 0.1, purchased: 0.2, closing: 0 }, 0.3), 0);
  assert.equal(oversold(s, 130), 40);
});

test('soldShort: settled beyond what the institution reported selling; returns beyond sales count as none sold', () => {
  assert.equal(soldShort(3, 5), 2);
  assert.equal(soldShort(3, 3), 0);
  assert.equal(soldShort(2.5, 2.75), 0.25);
  assert.equal(soldShort(0.1 + 0.2, 0.3), 0);
  assert.equal(soldShort(-2, 1), 1);
});
