// Transactions are typed: a function that writes or locks takes a `Tx`, which only `Db.tx` hands
// out. The @ts-expect-error lines are the proof, checked by tsc (npm run typecheck): were a `Db` or
// a bare `Queryable` accepted where a `Tx` is required, the directive would itself be an error.
import assert from 'node:assert/strict';
import { dbTest } from './testing.ts';
import { type Db, type Queryable, type Tx, txBrand } from './types.ts';

const writes = async (tx: Tx): Promise<number> => (await tx.query<{ n: number }>('SELECT 1 AS n'))[0].n;
const reads = async (q: Queryable): Promise<number> => (await q.query<{ n: number }>('SELECT 2 AS n'))[0].n;

/** Never run: what tsc must refuse. */
export function refusedAtCompileTime(db: Db, q: Queryable): void {
  // @ts-expect-error the database itself is not a transaction
  void writes(db);
  // @ts-expect-error nor is any other Queryable
  void writes(q);
  // @ts-expect-error nor an object that merely looks like one
  void writes({ query: q.query, exec: q.exec, copyFrom: q.copyFrom });
  // reads take either
  void reads(db);
  void reads(q);
}

dbTest('db.tx hands out a branded transaction; the database carries no brand', async (db) => {
  assert.equal(txBrand in db, false);
  const seen = await db.tx(async (tx) => {
    assert.equal(tx[txBrand], true);
    return [await writes(tx), await reads(tx)];
  });
  assert.deepEqual(seen, [1, 2]);
  assert.equal(await reads(db), 2);
});
