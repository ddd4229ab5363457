import assert from 'node:assert/strict';
import { test } from 'node:test';
import { afterFailure, afterSuccess, isLocked, LOCK_MINUTES, MAX_FAILURES } from './lockout.ts';

const now = new Date('2026-03-01T08:00:00Z');

test('the fifth failure in a row locks the account for 15 minutes', () => {
  let s = afterSuccess();
  for (let i = 1; i < MAX_FAILURES; i++) {
    s = afterFailure(s, now);
    assert.equal(isLocked(s, now), false, `after ${i} failures`);
  }
  s = afterFailure(s, now);
  assert.equal(isLocked(s, now), true);
  assert.equal(isLocked(s, new Date(now.getTime() + LOCK_MINUTES * 60_000 - 1)), true);
  assert.equal(isLocked(s, new Date(now.getTime() + LOCK_MINUTES * 60_000)), false);
});

test('a success clears the failure count', () => {
  const s = afterFailure(afterFailure(afterSuccess(), now), now);
  assert.equal(s.failedLogins, 2);
  assert.deepEqual(afterSuccess(), { failedLogins: 0, lockedUntil: null });
});
