// An import cut off by a crash or restart: its job row says queued/running but no process works
// on it any more. The next start marks it failed with a reason, and the file imports again.
import assert from 'node:assert/strict';
import { loginAs, testApp } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/types.ts';
import { markRunning } from './repository.ts';
import { createJob, importFile } from './service.ts';
import { certOf, csvOf, request, seedCounty, VILLAGE_A } from './testing.ts';

const RESTART = new Date('2026-03-15T02:00:00Z');
const count = async (db: Db, sql: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`))[0].n;

dbTest(
  'jobs left queued or running by a stopped server are failed at start and can be re-run',
  async (db) => {
    await seedCounty(db);
    const file = csvOf([
      ['公民身份号码', '姓名', '村(社区)代码'],
      [certOf(1), '张建国', VILLAGE_A],
      [certOf(2), '王芳', VILLAGE_A],
    ]);
    const other = csvOf([
      ['公民身份号码', '姓名', '村(社区)代码'],
      [certOf(3), '李强', VILLAGE_A],
    ]);
    const finished = await importFile(db, request('persons', other, { fileName: 'other.csv' }));
    // the state a kill -9 leaves: one job picked up (its write transaction never committed), one queued
    const running = await createJob(db, request('persons', file));
    await markRunning(db, running);
    const queued = await createJob(db, request('persons', file));
    assert.equal(await count(db, 'person'), 1);

    const app = await testApp(db, () => RESTART);
    try {
      const jobs = await db.query<{
        id: number;
        status: string;
        errorCode: string | null;
        message: string;
        written: boolean;
        finishedAt: Date | null;
      }>(
        `SELECT id, status, error_code AS "errorCode", message, written, finished_at AS "finishedAt"
         FROM import_job ORDER BY id`,
      );
      assert.deepEqual(
        jobs.map((j) => [j.id, j.status, j.errorCode, j.written]),
        [
          [finished.jobId, 'done', null, true],
          [running, 'failed', 'IMPORT_INTERRUPTED', false],
          [queued, 'failed', 'IMPORT_INTERRUPTED', false],
        ],
      );
      assert.equal(
        jobs[1].message,
        '导入因服务停止或重启而中断，请重新导入该文件（已写入的行再次导入时计为未变化）',
      );
      assert.equal(new Date(jobs[1].finishedAt!).toISOString(), RESTART.toISOString());
      assert.equal(await count(db, 'person'), 1, 'nothing of the interrupted file was written');
      const audits = await db.query<{ entityId: string; before: { status: string } }>(
        `SELECT entity_id AS "entityId", before FROM audit_entry WHERE action = 'import.interrupted' ORDER BY id`,
      );
      assert.deepEqual(
        audits.map((a) => [Number(a.entityId), a.before.status]),
        [
          [running, 'running'],
          [queued, 'queued'],
        ],
      );

      // the clerk sees the reason on the job
      const cookie = await loginAs(app, db, 'clerk');
      const seen = await app.inject({
        method: 'GET',
        url: `/api/import/jobs/${running}`,
        headers: { cookie },
      });
      assert.equal(seen.statusCode, 200);
      assert.deepEqual(
        [seen.json().status, seen.json().phase, seen.json().errorCode],
        ['failed', 'failed', 'IMPORT_INTERRUPTED'],
      );

      // and imports the same file again: written in full, not taken for an earlier import
      const again = await importFile(db, request('persons', file));
      assert.deepEqual([again.status, again.inserted, again.rejected], ['done', 2, 0]);
      assert.doesNotMatch(again.message, /曾于作业/);
      assert.equal(await count(db, 'person'), 3);
    } finally {
      await app.close();
    }

    // a later start finds nothing left to recover
    const later = await testApp(db, () => RESTART);
    await later.close();
    assert.equal(await count(db, `audit_entry WHERE action = 'import.interrupted'`), 2);
  },
);
