import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statementName } from './postgres.ts';
import { dbTest } from './testing.ts';

test('a statement is named on its third sighting, by its text, the same name ever after', () => {
  const sql = `SELECT $1::int + ${Math.random()} AS n`;
  assert.equal(statementName(sql), null);
  assert.equal(statementName(sql), null);
  const name = statementName(sql);
  assert.match(name ?? '', /^y_[0-9a-f]{24}$/);
  assert.equal(statementName(sql), name);
  assert.notEqual(statementName(`${sql} `) ?? 'other', name);
});

dbTest(
  'repeated statements give the same answers, and PostgreSQL keeps them prepared on the connection',
  async (db) => {
    const sql = 'SELECT $1::int * 2 AS n, $2::text AS s';
    await db.tx(async (tx) => {
      for (let i = 0; i < 5; i++) {
        const [row] = await tx.query<{ n: number; s: string }>(sql, [i, `v${i}`]);
        assert.deepEqual(row, { n: i * 2, s: `v${i}` });
      }
      if (db.engine !== 'postgres') return;
      const prepared = await tx.query<{ statement: string }>(
        'SELECT statement FROM pg_prepared_statements WHERE name = $1',
        [statementName(sql)],
      );
      assert.deepEqual(
        prepared.map((p) => p.statement),
        [sql],
      );
    });
  },
);
