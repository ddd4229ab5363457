import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeUsable, formatCode, MAX_TRIES } from './one-time-code.ts';

const NOW = new Date('2026-12-03T02:00:00Z');
const later = (min: number) => new Date(NOW.getTime() + min * 60_000).toISOString();

test('a code is six digits', () => {
  assert.equal(formatCode(42), '000042');
  assert.equal(formatCode(999_999), '999999');
  assert.throws(() => formatCode(1_000_000));
});

test('a code is usable within five minutes and five tries, not after', () => {
  assert.equal(codeUsable({ expiresAt: later(5), tries: 1 }, NOW), true);
  assert.equal(codeUsable({ expiresAt: later(5), tries: MAX_TRIES }, NOW), true);
  assert.equal(codeUsable({ expiresAt: later(5), tries: MAX_TRIES + 1 }, NOW), false);
  assert.equal(codeUsable({ expiresAt: later(0), tries: 1 }, NOW), false);
  assert.equal(codeUsable(null, NOW), false);
});
