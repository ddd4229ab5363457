// Timestamps as PostgreSQL writes them become the ISO instant Date gives; the UTC texts a UTC
// session writes are rewritten directly, with the same result as parsing them.
import assert from 'node:assert/strict';
import test from 'node:test';
import { createRandom } from '../domain/shared/random.ts';
import { parseTimestamp } from './parsers.ts';

const byDate = (v: string) => {
  const iso = v.replace(' ', 'T');
  const z = /[+-]\d\d(:?\d\d)?$|Z$/.test(iso) ? iso.replace(/([+-]\d\d)$/, '$1:00') : `${iso}Z`;
  return new Date(z).toISOString();
};

test('timestamps: the rewritten UTC text is the instant Date parses', () => {
  const r = createRandom(1204);
  const two = (n: number) => String(n).padStart(2, '0');
  for (let i = 0; i < 2000; i++) {
    const day = `${r.int(1000, 9999)}-${two(r.int(1, 12))}-${two(r.int(1, 28))}`;
    const time = `${two(r.int(0, 23))}:${two(r.int(0, 59))}:${two(r.int(0, 59))}`;
    const frac = r.pick(['', '.1', '.12', '.123', '.1234', '.123456', '.999999']);
    for (const zone of ['+00', '']) {
      const v = `${day} ${time}${frac}${zone}`;
      assert.equal(parseTimestamp(v), byDate(v), v);
    }
  }
  // other zones and shapes still go through Date
  assert.equal(parseTimestamp('2026-11-22 18:00:00+08'), '2026-11-22T10:00:00.000Z');
  assert.equal(parseTimestamp('2026-11-22 10:00:00.5-05:30'), '2026-11-22T15:30:00.500Z');
  assert.equal(parseTimestamp('infinity'), 'infinity');
});
