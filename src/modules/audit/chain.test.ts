// The audit trail is a hash chain: whatever writes an entry (audit(), the set-based import writer)
// links it; an edit, a deletion or a cut tail is reported with the first broken link of its
// stream; the table refuses UPDATE and DELETE; the entry's time is the application's clock.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dbTest, freshDb } from '../../db/testing.ts';
import { auditEach } from './write-repo.ts';
import { audit } from './audit.ts';
import { CLERK, someEntries, tamper } from './testing.ts';
import { verifyChain } from './verify-queries.ts';

const T = new Date('2026-03-02T02:00:00.000Z');

dbTest('every entry links to the previous one of its stream, from every writer', async (db) => {
  await someEntries(db, 3, T);
  await db.tx((tx) =>
    auditEach(
      tx,
      CLERK,
      'person.update',
      'person',
      [
        { id: 'a', before: { x: 1 }, after: { x: 2 } },
        { id: 'b', before: null, after: { y: '张三' } },
      ],
      T,
    ),
  );
  const rows = await db.query<{ seq: number; prev_hash: string; hash: string; ok: boolean }>(
    'SELECT seq, prev_hash, hash, hash = audit_hash(e) AS ok FROM audit_entry e WHERE stream = 0 ORDER BY seq',
  );
  assert.deepEqual(
    rows.map((r) => r.seq),
    [1, 2, 3, 4, 5],
  );
  assert.equal(rows[0].prev_hash, '0'.repeat(64));
  for (let i = 1; i < rows.length; i++) assert.equal(rows[i].prev_hash, rows[i - 1].hash);
  assert.ok(rows.every((r) => r.ok && /^[0-9a-f]{64}$/.test(r.hash)));
  const head = await db.query<{ last_seq: number; last_hash: string }>(
    'SELECT last_seq, last_hash FROM audit_chain_head WHERE stream = 0',
  );
  assert.deepEqual(head[0], { last_seq: 5, last_hash: rows[4].hash });
  const report = await verifyChain(db);
  assert.equal(report.ok, true);
  assert.equal(report.checked, 5);
});

dbTest("an entry's time is the caller's clock, not the database's", async (db) => {
  await someEntries(db, 1, T);
  await db.tx((tx) =>
    auditEach(tx, CLERK, 'person.update', 'person', [{ id: 'a', before: null, after: {} }], T),
  );
  const at = await db.query<{ at: string }>('SELECT at FROM audit_entry');
  assert.deepEqual(
    at.map((r) => new Date(r.at).toISOString()),
    [T.toISOString(), T.toISOString()],
  );
});

dbTest('audit entries cannot be updated, deleted or truncated', async (db) => {
  await someEntries(db, 2, T);
  for (const sql of [
    "UPDATE audit_entry SET actor_name = 'someone'",
    'DELETE FROM audit_entry',
    'TRUNCATE audit_entry',
  ]) {
    await assert.rejects(db.query(sql), /审计记录只能追加/, sql);
  }
  assert.equal((await db.query('SELECT 1 FROM audit_entry')).length, 2);
});

dbTest('a chain link cannot be forged by the writer', async (db) => {
  await db.query(
    `INSERT INTO audit_entry (actor_name, action, entity, stream, seq, prev_hash, hash)
     VALUES ('x', 'y', 'z', 5, 99, 'forged', 'forged')`,
  );
  const [r] = await db.query<{ stream: number; seq: number; hash: string }>(
    'SELECT stream, seq, hash FROM audit_entry',
  );
  assert.deepEqual({ stream: r.stream, seq: r.seq }, { stream: 0, seq: 1 });
  assert.notEqual(r.hash, 'forged');
  assert.equal((await verifyChain(db)).ok, true);
});

dbTest('an edited entry breaks its chain at that entry', async (db) => {
  await someEntries(db, 5, T);
  await tamper(db, `UPDATE audit_entry SET after = '{"i": 100}' WHERE seq = 3`);
  const r = await verifyChain(db);
  assert.equal(r.ok, false);
  assert.deepEqual(
    r.breaks.map((b) => ({ stream: b.stream, kind: b.kind, seq: b.seq })),
    [{ stream: 0, kind: 'hash', seq: 3 }],
  );
});

dbTest('an edit with its hash recomputed breaks the link of the next entry', async (db) => {
  await someEntries(db, 5, T);
  await tamper(db, `UPDATE audit_entry SET actor_name = 'other' WHERE seq = 2`);
  await tamper(db, 'UPDATE audit_entry e SET hash = audit_hash(e) WHERE seq = 2');
  const r = await verifyChain(db);
  assert.deepEqual(
    r.breaks.map((b) => [b.kind, b.seq]),
    [['link', 3]],
  );
});

dbTest('a deleted entry leaves a gap; a cut tail is seen against the chain head', async (db) => {
  await someEntries(db, 5, T);
  await tamper(db, 'DELETE FROM audit_entry WHERE seq = 2');
  assert.deepEqual(
    (await verifyChain(db)).breaks.map((b) => [b.kind, b.seq]),
    [['gap', 3]],
  );

  const { db: db2, drop } = await freshDb(db.engine);
  try {
    await someEntries(db2, 4, T);
    await tamper(db2, 'DELETE FROM audit_entry WHERE seq = 4');
    assert.deepEqual(
      (await verifyChain(db2)).breaks.map((b) => [b.kind, b.seq]),
      [['tail', 4]],
    );
  } finally {
    await drop();
  }
});

dbTest('a date range checks the entries in it, linked to the one before it', async (db) => {
  await someEntries(db, 2, new Date('2026-03-01T02:00:00Z'));
  await someEntries(db, 3, new Date('2026-03-02T02:00:00Z'));
  await someEntries(db, 2, new Date('2026-03-03T02:00:00Z'));
  const day2 = { from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z' };
  assert.equal((await verifyChain(db, day2)).checked, 3);
  assert.equal((await verifyChain(db, day2)).ok, true);
  // the entry before the range was replaced: the first entry of the range no longer links
  await tamper(db, `UPDATE audit_entry SET after = '{}' WHERE seq = 2`);
  await tamper(db, 'UPDATE audit_entry e SET hash = audit_hash(e) WHERE seq = 2');
  assert.deepEqual(
    (await verifyChain(db, day2)).breaks.map((b) => [b.kind, b.seq]),
    [['link', 3]],
  );
});

test('concurrent writers take separate streams and do not wait for each other (PostgreSQL)', {
  skip: !process.env.TEST_DATABASE_URL,
}, async () => {
  const { db, drop } = await freshDb('postgres', 8);
  try {
    // 8 transactions hold their chain head at once: none may wait for another (or all would time out)
    let inside = 0;
    let release: () => void = () => {};
    const allIn = new Promise<void>((r) => {
      release = r;
    });
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        db.tx(async (tx) => {
          await audit(tx, CLERK, 'person.update', 'person', String(i), null, { i }, T);
          if (++inside === 8) release();
          await allIn;
          await audit(tx, CLERK, 'person.update', 'person', String(i), null, { i, again: true }, T);
        }),
      ),
    );
    const streams = await db.query<{ n: number }>('SELECT count(DISTINCT stream)::int AS n FROM audit_entry');
    assert.equal(streams[0].n, 8);
    // both entries of a transaction follow each other on its stream
    const pairs = await db.query<{ seqs: number[] }>(
      'SELECT array_agg(seq ORDER BY seq) AS seqs FROM audit_entry GROUP BY stream',
    );
    assert.ok(pairs.every((p) => p.seqs.join() === '1,2'));
    assert.equal((await verifyChain(db)).ok, true);
  } finally {
    await drop();
  }
});

test('the application role may append audit entries but not change them (PostgreSQL grants)', {
  skip: !process.env.TEST_DATABASE_URL,
}, async () => {
  const { db, drop } = await freshDb('postgres', 1);
  const role = `yibao_app_t${process.pid}_${Date.now() % 100000}`;
  try {
    await db.query(`CREATE ROLE ${role}`);
    await db.query(
      `DO $$ BEGIN EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${role}', current_schema()); END $$`,
    );
    // a blanket grant, as a DBA might give; audit_restrict_role takes the audit rights back
    await db.query(
      `DO $$ BEGIN EXECUTE format('GRANT ALL ON ALL TABLES IN SCHEMA %I TO ${role}', current_schema()); END $$`,
    );
    await db.query(`SELECT audit_restrict_role('${role}')`);
    await db.tx(async (tx) => {
      await tx.query(`SET LOCAL ROLE ${role}`);
      await audit(tx, CLERK, 'person.update', 'person', '1', null, {}, T);
    });
    for (const sql of [
      "UPDATE audit_entry SET actor_name = 'x'",
      'DELETE FROM audit_entry',
      'TRUNCATE audit_entry',
      'UPDATE audit_chain_head SET last_seq = 0',
    ]) {
      await assert.rejects(
        db.tx(async (tx) => {
          await tx.query(`SET LOCAL ROLE ${role}`);
          await tx.query(sql);
        }),
        /permission denied/,
        sql,
      );
    }
    assert.equal((await verifyChain(db)).ok, true);
  } finally {
    await drop();
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await c.connect();
    await c.query(`DROP ROLE IF EXISTS ${role}`);
    await c.end();
  }
});
