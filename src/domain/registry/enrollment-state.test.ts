import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ENROLLMENT_STATE_NAMES, enrollmentState } from './enrollment-state.ts';

const y2026 = { status: 'active', beginDate: '2026-01-01', endDate: '2026-12-31' };

test('an active period is 未开始 before it begins, 参保中 on its first and last day, 已到期 after', () => {
  const name = (today: string, e = y2026) => ENROLLMENT_STATE_NAMES[enrollmentState(e, today)];
  assert.equal(name('2025-12-31'), '未开始');
  assert.equal(name('2026-01-01'), '参保中');
  assert.equal(name('2026-12-31'), '参保中');
  assert.equal(name('2027-01-01'), '已到期');
  // next year's contribution paid in December is not yet in force
  assert.equal(name('2026-12-03', { ...y2026, beginDate: '2027-01-01', endDate: '2027-12-31' }), '未开始');
});

test('a stopped period is 已停保 whatever the day', () => {
  const stopped = { ...y2026, status: 'stopped' };
  for (const day of ['2025-06-01', '2026-06-01', '2027-06-01'])
    assert.equal(enrollmentState(stopped, day), 'stopped');
});

test('the vocabulary has exactly four names', () => {
  assert.deepEqual(Object.values(ENROLLMENT_STATE_NAMES), ['未开始', '参保中', '已到期', '已停保']);
});
