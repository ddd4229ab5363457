import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isZip, readZip, writeZip } from './zip.ts';

test('a zip written with one file reads back to the same bytes and name', () => {
  const text = Buffer.from('ST41092600000000000001\tMD1\tP1\t100.00\t80.00\t0.00\t0\n'.repeat(200), 'utf8');
  const z = writeZip('明细.txt', text);
  assert.ok(isZip(z));
  assert.ok(z.length < text.length, 'deflated');
  const [e, ...rest] = readZip(z);
  assert.equal(rest.length, 0);
  assert.equal(e!.name, '明细.txt');
  assert.deepEqual(e!.data, text);
});

test('bytes that are not a zip are refused with a coded error', () => {
  assert.equal(isZip(Buffer.from('hello')), false);
  assert.throws(() => readZip(Buffer.from('not a zip at all, just text long enough')), {
    code: 'HIS_FILE_NOT_ZIP',
  });
});
