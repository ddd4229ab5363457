import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ageOn } from '../registry/id-number.ts';
import { addDays, birthDateForAge, isDate, monthEnd, randomDate } from './dates.ts';
import { createRandom } from './random.ts';

test('date arithmetic across months, leap days and years', () => {
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2025-12-31', 1), '2026-01-01');
  assert.equal(monthEnd('2025-02'), '2025-02-28');
  assert.equal(monthEnd('2024-02'), '2024-02-29');
  assert.equal(monthEnd('2025-12'), '2025-12-31');
  assert.ok(isDate('2024-02-29'));
  assert.ok(!isDate('2026-02-29') && !isDate('2026-02-30') && !isDate('2026-1-01') && !isDate('x'));
});

test('a birth date for an age gives exactly that age, also on 29 February', () => {
  const r = createRandom(4);
  for (const today of ['2026-11-22', '2028-02-29', '2026-01-01']) {
    for (let age = 0; age <= 90; age++) {
      for (let k = 0; k < 5; k++) {
        const b = birthDateForAge(r, age, today);
        assert.ok(isDate(b));
        assert.equal(ageOn(b, today), age, `${b} on ${today}`);
      }
    }
  }
});

test('random dates stay within their inclusive range', () => {
  const r = createRandom(9);
  for (let i = 0; i < 500; i++) {
    const d = randomDate(r, '2025-12-30', '2026-01-02');
    assert.ok(d >= '2025-12-30' && d <= '2026-01-02');
  }
  assert.throws(() => randomDate(r, '2026-01-02', '2026-01-01'), RangeError);
});
