import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chinaDay, chinaYear } from './calendar.ts';

test('the China day turns at 16:00 UTC', () => {
  assert.equal(chinaDay(new Date('2026-12-03T15:59:59Z')), '2026-12-03');
  assert.equal(chinaDay(new Date('2026-12-03T16:00:00Z')), '2026-12-04');
});

test('before 08:00 on 1 January in China it is already the new year, whatever UTC says', () => {
  const now = new Date('2026-12-31T17:30:00Z'); // 2027-01-01 01:30 Beijing
  assert.equal(now.getUTCFullYear(), 2026);
  assert.equal(chinaYear(now), 2027);
});
