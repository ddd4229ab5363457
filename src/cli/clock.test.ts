import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clockFromEnv } from './clock.ts';

test('YIBAO_NOW starts the clock at that instant and lets it run', () => {
  let real = Date.parse('2031-05-05T00:00:00Z');
  const clock = clockFromEnv({ YIBAO_NOW: '2026-12-03T10:00:00+08:00' }, () => real);
  assert.equal(clock().toISOString(), '2026-12-03T02:00:00.000Z');
  real += 90_000;
  assert.equal(clock().toISOString(), '2026-12-03T02:01:30.000Z');
});

test('without YIBAO_NOW the clock is the machine clock', () => {
  const clock = clockFromEnv({}, () => 1_000);
  assert.equal(clock().getTime(), 1_000);
});

test('a YIBAO_NOW without a time zone is refused', () => {
  assert.throws(() => clockFromEnv({ YIBAO_NOW: '2026-12-03 10:00' }), /YIBAO_NOW/);
  assert.throws(() => clockFromEnv({ YIBAO_NOW: '2026-12-03T10:00:00' }), /YIBAO_NOW/);
});
