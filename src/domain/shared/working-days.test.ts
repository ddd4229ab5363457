import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isAppError } from './errors.ts';
import { addWorkingDays, isWorkingDay, workCalendar, workingDaysBetween } from './working-days.ts';

// 2026 as published by the State Council: 春节 2-15..2-23 (2-14 and 2-28 worked), 国庆 10-01..10-07
// (9-20 and 10-10 worked). Only the parts these tests need.
const cal2026 = workCalendar(
  [2026],
  [
    ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'],
    ...['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
    '2026-01-01',
    '2026-01-02',
  ],
  ['2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10'],
);

describe('working days', () => {
  test('an ordinary week: 5 working days from a Monday end on the next Monday', () => {
    assert.equal(addWorkingDays(cal2026, '2026-06-08', 5), '2026-06-15');
  });
  test('the start day does not count, a Friday start with 1 day ends on Monday', () => {
    assert.equal(addWorkingDays(cal2026, '2026-06-12', 1), '2026-06-15');
  });
  test('the 调休 Saturday before 春节 counts, the holiday week does not', () => {
    assert.equal(isWorkingDay(cal2026, '2026-02-14'), true);
    // accepted Friday 2-13: 2-14 (Sat, worked) is day 1, then 2-24 is day 2
    assert.equal(addWorkingDays(cal2026, '2026-02-13', 2), '2026-02-24');
  });
  test('国庆: accepted on 9-30 with 3 days, the holiday week is skipped, 10-10 (Sat) worked', () => {
    assert.equal(addWorkingDays(cal2026, '2026-09-30', 1), '2026-10-08');
    assert.equal(addWorkingDays(cal2026, '2026-09-30', 3), '2026-10-10');
  });
  test('paused days (补正) do not count', () => {
    assert.equal(addWorkingDays(cal2026, '2026-06-08', 2, new Set(['2026-06-09'])), '2026-06-11');
  });
  test('zero days is the start day', () => {
    assert.equal(addWorkingDays(cal2026, '2026-06-08', 0), '2026-06-08');
  });
  test('working days between two days', () => {
    assert.equal(workingDaysBetween(cal2026, '2026-09-30', '2026-10-10'), 3);
    assert.equal(workingDaysBetween(cal2026, '2026-06-10', '2026-06-08'), 0);
  });
});

describe('a year that is not loaded', () => {
  test('crossing into 2027 without its calendar is a coded error naming the year', () => {
    assert.throws(
      () => addWorkingDays(cal2026, '2026-12-30', 5),
      (e) => isAppError(e) && e.code === 'CALENDAR_YEAR_MISSING' && e.message.includes('2027'),
    );
  });
  test('with 2027 loaded the limit crosses the year boundary (1 January off)', () => {
    const both = workCalendar([2026, 2027], ['2027-01-01'], []);
    assert.equal(addWorkingDays(both, '2026-12-30', 2), '2027-01-04');
  });
});
