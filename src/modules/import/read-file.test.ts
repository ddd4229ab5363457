import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError } from '../../domain/shared/errors.ts';
import { readSheet } from './read-file.ts';

async function xlsx(rows: unknown[][], style?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('低保名单');
  for (const r of rows) ws.addRow(r);
  style?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function refused(bytes: Uint8Array): Promise<AppError> {
  try {
    await readSheet(bytes);
  } catch (e) {
    assert.ok(e instanceof AppError);
    return e;
  }
  assert.fail('expected the file to be refused');
}

test('xlsx: text, numbers, Excel date cells, serials, rich text and formulas; blank rows skipped', async () => {
  const bytes = await xlsx(
    [
      ['2026年低保名单'],
      [],
      ['身份证号', '姓名', '起始日期', '金额'],
      [
        '410926196005010113',
        { richText: [{ text: '张' }, { text: '建国' }] },
        new Date(Date.UTC(2026, 0, 5)),
        380.5,
      ],
      ['410926198510200225', '王芳', 46027, { formula: 'D4*2', result: 761 }],
    ],
    (ws) => {
      ws.getCell('C5').numFmt = 'yyyy/m/d';
    },
  );
  const sheet = await readSheet(bytes);
  assert.equal(sheet.format, 'xlsx');
  assert.deepEqual(
    sheet.rows.map((r) => r.rowNo),
    [1, 3, 4, 5],
  );
  assert.deepEqual(sheet.rows[2].cells, [
    '410926196005010113',
    '张建国',
    new Date(Date.UTC(2026, 0, 5)),
    380.5,
  ]);
  assert.deepEqual(sheet.rows[3].cells, ['410926198510200225', '王芳', new Date(Date.UTC(2026, 0, 5)), 761]);
});

test('csv: UTF-8, UTF-8 with BOM and GBK read to the same rows', async () => {
  const text = '身份证号,姓名,身份类别\n410926196005010113,欧阳建国,低保\n';
  const expected = [
    { rowNo: 1, cells: ['身份证号', '姓名', '身份类别'] },
    { rowNo: 2, cells: ['410926196005010113', '欧阳建国', '低保'] },
  ];
  const utf8 = await readSheet(Buffer.from(text, 'utf8'));
  const bom = await readSheet(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
  const gbk = await readSheet(iconv.encode(text, 'gbk'));
  assert.deepEqual([utf8.encoding, bom.encoding, gbk.encoding], ['utf-8', 'utf-8-bom', 'gbk']);
  for (const s of [utf8, bom, gbk]) assert.deepEqual(s.rows, expected);
});

test('empty files, old .xls, broken xlsx and binary junk are refused with their codes', async () => {
  assert.equal((await refused(Buffer.alloc(0))).code, 'IMPORT_EMPTY');
  assert.equal((await refused(Buffer.from('\n\n,,\n'))).code, 'IMPORT_EMPTY');
  const xls = await refused(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
  assert.equal(xls.code, 'IMPORT_UNREADABLE');
  assert.match(xls.message, /\.xls/);
  const good = await xlsx([['身份证号']]);
  assert.equal((await refused(good.subarray(0, 200))).code, 'IMPORT_UNREADABLE');
  assert.equal((await refused(Buffer.from([0x00, 0x00, 0x12, 0x34]))).code, 'IMPORT_UNREADABLE');
});
