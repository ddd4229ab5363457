// A PostgreSQL restart must not end the server: requests caught in flight answer a retryable
// "系统繁忙，请稍后重试" (HIS) or a coded 503 (staff API), and the next requests, on fresh
// connections, go through — the settlement included — without restarting the process.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { loginAs } from '../../api/testing.ts';
import { freshDb } from '../../db/testing.ts';
import { openPostgres } from '../../db/postgres.ts';
import type { Db } from '../../db/types.ts';
import { wire } from '../../domain/his/wire-builders.ts';
import { at, type HisReply, hisWorld } from './testing.ts';

const PG_URL = process.env.TEST_DATABASE_URL;
const PG_ONLY = PG_URL
  ? false
  : 'PostgreSQL only: set TEST_DATABASE_URL (PGlite runs in-process and has no server backends to terminate)';

const A = 'XA01ABD075A002010100483';

async function until(what: string, check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('terminating every backend mid-load: in-flight calls answer 系统繁忙 / 503, then the settlement goes through [postgres]', {
  skip: PG_ONLY,
}, async () => {
  const { db, drop, url } = await freshDb('postgres');
  // the blocker works in the test's own database (a copy of the template, or a schema of PG_URL's)
  const outside = new pg.Client({ connectionString: url ?? PG_URL, application_name: 'outage-test-blocker' });
  try {
    const w = await hisWorld(db);
    const cookie = await loginAs(w.app, db, 'clerk');
    const { psnNo, certno } = w.ann;
    const reg = await w.centre.ok('2201', wire.registration(psnNo, '390', at('09:00'), 'MZ0001', certno));
    const mdtrtId: string = reg.data.mdtrt_id;
    await w.centre.ok('2203', wire.visitInfo(mdtrtId, psnNo, '11', 'J06.900', at('09:05')));
    await w.centre.ok('2204', wire.fees(mdtrtId, psnNo, [{ code: A, pricFen: 2500, cnt: 4 }], at('09:10')));
    const settle = wire.outpatientSettle(psnNo, mdtrtId, 10000, certno);

    // Hold the next requests inside the database: an outside session locks the tables every HIS
    // call and every staff session check reads, so the calls below are truly in flight.
    const [{ schema, app }] = await db.query<{ schema: string; app: string }>(
      "SELECT current_schema() AS schema, current_setting('application_name') AS app",
    );
    // a warm pool: beside the busy connections some stay idle, and those must end quietly too
    await Promise.all(Array.from({ length: 9 }, () => db.query('SELECT pg_sleep(0.05)')));
    await outside.connect();
    await outside.query('BEGIN');
    await outside.query(`LOCK TABLE ${schema}.his_message, ${schema}.staff_session IN ACCESS EXCLUSIVE MODE`);
    const his: Promise<HisReply>[] = [
      w.centre.call('2207', settle),
      w.centre.call('2206', settle),
      w.centre.call('2206', settle),
      w.hospital.call('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: certno } }),
    ];
    const staff = [
      w.app.inject({ method: 'GET', url: '/api/import/jobs', headers: { cookie } }),
      w.app.inject({ method: 'GET', url: '/api/import/jobs', headers: { cookie } }),
    ];
    const waiting = async () => {
      // inside a transaction pg_stat_activity is read once: drop that snapshot before each look
      await outside.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await outside.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
        [app],
      );
      return rows[0].n >= his.length + staff.length;
    };
    await until('the requests to wait on the lock', waiting);

    // what a PostgreSQL restart does to the server's connections: every one of them ends, idle or busy
    const killed = await outside.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
      [app],
    );
    assert.ok(killed.rowCount! >= 9, `terminated ${killed.rowCount} connections`);
    for (const r of await Promise.all(his)) {
      assert.equal(r.status, 200);
      assert.equal(r.json.infcode, -1, r.text);
      assert.equal(r.json.err_msg, '系统繁忙，请稍后重试');
    }
    for (const r of await Promise.all(staff)) {
      assert.equal(r.statusCode, 503, r.body);
      assert.equal(r.json().error.code, 'DB_UNAVAILABLE');
      assert.match(r.json().error.message, /数据库暂时不可用.*请稍后重试/);
    }
    await outside.query('ROLLBACK');

    // the same process, fresh connections: the settlement goes through once
    const done = await w.centre.call('2207', settle);
    assert.equal(done.json.infcode, 0, done.text);
    assert.match(done.json.output.setlinfo.setl_id, /^ST410926/);
    const jobs = await w.app.inject({ method: 'GET', url: '/api/import/jobs', headers: { cookie } });
    assert.equal(jobs.statusCode, 200, jobs.body);
    const health = await w.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(health.statusCode, 200);
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM settlement');
    assert.equal(n, 1, 'the interrupted settlement wrote nothing');
    await w.app.close();
  } finally {
    await outside.end().catch(() => {});
    await drop();
  }
});

test('a server-side idle_session_timeout closing pooled connections does not end the process [postgres]', {
  skip: PG_ONLY,
}, async () => {
  const lost: Error[] = [];
  const db = openPostgres(PG_URL!, {
    settings: { idle_session_timeout: '200' },
    onConnectionLost: (e) => lost.push(e),
  });
  try {
    await Promise.all([db.query('SELECT 1'), db.query('SELECT 1'), db.query('SELECT 1')]);
    await until('the server to close the idle connections', async () => lost.length > 0, 5000);
    // every idle connection times out within the same 200 ms: let the pool see them all go, so the
    // next query is a next request, not one racing a connection the server is closing
    await new Promise((r) => setTimeout(r, 800));
    const [r] = await db.query<{ ok: number }>('SELECT 1 AS ok');
    assert.equal(r.ok, 1);
    await db.ping();
  } finally {
    await db.close();
  }
});

/** The app's database, re-pointable: the test can take the server's PostgreSQL away and back. */
function switchable(first: Db) {
  let cur = first;
  const db: Db = {
    get engine() {
      return cur.engine;
    },
    query: (sql, params) => cur.query(sql, params),
    exec: (sql) => cur.exec(sql),
    copyFrom: (sql, csv) => cur.copyFrom(sql, csv),
    tx: (fn) => cur.tx(fn),
    ping: () => cur.ping(),
    close: () => cur.close(),
  };
  return { db, to: (d: Db) => (cur = d) };
}

test('a PostgreSQL that refuses connections: HIS answers 系统繁忙, the staff API a coded 503, then both recover', async () => {
  const { db: real, drop } = await freshDb('pglite');
  // nothing listens on port 1: every connection is refused, as while the server restarts
  const down = openPostgres('postgres://yibao@127.0.0.1:1/yibao', { onConnectionLost: () => {} });
  const { db, to } = switchable(real);
  try {
    const w = await hisWorld(db);
    const cookie = await loginAs(w.app, db, 'clerk');
    const { certno } = w.ann;
    const personInfo = { data: { mdtrt_cert_type: '02', mdtrt_cert_no: certno } };
    to(down);
    const replies = await Promise.all([
      w.centre.call('1101', personInfo),
      w.hospital.call('1101', personInfo),
    ]);
    for (const r of replies) {
      assert.equal(r.json.infcode, -1, r.text);
      assert.equal(r.json.err_msg, '系统繁忙，请稍后重试');
    }
    const staff = await w.app.inject({ method: 'GET', url: '/api/import/jobs', headers: { cookie } });
    assert.equal(staff.statusCode, 503, staff.body);
    assert.equal(staff.json().error.code, 'DB_UNAVAILABLE');
    assert.equal((await w.app.inject({ method: 'GET', url: '/api/health' })).statusCode, 503);
    assert.equal((await w.app.inject({ method: 'GET', url: '/api/health/live' })).statusCode, 200);

    to(real);
    const back = await w.centre.call('1101', personInfo);
    assert.equal(back.json.infcode, 0, back.text);
    const jobs = await w.app.inject({ method: 'GET', url: '/api/import/jobs', headers: { cookie } });
    assert.equal(jobs.statusCode, 200, jobs.body);
    await w.app.close();
  } finally {
    await down.close();
    await drop();
  }
});
