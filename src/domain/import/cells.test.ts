import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellText, excelSerialToDate, normaliseExcelValue, parseDateCell, parseMoneyCell } from './cells.ts';

test('dates in the spellings ledgers use', () => {
  assert.equal(parseDateCell('2026-01-05'), '2026-01-05');
  assert.equal(parseDateCell('2026/1/5'), '2026-01-05');
  assert.equal(parseDateCell('2026.01.05'), '2026-01-05');
  assert.equal(parseDateCell('20260105'), '2026-01-05');
  assert.equal(parseDateCell(20260105), '2026-01-05');
  assert.equal(parseDateCell('2026年1月5日'), '2026-01-05');
  assert.equal(parseDateCell(' 2026-01-05 00:00:00 '), '2026-01-05');
});

test('impossible or unknown dates are refused', () => {
  assert.equal(parseDateCell('2026-02-29'), null);
  assert.equal(parseDateCell('2025-13-01'), null);
  assert.equal(parseDateCell('05/01/2026'), null);
  assert.equal(parseDateCell('明年'), null);
  assert.equal(parseDateCell(''), null);
  assert.equal(parseDateCell(null), null);
});

test('Excel date cells: Date objects at UTC midnight and raw serial numbers', () => {
  assert.equal(parseDateCell(new Date(Date.UTC(2026, 0, 5))), '2026-01-05');
  assert.equal(parseDateCell(46027), '2026-01-05');
  assert.equal(parseDateCell(46027.75), '2026-01-05'); // time of day ignored
  assert.equal(excelSerialToDate(1), '1900-01-01');
  assert.equal(excelSerialToDate(59), '1900-02-28');
  assert.equal(excelSerialToDate(60), null); // Lotus's 1900-02-29
  assert.equal(excelSerialToDate(61), '1900-03-01');
  assert.equal(excelSerialToDate(0), null);
});

test('money in 元 becomes integer fen; more than two decimals or junk is refused', () => {
  assert.equal(parseMoneyCell('380'), 38000);
  assert.equal(parseMoneyCell('380.5'), 38050);
  assert.equal(parseMoneyCell('1,380.05'), 138005);
  assert.equal(parseMoneyCell('¥380元'), 38000);
  assert.equal(parseMoneyCell(380.5), 38050);
  assert.equal(parseMoneyCell(0.1 + 0.2), null); // a float artefact is not money
  assert.equal(parseMoneyCell('380.555'), null);
  assert.equal(parseMoneyCell('三百'), null);
  assert.equal(parseMoneyCell('-5'), -500);
});

test('exceljs cell shapes flatten to plain values', () => {
  assert.equal(normaliseExcelValue({ richText: [{ text: '张' }, { text: '三' }] }), '张三');
  assert.equal(normaliseExcelValue({ formula: 'A1*2', result: 25 }), 25);
  assert.equal(normaliseExcelValue({ formula: 'A1' }), null);
  assert.equal(normaliseExcelValue({ text: '链接', hyperlink: 'http://x' }), '链接');
  assert.equal(normaliseExcelValue({ error: '#N/A' }), '#N/A');
  assert.equal(cellText('\u3000张三 '), '张三');
  assert.equal(cellText(new Date(Date.UTC(2026, 2, 1))), '2026-03-01');
});
