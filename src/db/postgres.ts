import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStream } from 'pg-copy-streams';
import { parsers } from './parsers.ts';
import { asTx, type Db, type Queryable } from './types.ts';
import { asUnavailable } from './unavailable.ts';

for (const [oid, fn] of Object.entries(parsers)) pg.types.setTypeParser(Number(oid), fn);

function wrap(c: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      try {
        const r = await c.query(sql, params as unknown[]);
        return r.rows as T[];
      } catch (e) {
        throw asUnavailable(e);
      }
    },
    async exec(sql: string) {
      try {
        await c.query(sql);
      } catch (e) {
        throw asUnavailable(e);
      }
    },
    async copyFrom(sql: string, csv: string) {
      const client = 'release' in c ? c : await connect(c as pg.Pool);
      let failed: unknown;
      try {
        await pipeline(Readable.from([csv]), client.query(copyFromStream(sql)));
      } catch (e) {
        failed = e;
        throw asUnavailable(e);
      } finally {
        if (client !== c) (client as pg.PoolClient).release(failed instanceof Error ? failed : undefined);
      }
    },
  };
}

async function connect(pool: pg.Pool): Promise<pg.PoolClient> {
  try {
    return await pool.connect();
  } catch (e) {
    throw asUnavailable(e);
  }
}

const logLost = (err: Error) => console.error(`PostgreSQL 连接中断：${err.message}`);

export interface PostgresOptions {
  max?: number;
  /** run every connection with this search_path (per-test schemas) */
  schema?: string;
  /** extra server settings for every connection, e.g. { idle_session_timeout: '1s' } */
  settings?: Record<string, string>;
  /** application_name shown in pg_stat_activity */
  applicationName?: string;
  /** told when the server drops a connection (restart, pg_terminate_backend, idle timeout) */
  onConnectionLost?: (err: Error) => void;
}

export function openPostgres(url: string, opts: PostgresOptions = {}): Db {
  const settings = { ...(opts.schema ? { search_path: opts.schema } : {}), ...opts.settings };
  const options = Object.entries(settings)
    .map(([k, v]) => `-c ${k}=${v}`)
    .join(' ');
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    ...(options ? { options } : {}),
    ...(opts.applicationName ? { application_name: opts.applicationName } : {}),
  });
  // A dropped connection makes the client (idle in the pool, or checked out between two queries)
  // emit 'error'; unheard, that event ends the process. The pool discards the broken client and
  // the next request connects afresh, so hearing it is all that is needed.
  const lost = opts.onConnectionLost ?? logLost;
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', () => {}));
  const plain = wrap(pool);
  return {
    engine: 'postgres',
    ...plain,
    async tx(fn, txOpts) {
      const client = await connect(pool);
      let broken: Error | undefined;
      try {
        // one round trip either way (the simple protocol takes both statements)
        await client.query(txOpts?.asyncCommit ? 'BEGIN; SET LOCAL synchronous_commit = off' : 'BEGIN');
        const result = await fn(asTx(wrap(client)));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch((r: Error) => {
          broken = r; // the connection is gone: do not return it to the pool
        });
        throw asUnavailable(e);
      } finally {
        client.release(broken);
      }
    },
    async ping() {
      await plain.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}
