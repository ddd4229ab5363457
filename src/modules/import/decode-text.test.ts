import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { AppError } from '../../domain/shared/errors.ts';
import { decodeText } from './decode-text.ts';

const HEADER = '身份证号,姓名,身份类别\n';

test('UTF-8 with and without BOM, and GBK from a Chinese Windows', () => {
  const plain = decodeText(Buffer.from(HEADER, 'utf8'));
  assert.deepEqual(plain, { text: HEADER, encoding: 'utf-8' });
  const bom = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HEADER, 'utf8')]));
  assert.deepEqual(bom, { text: HEADER, encoding: 'utf-8-bom' });
  const gbk = decodeText(iconv.encode(`${HEADER}410926195102020013,欧阳娜娜,低保\n`, 'gbk'));
  assert.ok(!(gbk instanceof AppError));
  assert.equal(gbk.encoding, 'gbk');
  assert.equal(gbk.text, `${HEADER}410926195102020013,欧阳娜娜,低保\n`);
  const utf16 = decodeText(
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t身份证号\n', 'utf16le')]),
  );
  assert.ok(!(utf16 instanceof AppError));
  assert.equal(utf16.text, '姓名\t身份证号\n');
});

test('binary content is unreadable', () => {
  const r = decodeText(Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]));
  assert.ok(r instanceof AppError);
  assert.equal(r.code, 'IMPORT_UNREADABLE');
});
