import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isAppError } from '../shared/errors.ts';
import { workCalendar } from '../shared/working-days.ts';
import type { TimeLimit } from './catalogue.ts';
import { checkExtension, dueDate, pausedDays } from './due-date.ts';

// 2026 as the State Council published it (the parts these tests touch): 元旦 1-01..1-03 (1-04 worked),
// 春节 2-15..2-23 (2-14 and 2-28 worked), 国庆 10-01..10-07 (9-20 and 10-10 worked); and 2027's 元旦.
const cal = workCalendar(
  [2026, 2027],
  [
    '2026-01-01',
    '2026-01-02',
    ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'],
    ...['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
    '2027-01-01',
  ],
  ['2026-01-04', '2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10'],
);
const only2026 = workCalendar(
  [2026],
  [...cal.holidays].filter((d) => d < '2027'),
  cal.workdays,
);
const days = (n: number, maxDays: number | null = null): TimeLimit => ({
  kind: 'working_days',
  days: n,
  maxDays,
});

describe('dueDate', () => {
  test('an immediate matter is due the day it is accepted', () => {
    assert.equal(dueDate('2026-10-01', { kind: 'immediate' }, cal), '2026-10-01');
  });
  test('10 working days across the 国庆 week, the 调休 Saturday 10-10 counting', () => {
    // accepted Wed 9-30: 10-08 (1), 10-09 (2), 10-10 Sat worked (3), 10-12..16 (4-8), 10-19 (9), 10-20 (10)
    assert.equal(dueDate('2026-09-30', days(10), cal), '2026-10-20');
  });
  test('a matter accepted on the 调休 Sunday 9-20 counts from Monday', () => {
    assert.equal(dueDate('2026-09-20', days(1), cal), '2026-09-21');
  });
  test('5 working days across 春节, the 调休 Saturday 2-14 is a working day', () => {
    // accepted Thu 2-12: 2-13 (1), 2-14 Sat worked (2), 2-24 (3), 2-25 (4), 2-26 (5)
    assert.equal(dueDate('2026-02-12', days(5), cal), '2026-02-26');
  });
  test('the 调休 Saturday 2-28 after 春节 counts too', () => {
    // accepted Thu 2-26: 2-27 (1), 2-28 Sat worked (2)
    assert.equal(dueDate('2026-02-26', days(2), cal), '2026-02-28');
  });
  test('across the year boundary into 2027 (元旦 off)', () => {
    // accepted Mon 2026-12-28: 12-29 (1), 12-30 (2), 12-31 (3), 2027-01-04 Mon (4), 01-05 (5)
    assert.equal(dueDate('2026-12-28', days(5), cal), '2027-01-05');
  });
  test('a calendar year not loaded is a coded error telling the admin to load it', () => {
    assert.throws(
      () => dueDate('2026-12-28', days(5), only2026),
      (e) =>
        isAppError(e) &&
        e.code === 'CALENDAR_YEAR_MISSING' &&
        /2027/.test(e.message) &&
        /导入/.test(e.message),
    );
  });
  test('an immediate matter waiting for a 容缺 material is due the day it comes', () => {
    assert.equal(dueDate('2026-06-08', { kind: 'immediate' }, cal, [{ from: '2026-06-08', to: null }]), null);
    assert.equal(
      dueDate('2026-06-08', { kind: 'immediate' }, cal, [{ from: '2026-06-08', to: '2026-06-10' }]),
      '2026-06-10',
    );
  });
  test('an immediate matter needs no calendar at all', () => {
    assert.equal(dueDate('2030-05-05', { kind: 'immediate' }, only2026), '2030-05-05');
  });
  test('a closed 补正 pause moves the due date by the working days it covered', () => {
    // accepted Mon 6-08, 5 days → Mon 6-15; returned 6-09, resubmitted Fri 6-12: 6-10, 6-11, 6-12 do not count
    assert.equal(dueDate('2026-06-08', days(5), cal), '2026-06-15');
    assert.equal(
      dueDate('2026-06-08', days(5), cal, [{ from: '2026-06-09', to: '2026-06-12' }]),
      '2026-06-18',
    );
  });
  test('an open pause has no due date (the clock is stopped)', () => {
    assert.equal(dueDate('2026-06-08', days(5), cal, [{ from: '2026-06-09', to: null }]), null);
  });
  test('an extension adds its working days', () => {
    assert.equal(dueDate('2026-06-08', days(5), cal, [], 3), '2026-06-18');
  });
  test('paused days are those after the stop up to and including the restart', () => {
    assert.deepEqual(
      [...pausedDays([{ from: '2026-06-30', to: '2026-07-02' }])],
      ['2026-07-01', '2026-07-02'],
    );
  });
});

describe('checkExtension', () => {
  const code = (f: () => void) => {
    try {
      f();
      return null;
    } catch (e) {
      return isAppError(e) ? e.code : 'other';
    }
  };
  test('once, within the special-case maximum', () => {
    assert.equal(
      code(() => checkExtension(days(10, 20), false, 10)),
      null,
    );
    assert.equal(
      code(() => checkExtension(days(10, 20), false, 11)),
      'MATTER_EXTENSION_TOO_LONG',
    );
    assert.equal(
      code(() => checkExtension(days(10, 20), true, 1)),
      'MATTER_EXTENDED_ONCE',
    );
    assert.equal(
      code(() => checkExtension({ kind: 'immediate' }, false, 1)),
      'MATTER_EXTENSION_NOT_LIMITED',
    );
  });
  test('without a stated maximum, at most the limit again', () => {
    assert.equal(
      code(() => checkExtension(days(5), false, 5)),
      null,
    );
    assert.equal(
      code(() => checkExtension(days(5), false, 6)),
      'MATTER_EXTENSION_TOO_LONG',
    );
  });
});
