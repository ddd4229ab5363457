import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  afterSuccess,
  isLocked,
  LOCK_MINUTES,
  type LoginState,
  MAX_FAILURES,
  reserve,
  WINDOW_MINUTES,
} from './lockout.ts';

const now = new Date('2026-03-01T08:00:00Z');
const later = (min: number) => new Date(now.getTime() + min * 60_000);

function reserveTimes(n: number, at = now): LoginState | null {
  let s: LoginState | null = null;
  for (let i = 0; i < n; i++) s = reserve(s, at);
  return s;
}

test('the fifth attempt in a row sets a 15-minute lock; the sixth is refused unchecked', () => {
  assert.equal(MAX_FAILURES, 5);
  const four = reserveTimes(MAX_FAILURES - 1)!;
  assert.equal(four.attempts, 4);
  assert.equal(isLocked(four, now), false);
  const fifth = reserve(four, now)!;
  assert.equal(isLocked(fifth, now), true);
  assert.equal(reserve(fifth, now), null);
  assert.equal(reserve(fifth, new Date(later(LOCK_MINUTES).getTime() - 1)), null);
});

test('an expired lock restarts the count at one', () => {
  const locked = reserveTimes(MAX_FAILURES)!;
  const after = reserve(locked, later(LOCK_MINUTES))!;
  assert.deepEqual(after, { attempts: 1, lockedUntil: null, updatedAt: later(LOCK_MINUTES) });
});

test('attempts older than the window are forgotten', () => {
  const four = reserveTimes(MAX_FAILURES - 1)!;
  assert.equal(reserve(four, later(WINDOW_MINUTES))!.attempts, 1);
  assert.equal(reserve(four, later(WINDOW_MINUTES - 1))!.attempts, MAX_FAILURES);
});

test('a success clears the count but not a lock set meanwhile by a parallel burst', () => {
  const cleared = { attempts: 0, lockedUntil: null, updatedAt: now };
  assert.deepEqual(afterSuccess(reserveTimes(2)!, 2, now), cleared);
  const locked = reserveTimes(MAX_FAILURES)!;
  // the right password was the third attempt; the fourth and fifth of the burst locked
  assert.deepEqual(afterSuccess(locked, 3, now), locked);
  // the right password was itself the fifth attempt: its own lock goes
  assert.deepEqual(afterSuccess(locked, MAX_FAILURES, now), cleared);
});
