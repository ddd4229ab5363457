import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAppError } from '../shared/errors.ts';
import { addWorkingDays } from '../shared/working-days.ts';
import { checkYearDays, libraryDays, libraryYears, toWorkCalendar } from './days.ts';

const lib = {
  holidays: {
    '2026-10-01': 'National Day,国庆节,3',
    '2026-10-08': 'x,国庆节,3',
    '2025-10-01': 'National Day,国庆节,3',
  },
  workdays: { '2026-10-10': 'National Day,国庆节,3' },
};
const code = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return isAppError(e) ? e.code : String(e);
  }
  return null;
};

test('library days of a year, with the Chinese festival name', () => {
  assert.deepEqual(libraryYears(lib), [2025, 2026]);
  assert.deepEqual(libraryDays(lib, [2026]), [
    { day: '2026-10-01', kind: 'holiday', name: '国庆节' },
    { day: '2026-10-08', kind: 'holiday', name: '国庆节' },
    { day: '2026-10-10', kind: 'workday', name: '国庆节' },
  ]);
});

test('a year as entered is checked day by day', () => {
  const ok = [{ day: '2027-01-01', kind: 'holiday' as const, name: '元旦' }];
  assert.equal(
    code(() => checkYearDays(2027, ok)),
    null,
  );
  assert.equal(
    code(() => checkYearDays(2027, [...ok, { day: '2027-02-30', kind: 'holiday', name: '春节' }])),
    'CALENDAR_DAY_INVALID',
  );
  assert.equal(
    code(() => checkYearDays(2027, [...ok, { day: '2026-12-31', kind: 'holiday', name: 'x' }])),
    'CALENDAR_DAY_OTHER_YEAR',
  );
  assert.equal(
    code(() => checkYearDays(2027, [...ok, ok[0]])),
    'CALENDAR_DAY_DUPLICATE',
  );
  // 2027-02-08 is a Monday: a weekday is a working day already
  assert.equal(
    code(() => checkYearDays(2027, [...ok, { day: '2027-02-08', kind: 'workday', name: '春节' }])),
    'CALENDAR_WORKDAY_NOT_WEEKEND',
  );
  assert.equal(
    code(() => checkYearDays(2027, [{ day: '2027-02-06', kind: 'workday', name: '春节' }])),
    'CALENDAR_YEAR_EMPTY',
  );
  assert.equal(
    code(() => checkYearDays(2027, [{ day: '2027-01-01', kind: 'holiday', name: ' ' }])),
    'CALENDAR_DAY_NAME_REQUIRED',
  );
});

test('the loaded days make the working-day calendar', () => {
  const cal = toWorkCalendar([2026], libraryDays(lib, [2026]));
  // from Wednesday 9-30: 10-01 off, 10-02 (Fri) on, 10-05..07 on, 10-08 off, 10-09 on, 10-10 (Sat) on
  assert.equal(addWorkingDays(cal, '2026-09-30', 6), '2026-10-10');
});
