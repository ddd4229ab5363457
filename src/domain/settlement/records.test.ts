import assert from 'node:assert/strict';
import test from 'node:test';
import { checkQueryPeriod } from './records.ts';

test('a query period is in order and at most 366 days, for dates and for instants', () => {
  checkQueryPeriod('2026-01-01', '2026-01-01');
  checkQueryPeriod('2025-12-31', '2026-12-31'); // 365 days
  checkQueryPeriod('2024-01-01', '2024-12-31'); // 365 days of a leap year
  checkQueryPeriod('2026-03-01T00:00:00.000Z', '2026-03-01T23:59:59.000Z');
  assert.throws(() => checkQueryPeriod('2026-03-16', '2026-03-15'), /早于开始时间/);
  assert.throws(() => checkQueryPeriod('2024-01-01', '2025-01-02'), { code: 'SETTLEMENT_PERIOD_TOO_LONG' });
  assert.throws(() => checkQueryPeriod('2026-03-16T00:00:00.000Z', '2026-03-15T23:59:59.000Z'), {
    code: 'SETTLEMENT_PERIOD_REVERSED',
  });
});
