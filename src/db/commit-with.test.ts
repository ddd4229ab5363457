// Tx.last: a transaction's last statement commits it — on PostgreSQL with COMMIT in the same
// write. On both engines: what it writes and what came before commits together; when it fails
// (its own error, or COMMIT's: a deferred constraint) nothing of the transaction remains and the
// connection serves the next one; nothing may be issued after it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshDb, testEngines } from './testing.ts';

for (const engine of testEngines()) {
  test(`Tx.last commits with the transaction's last statement [${engine}]`, async () => {
    // one connection: the first transaction prepares COMMIT, the later ones ride on it
    const { db, drop } = await freshDb(engine, 1);
    try {
      await db.exec(`CREATE TABLE yb_last (id int PRIMARY KEY, v text);
        CREATE TABLE yb_late (id int, CONSTRAINT yb_late_u UNIQUE (id) DEFERRABLE INITIALLY DEFERRED)`);
      const ids = async () =>
        (await db.query<{ id: number }>('SELECT id FROM yb_last ORDER BY id')).map((r) => r.id);
      for (let i = 1; i <= 4; i++) {
        const rows = await db.tx(async (tx) => {
          await tx.query('INSERT INTO yb_last VALUES ($1, $2)', [i * 10, 'before']);
          return tx.last<{ id: number }>('INSERT INTO yb_last VALUES ($1, $2) RETURNING id', [
            i * 10 + 1,
            'last',
          ]);
        });
        assert.deepEqual(rows, [{ id: i * 10 + 1 }], 'the last statement’s rows are its own');
      }
      assert.deepEqual(await ids(), [10, 11, 20, 21, 30, 31, 40, 41]);

      // its own failure (a taken key, as the HIS message log uses it): the whole transaction goes
      for (let i = 0; i < 4; i++) {
        await assert.rejects(
          db.tx(async (tx) => {
            await tx.query('INSERT INTO yb_last VALUES ($1, $2)', [100 + i, 'undone']);
            await tx.last('INSERT INTO yb_last VALUES ($1, $2)', [10, 'taken']);
          }),
          (e: { code?: string }) => e.code === '23505',
        );
      }
      // COMMIT's own failure: a deferred unique constraint checked at commit
      await assert.rejects(
        db.tx(async (tx) => {
          await tx.query('INSERT INTO yb_last VALUES ($1, $2)', [200, 'undone']);
          await tx.query('INSERT INTO yb_late VALUES ($1)', [1]);
          await tx.last('INSERT INTO yb_late VALUES ($1)', [1]);
        }),
        (e: { code?: string }) => e.code === '23505',
      );
      assert.deepEqual(await ids(), [10, 11, 20, 21, 30, 31, 40, 41]);
      assert.equal((await db.query('SELECT * FROM yb_late')).length, 0);

      // a transaction whose only statement is its last
      await db.tx((tx) => tx.last('INSERT INTO yb_last VALUES ($1, $2)', [50, 'alone']));
      // nothing after the last statement
      await assert.rejects(
        db.tx(async (tx) => {
          await tx.last('INSERT INTO yb_last VALUES ($1, $2)', [60, 'last']);
          await tx.query('INSERT INTO yb_last VALUES ($1, $2)', [61, 'after']);
        }),
        /不能再执行语句/,
      );
      // (PostgreSQL had committed the last statement; PGlite commits at the end, so it rolls back)
      // the connection is sound afterwards, and the transactions were real: a rollback undoes
      await assert.rejects(
        db.tx(async (tx) => {
          await tx.query('INSERT INTO yb_last VALUES ($1, $2)', [70, 'undone']);
          throw new Error('boom');
        }),
        /boom/,
      );
      const rest = (await ids()).filter((id) => id >= 50);
      assert.deepEqual(rest, engine === 'postgres' ? [50, 60] : [50]);
    } finally {
      await drop();
    }
  });
}
