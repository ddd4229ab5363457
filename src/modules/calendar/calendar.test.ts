import assert from 'node:assert/strict';
import { loginAs, testApp } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/types.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { ensureLibraryYears } from './index.ts';

const NOW = new Date('2026-12-03T02:00:00Z');
const count = async (db: Db, table: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

// The State Council's 2027 arrangement as a bureau would load it (only what the tests need).
const Y2027 = [
  { day: '2027-01-01', kind: 'holiday', name: '元旦' },
  ...[
    '2027-02-05',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-02-12',
  ].map((day) => ({ day, kind: 'holiday', name: '春节' })),
  { day: '2027-02-14', kind: 'workday', name: '春节' },
];

async function setup(db: Db) {
  assert.ok((await ensureLibraryYears(db, SYSTEM_ACTOR, NOW)).includes(2026));
  assert.deepEqual(await ensureLibraryYears(db, SYSTEM_ACTOR, NOW), [], 'loading twice adds nothing');
  const app = await testApp(db, () => NOW);
  return { app, admin: await loginAs(app, db, 'admin'), clerk: await loginAs(app, db, 'clerk') };
}

dbTest('due dates across 国庆 from the library calendar; 2027 needs loading first', async (db) => {
  const { app, clerk } = await setup(db);
  const due = async (from: string, days: number) =>
    app.inject({ url: `/api/calendar/due?from=${from}&days=${days}`, headers: { cookie: clerk } });
  // Wednesday 9-30 + 3 working days: 10-01..07 off, 10-08 (Thu) 1, 10-09 (Fri) 2, 10-10 (Sat, 调休) 3
  assert.equal((await due('2026-09-30', 3)).json().due, '2026-10-10');
  // Friday 2-13 + 1: 2-14 is the 调休 Saturday before 春节
  assert.equal((await due('2026-02-13', 1)).json().due, '2026-02-14');
  const missing = await due('2026-12-28', 10);
  assert.equal(missing.statusCode, 400);
  assert.equal(missing.json().error.code, 'CALENDAR_YEAR_MISSING');
  assert.match(missing.json().error.message, /2027/);
  const bad = await due('2026-02-30', 1);
  assert.equal(bad.statusCode, 400);
});

dbTest('an admin loads 2027 with history; a clerk may not', async (db) => {
  const { app, admin, clerk } = await setup(db);
  const put = (cookie: string, payload: Record<string, unknown>) =>
    app.inject({ method: 'PUT', url: '/api/calendar/years/2027', headers: { cookie }, payload });
  const before = [await count(db, 'calendar_day'), await count(db, 'calendar_day_change')];
  assert.equal((await put(clerk, { days: Y2027 })).statusCode, 403);
  // a 调休 working day on a weekday is refused, and nothing is written
  const wrong = await put(admin, { days: [...Y2027, { day: '2027-02-15', kind: 'workday', name: '春节' }] });
  assert.equal(wrong.json().error.code, 'CALENDAR_WORKDAY_NOT_WEEKEND');
  assert.deepEqual([await count(db, 'calendar_day'), await count(db, 'calendar_day_change')], before);

  assert.equal((await put(admin, { days: Y2027, reason: '国务院办公厅通知' })).statusCode, 200);
  const due = await app.inject({
    url: '/api/calendar/due?from=2027-02-04&days=2',
    headers: { cookie: clerk },
  });
  // Thursday 2-04: the 春节 days are off, Sunday 2-14 is worked (1), Monday 2-15 (2)
  assert.equal(due.json().due, '2027-02-15');
  const year = (await app.inject({ url: '/api/calendar/years/2027', headers: { cookie: clerk } })).json();
  assert.equal(year.days.length, Y2027.length);
  assert.equal(year.changes.length, Y2027.length);
  assert.equal(year.changes[0].reason, '国务院办公厅通知');
});

dbTest('an admin changes one day with a reason, kept in the history and the audit', async (db) => {
  const { app, admin } = await setup(db);
  const put = (day: string, payload: Record<string, unknown>) =>
    app.inject({ method: 'PUT', url: `/api/calendar/days/${day}`, headers: { cookie: admin }, payload });
  assert.equal(
    (await put('2026-12-24', { kind: 'holiday', name: '县庆' })).statusCode,
    400,
    'a reason is required',
  );
  assert.equal(
    (await put('2026-12-24', { kind: 'holiday', name: '县庆', reason: '县政府通知' })).statusCode,
    200,
  );
  assert.equal((await put('2026-12-24', { kind: null, reason: '通知撤回' })).statusCode, 200);
  const year = (await app.inject({ url: '/api/calendar/years/2026', headers: { cookie: admin } })).json();
  assert.ok(!year.days.some((d: { day: string }) => d.day === '2026-12-24'));
  assert.deepEqual(
    year.changes.map((c: { oldKind: string | null; newKind: string | null; reason: string }) => [
      c.oldKind,
      c.newKind,
      c.reason,
    ]),
    [
      [null, 'holiday', '县政府通知'],
      ['holiday', null, '通知撤回'],
    ],
  );
  const audits = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'calendar.change_day' AND entity_id = '2026-12-24'`,
  );
  assert.equal(audits[0].n, 2);
  // clearing a day that has nothing to clear is refused, and leaves no history entry
  const again = await put('2026-12-24', { kind: null, reason: '再次撤回' });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'CALENDAR_DAY_UNCHANGED');
  const after = (await app.inject({ url: '/api/calendar/years/2026', headers: { cookie: admin } })).json();
  assert.equal(after.changes.length, 2);
  assert.equal(
    (await put('2027-01-04', { kind: 'holiday', name: 'x', reason: 'y' })).json().error.code,
    'CALENDAR_YEAR_MISSING',
  );
});
