// Chinese text survives the streaming xlsx reader: no character is cut at a chunk boundary.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { readSheet } from './read-file.ts';

test('2,000 Chinese names and addresses come back exactly as written (no U+FFFD)', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  const expected: string[][] = [['姓名', '地址']];
  for (let i = 0; i < 2000; i++) expected.push([`居民${i}`, `城关镇东街村${i}号院`]);
  for (const r of expected) ws.addRow(r);
  const sheet = await readSheet(Buffer.from(await wb.xlsx.writeBuffer()));
  const got = sheet.rows.map((r) => r.cells.map(String));
  assert.equal(got.filter((r) => r.join('').includes('\uFFFD')).length, 0);
  assert.deepEqual(got, expected);
});
