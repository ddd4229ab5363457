// PostgreSQL: a transaction's BEGIN rides with its first statement (src/db/postgres.ts). The
// transaction is real (isolated until COMMIT), a failing first statement rolls back and reports
// its own code every time (also once the statement is prepared), and a transaction that issues
// nothing sends nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshPostgres } from './testing.ts';

const PG = process.env.TEST_DATABASE_URL;

test('BEGIN with the first statement: isolated, committed, rolled back; errors keep their codes', {
  skip: PG ? false : 'TEST_DATABASE_URL 未设置',
}, async () => {
  const a = await freshPostgres(PG!, 1);
  try {
    await a.db.exec('CREATE TABLE yb_t (id int PRIMARY KEY, v text)');
    const ids = async () =>
      (await a.db.query<{ id: number }>('SELECT id FROM yb_t ORDER BY id')).map((r) => r.id);
    await a.db.tx(async (tx) => {
      await tx.query('INSERT INTO yb_t VALUES ($1, $2)', [1, 'a']);
      // the insert's transaction is still open: BEGIN ran before it
      const [r] = await tx.query<{ inTx: boolean }>(
        `SELECT txid_current_if_assigned() IS NOT NULL AS "inTx"`,
      );
      assert.equal(r!.inTx, true);
    });
    // the same first statement many times (prepared from its third sighting on)
    for (let i = 0; i < 5; i++) {
      await assert.rejects(
        a.db.tx((tx) => tx.query('INSERT INTO yb_t VALUES ($1, $2)', [1, 'dup'])),
        (e: { code?: string }) => e.code === '23505',
      );
      await assert.rejects(
        a.db.tx((tx) => tx.query('INSERT INTO yb_t VALUEZ ($1)', [i])),
        (e: { code?: string }) => e.code === '42601',
      );
    }
    await assert.rejects(
      a.db.tx(async (tx) => {
        await tx.query('INSERT INTO yb_t VALUES ($1, $2)', [2, 'b']);
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(await a.db.tx(async () => 'nothing'), 'nothing');
    await a.db.tx(async (tx) => {
      await tx.query('SELECT 1');
      await tx.query('INSERT INTO yb_t VALUES ($1, $2)', [3, 'c']);
    });
    assert.deepEqual(await ids(), [1, 3]);
  } finally {
    await a.drop();
  }
});
