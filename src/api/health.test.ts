// /api/health tells the truth about the database; /api/health/live only that the process runs.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Fastify from 'fastify';
import { migrate } from '../db/migrate.ts';
import { openPglite } from '../db/pglite.ts';
import { dbTest } from '../db/testing.ts';
import type { Db } from '../db/types.ts';
import type { App } from './context.ts';
import { healthRoutes } from './health.ts';
import { testApp } from './testing.ts';

dbTest('health answers 200 with its body once a real query succeeds; live answers 200', async (db) => {
  const app = await testApp(db);
  try {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok', version: 'test', engine: db.engine });
    const live = await app.inject({ method: 'GET', url: '/api/health/live' });
    assert.equal(live.statusCode, 200);
    assert.deepEqual(live.json(), { status: 'ok', version: 'test' });
  } finally {
    await app.close();
  }
});

test('embedded database whose data folder is gone: health 503 with a code, live still 200', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yibao-health-'));
  const db = await openPglite(dir);
  await migrate(db);
  const app = await testApp(db);
  try {
    assert.equal((await app.inject({ method: 'GET', url: '/api/health' })).statusCode, 200);
    // what an unmounted or read-only volume looks like to the server: writes to the folder fail
    rmSync(dir, { recursive: true, force: true });
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().error.code, 'DB_UNAVAILABLE');
    assert.match(res.json().error.message, /数据目录不可写/);
    assert.equal((await app.inject({ method: 'GET', url: '/api/health/live' })).statusCode, 200);
  } finally {
    await app.close();
    await db.close().catch(() => {});
  }
});

test('a database that does not answer in time: health 503', async () => {
  const hung = new Promise<never>(() => {});
  const db = { engine: 'postgres', ping: () => hung } as unknown as Db;
  const app = Fastify() as unknown as App;
  healthRoutes(app, { db, now: () => new Date(), version: 'test' }, 50);
  const res = await app.inject({ method: 'GET', url: '/api/health' });
  assert.equal(res.statusCode, 503);
  assert.equal(res.json().error.code, 'DB_UNAVAILABLE');
  assert.match(res.json().error.message, /PostgreSQL/);
  await app.close();
});
