import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStream } from 'pg-copy-streams';
import { parsers } from './parsers.ts';
import type { Db, Queryable } from './types.ts';

for (const [oid, fn] of Object.entries(parsers)) pg.types.setTypeParser(Number(oid), fn);

function wrap(c: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await c.query(sql, params as unknown[]);
      return r.rows as T[];
    },
    async exec(sql: string) {
      await c.query(sql);
    },
    async copyFrom(sql: string, csv: string) {
      const client = 'release' in c ? c : await (c as pg.Pool).connect();
      try {
        await pipeline(Readable.from([csv]), client.query(copyFromStream(sql)));
      } finally {
        if (client !== c) (client as pg.PoolClient).release();
      }
    },
  };
}

export interface PostgresOptions {
  max?: number;
  /** run every connection with this search_path (per-test schemas) */
  schema?: string;
}

export function openPostgres(url: string, opts: PostgresOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  const plain = wrap(pool);
  return {
    engine: 'postgres',
    ...plain,
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
