import assert from 'node:assert/strict';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/types.ts';
import { isAppError } from '../../domain/shared/errors.ts';
import { workCalendar } from '../../domain/shared/working-days.ts';
import { SAMPLE_MACHINE as M } from '../../domain/workflow/sample.ts';
import { type Actor, getCase, openCase, overdue, transition } from './index.ts';
import { sampleActors } from './testing.ts';

const NOW = new Date('2026-09-29T02:00:00Z'); // Tuesday 29 September, 10:00 in China
const cal = workCalendar(
  [2026],
  ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  ['2026-10-10'],
);
const count = async (db: Db, table: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
const openOne = (db: Db, clerk: Actor) =>
  db.tx((tx) => openCase(tx, 'sample', M, 'accept', '4109260000000001', clerk, { now: NOW, calendar: cal }));

dbTest('a case is opened with its due date and moved with its history and audit', async (db) => {
  const { clerk, reviewers } = await sampleActors(db);
  const id = await openOne(db, clerk);
  let c = await getCase(db, id);
  assert.equal(c?.state, 'accepted');
  assert.equal(c?.dueOn, '2026-10-12', '5 working days across 国庆');
  await db.tx((tx) => transition(tx, M, id, 'approve', reviewers[0], { now: NOW, calendar: cal }));
  await db.tx((tx) => transition(tx, M, id, 'complete', clerk, { now: NOW, calendar: cal }));
  c = await getCase(db, id);
  assert.equal(c?.state, 'completed');
  assert.ok(c?.closedAt);
  assert.equal(c?.dueOn, null);
  assert.deepEqual(
    c?.history.map((e) => [e.action, e.from, e.to, e.actorId, e.at]),
    [
      ['accept', 'accepted', 'accepted', clerk.id, NOW.toISOString()],
      ['approve', 'accepted', 'approved', reviewers[0].id, NOW.toISOString()],
      ['complete', 'approved', 'completed', clerk.id, NOW.toISOString()],
    ],
  );
  const actions = await db.query<{ action: string }>(
    `SELECT action FROM audit_entry WHERE entity = 'workflow_case' ORDER BY id`,
  );
  assert.deepEqual(
    actions.map((a) => a.action),
    ['sample.accept', 'sample.approve', 'sample.complete'],
  );
});

dbTest('a refused transition writes nothing', async (db) => {
  const { clerk, reviewers } = await sampleActors(db);
  const id = await openOne(db, clerk);
  const before = [await count(db, 'workflow_event'), await count(db, 'audit_entry')];
  await assert.rejects(
    db.tx((tx) =>
      transition(tx, M, id, 'approve', { ...clerk, permissions: reviewers[0].permissions }, { now: NOW }),
    ),
    (e) => isAppError(e) && e.code === 'WORKFLOW_SAME_PERSON',
  );
  await assert.rejects(
    db.tx((tx) => transition(tx, M, id, 'complete', clerk, { now: NOW })),
    (e) => isAppError(e) && e.code === 'WORKFLOW_ILLEGAL_TRANSITION',
  );
  await assert.rejects(
    db.tx((tx) => transition(tx, M, 9999, 'complete', clerk, { now: NOW })),
    (e) => isAppError(e) && e.code === 'WORKFLOW_CASE_NOT_FOUND',
  );
  assert.deepEqual([await count(db, 'workflow_event'), await count(db, 'audit_entry')], before);
  assert.equal((await getCase(db, id))?.state, 'accepted');
});

dbTest('two reviewers approving at once: exactly one wins', async (db) => {
  const { clerk, reviewers } = await sampleActors(db);
  const id = await openOne(db, clerk);
  const results = await Promise.allSettled(
    reviewers.map((r) => db.tx((tx) => transition(tx, M, id, 'approve', r, { now: NOW, calendar: cal }))),
  );
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  for (const r of results) {
    if (r.status === 'rejected') assert.equal(r.reason.code, 'WORKFLOW_ILLEGAL_TRANSITION');
  }
  const c = await getCase(db, id);
  assert.equal(c?.history.length, 2);
  assert.equal(c?.state, 'approved');
});

dbTest('the overdue queue lists open cases due by a day', async (db) => {
  const { clerk, reviewers } = await sampleActors(db);
  const id = await openOne(db, clerk);
  assert.deepEqual(await overdue(db, 'sample', '2026-10-09'), []);
  assert.deepEqual(
    (await overdue(db, 'sample', '2026-10-12')).map((c) => c.id),
    [id],
  );
  assert.deepEqual(await overdue(db, 'other', '2026-10-12'), []);
});
