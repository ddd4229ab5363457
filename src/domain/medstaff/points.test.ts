import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppError } from '../shared/errors.ts';
import { addMonthsInclusive, checkPoints, POINT_BANDS, type PointBand, standing } from './points.ts';

const ev = (...p: [string, number][]) => p.map(([on, points]) => ({ on, points }));

test('each band accepts exactly its range', () => {
  const ranges: Record<PointBand, [number, number]> = {
    agreement: [1, 3],
    fine: [4, 6],
    serious: [7, 9],
    fraud: [10, 12],
  };
  for (const [band, [lo, hi]] of Object.entries(ranges) as [PointBand, [number, number]][]) {
    assert.deepEqual(POINT_BANDS[band].range, [lo, hi]);
    for (let n = 0; n <= 13; n++) {
      const ok = n >= lo && n <= hi;
      if (ok) checkPoints(band, n);
      else
        assert.throws(
          () => checkPoints(band, n),
          (e: AppError) => e.code === 'MEDSTAFF_POINTS_OUT_OF_BAND',
        );
    }
  }
  assert.throws(
    () => checkPoints('fine', 4.5),
    (e: AppError) => e.code === 'MEDSTAFF_POINTS_OUT_OF_BAND',
  );
});

test('8 points in a year: still qualified', () => {
  const s = standing(ev(['2026-02-01', 5], ['2026-05-01', 3]), 2026, '2026-05-02');
  assert.equal(s.total, 8);
  assert.equal(s.status, 'normal');
  assert.equal(s.suspendedUntil, null);
});

test('9, 10 and 11 points suspend for 2, 4 and 6 months from the event that reached them', () => {
  const cases: [number, string][] = [
    [9, '2026-05-14'],
    [10, '2026-07-14'],
    [11, '2026-09-14'],
  ];
  for (const [total, until] of cases) {
    const s = standing(ev(['2026-01-10', 6], ['2026-03-15', total - 6]), 2026, '2026-03-15');
    assert.equal(s.total, total);
    assert.equal(s.status, 'suspended');
    assert.equal(s.suspendedFrom, '2026-03-15');
    assert.equal(s.suspendedUntil, until);
    assert.equal(s.barredUntil, null);
    // the last day is still suspended, the next is not
    assert.equal(standing(ev(['2026-01-10', 6], ['2026-03-15', total - 6]), 2026, until).status, 'suspended');
  }
  const after = standing(ev(['2026-01-10', 6], ['2026-03-15', 3]), 2026, '2026-05-15');
  assert.equal(after.status, 'normal');
});

test('a later event raising the total starts a longer suspension', () => {
  const s = standing(ev(['2026-01-10', 9], ['2026-04-01', 2]), 2026, '2026-04-01');
  assert.equal(s.total, 11);
  assert.equal(s.suspendedFrom, '2026-04-01');
  assert.equal(s.suspendedUntil, '2026-09-30');
});

test('12 accumulated points terminate, re-registration barred 1 year', () => {
  const s = standing(ev(['2026-01-10', 6], ['2026-03-15', 6]), 2026, '2026-03-15');
  assert.equal(s.status, 'terminated');
  assert.equal(s.terminatedOn, '2026-03-15');
  assert.equal(s.barredUntil, '2027-03-14');
  assert.equal(s.suspendedUntil, null);
});

test('12 points at once terminate, re-registration barred 3 years', () => {
  const s = standing(ev(['2026-03-15', 12]), 2026, '2026-03-15');
  assert.equal(s.status, 'terminated');
  assert.equal(s.barredUntil, '2029-03-14');
});

test('more than 12 stays terminated from the day 12 was reached', () => {
  const s = standing(ev(['2026-01-10', 11], ['2026-02-01', 3], ['2026-06-01', 6]), 2026, '2026-07-01');
  assert.equal(s.total, 20);
  assert.equal(s.terminatedOn, '2026-02-01');
  assert.equal(s.barredUntil, '2027-01-31');
});

test('points reset each calendar year', () => {
  const events = ev(['2025-12-31', 8], ['2026-01-01', 8]);
  assert.equal(standing(events, 2025, '2025-12-31').total, 8);
  const s = standing(events, 2026, '2026-01-01');
  assert.equal(s.total, 8);
  assert.equal(s.status, 'normal');
});

test('months are added to the calendar, clamped at month ends', () => {
  assert.equal(addMonthsInclusive('2026-01-31', 1), '2026-02-27');
  assert.equal(addMonthsInclusive('2026-12-15', 2), '2027-02-14');
  assert.equal(addMonthsInclusive('2028-02-29', 12), '2029-02-27');
});
