import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type MatterStatInput, matterStats, matterStatsBy, pointOf, tenthsText } from './stats.ts';

const TODAY = '2026-12-03';
// working days by a plain count of weekdays is enough for the arithmetic here
const weekdays = (from: string, to: string) => {
  let n = 0;
  for (let d = new Date(`${from}T00:00:00Z`); ; ) {
    d = new Date(d.getTime() + 86_400_000);
    if (d.toISOString().slice(0, 10) > to) return n;
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) n += 1;
  }
};
const row = (over: Partial<MatterStatInput>): MatterStatInput => ({
  state: 'completed',
  acceptedOn: '2026-11-02',
  completedOn: '2026-11-02',
  dueOn: '2026-11-02',
  promiseDue: null,
  suppliedOn: null,
  ...over,
});

test('a hand-counted month: on time, late, open past due, ended, 容缺 kept and broken', () => {
  const rows = [
    row({}), // immediate, same day: 0 working days, on time
    row({ dueOn: '2026-11-16', completedOn: '2026-11-06' }), // Mon → Fri: 4 working days, on time
    row({ dueOn: '2026-11-16', completedOn: '2026-11-18' }), // late: 12 working days
    row({ state: 'accepted', completedOn: null, dueOn: '2026-12-01' }), // open past due
    row({ state: 'accepted', completedOn: null, dueOn: '2026-12-10' }), // open, not yet due
    row({ state: 'refused', completedOn: null }),
    row({ state: 'notified', acceptedOn: null, completedOn: null, dueOn: null }),
    // 容缺: kept (material on the promised day), broken (after it), pending (not yet due), overdue
    row({
      promiseDue: '2026-11-10',
      suppliedOn: '2026-11-10',
      completedOn: '2026-11-10',
      dueOn: '2026-11-10',
    }),
    row({
      promiseDue: '2026-11-10',
      suppliedOn: '2026-11-12',
      completedOn: '2026-11-12',
      dueOn: '2026-11-12',
    }),
    row({ state: 'deferred', promiseDue: '2026-12-20', completedOn: null, dueOn: null }),
    row({ state: 'deferred', promiseDue: '2026-11-30', completedOn: null, dueOn: null }),
  ];
  const s = matterStats(rows, TODAY, weekdays);
  assert.deepEqual(s, {
    applied: 11,
    accepted: 10,
    completed: 5,
    onTime: 4,
    overdue: 2,
    open: 5,
    ended: 1,
    onTimeRateBp: 8000,
    // (0 + 4 + 12 + 6 + 8) / 5 = 6.0 working days
    avgWorkingDaysTenths: 60,
    deferred: 4,
    deferredKept: 1,
    deferredDue: 3,
    deferredKeptRateBp: 3333,
  });
});

test('the average rounds half up in tenths; a missing calendar year leaves the matter out', () => {
  const rows = [
    row({ completedOn: '2026-11-03', dueOn: '2026-11-10' }), // 1
    row({ completedOn: '2026-11-03', dueOn: '2026-11-10' }), // 1
    row({ completedOn: '2026-11-02', dueOn: '2026-11-10' }), // 0
    row({ completedOn: '2026-11-02', dueOn: '2026-11-10' }), // 0 → 2 / 4 = 0.5
    row({ acceptedOn: '2027-01-04', completedOn: '2027-01-05', dueOn: '2027-01-10' }),
  ];
  const noYear = (from: string, to: string) => (to.startsWith('2027') ? null : weekdays(from, to));
  assert.equal(matterStats(rows, TODAY, noYear).avgWorkingDaysTenths, 5);
  assert.equal(matterStats(rows.slice(0, 3), TODAY, noYear).avgWorkingDaysTenths, 7, '2/3 = 0.67 → 0.7');
  assert.equal(matterStats(rows.slice(4), TODAY, noYear).avgWorkingDaysTenths, null);
});

test('empty bases give null rates, not zero', () => {
  const s = matterStats([], TODAY, weekdays);
  assert.equal(s.onTimeRateBp, null);
  assert.equal(s.deferredKeptRateBp, null);
  assert.equal(s.avgWorkingDaysTenths, null);
});

test('grouped by point: village, the township of a township point, the county', () => {
  const township = (v: string) => v.slice(0, 9);
  assert.equal(pointOf('village', '410926101001', township), 'village:410926101001');
  assert.equal(pointOf('township', '410926101001', township), 'township:410926101');
  assert.equal(pointOf('county', '410926101001', township), 'county');
  const rows = [
    { ...row({}), p: 'b' },
    { ...row({ state: 'refused' }), p: 'a' },
    { ...row({}), p: 'b' },
  ];
  const g = matterStatsBy(rows, (r) => r.p, TODAY, weekdays);
  assert.deepEqual(
    g.map((x) => [x.key, x.stats.applied, x.stats.completed]),
    [
      ['a', 1, 0],
      ['b', 2, 2],
    ],
  );
});

test('tenths of a day as text, in integers', () => {
  assert.deepEqual([53, 60, 5, 0, 1234].map(tenthsText), ['5.3', '6.0', '0.5', '0.0', '123.4']);
  assert.equal(tenthsText(null), '—');
});
