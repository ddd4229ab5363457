import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStream } from 'pg-copy-streams';
import { parsers } from './parsers.ts';
import { AFTER_LAST, asTx, type Db, type Queryable } from './types.ts';
import { asUnavailable } from './unavailable.ts';

for (const [oid, fn] of Object.entries(parsers)) pg.types.setTypeParser(Number(oid), fn);

// Named prepared statements: a statement with parameters seen a third time is prepared on each
// connection that runs it (PostgreSQL then parses and plans it once per connection, not per call —
// measured: 3101 and settlement about a third more calls a second on 2 cores). The first sightings
// stay unnamed, so a one-off statement built with literals costs nothing; at most STATEMENTS texts
// are followed (beyond that, new texts run unnamed), which bounds what each connection keeps.
const STATEMENTS = 2000;
const sightings = new Map<string, { n: number; name: string | null }>();

export function statementName(sql: string): string | null {
  const seen = sightings.get(sql);
  if (seen?.name) return seen.name;
  if (!seen) {
    if (sightings.size < STATEMENTS) sightings.set(sql, { n: 1, name: null });
    return null;
  }
  seen.n += 1;
  if (seen.n >= 3) seen.name = `y_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
  return seen.name;
}

interface Connection {
  parsedStatements: Record<string, string>;
  bind(m: { portal: string; statement: string; values: unknown[] }): void;
  execute(m: { portal: string }): void;
}

/** BEGIN and COMMIT as statements prepared on each connection (by its first transaction's own). */
const BEGIN = 'yb_begin';
const COMMIT = 'yb_commit';
const prepared = (client: pg.PoolClient, name: string) =>
  (client as unknown as { connection: Connection }).connection.parsedStatements[name] !== undefined;

const Query = pg.Query as unknown as new (
  config: pg.QueryConfig,
  values: undefined,
  callback: (err: Error | undefined, res: pg.QueryResult) => void,
) => object;
const base = pg.Query.prototype as unknown as {
  prepare(c: Connection): void;
  handleCommandComplete(m: unknown, c: Connection): void;
};

/**
 * A statement sent with a transaction-control statement in the same write: the reply carries two
 * CommandCompletes, and only the statement's (the `own`-th, from 0) is the query's.
 */
abstract class Riding extends Query {
  protected abstract readonly own: 0 | 1;
  private completed = 0;

  handleCommandComplete(msg: unknown, connection: Connection): void {
    if (this.completed++ === this.own) base.handleCommandComplete.call(this, msg, connection);
  }
}

/**
 * A transaction's first statement with its BEGIN in the same write: Bind/Execute of the prepared
 * BEGIN, then the statement's messages and one Sync, so the transaction costs no round trip of its
 * own (a wake-up of the backend less per transaction: one of a settlement's eight). The reply
 * carries BEGIN's CommandComplete first, which is not the statement's; then, as for any statement,
 * one ReadyForQuery (inside the transaction now). BEGIN is not parsed here (its ParseComplete would
 * be taken for the statement's).
 */
class BeginWith extends Riding {
  protected readonly own = 1;

  prepare(connection: Connection): void {
    connection.bind({ portal: '', statement: BEGIN, values: [] });
    connection.execute({ portal: '' });
    base.prepare.call(this, connection);
  }
}

/**
 * A transaction's last statement with its COMMIT in the same write: the statement's messages, then
 * Bind/Execute of the prepared COMMIT, then one Sync. The reply carries the statement's
 * CommandComplete, then COMMIT's, then ReadyForQuery (outside the transaction now). When the
 * statement fails, PostgreSQL skips the COMMIT up to the Sync and the transaction is left failed:
 * the caller rolls it back as after any failed statement.
 */
class CommitWith extends Riding {
  protected readonly own = 0;

  _getRows(connection: Connection & { sync(): void }, rows: number | undefined): void {
    connection.execute({ portal: '', ...(rows ? { rows } : {}) } as { portal: string });
    connection.bind({ portal: '', statement: COMMIT, values: [] });
    connection.execute({ portal: '' });
    connection.sync();
  }
}

function riding(
  Kind: typeof BeginWith | typeof CommitWith,
  client: pg.PoolClient,
  sql: string,
  params: readonly unknown[],
): Promise<pg.QueryResult> {
  const name = statementName(sql);
  return new Promise((resolve, reject) => {
    const q = new Kind(
      { text: sql, values: params as unknown[], ...(name ? { name } : {}) },
      undefined,
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    client.query(q as unknown as pg.QueryConfig);
  });
}

function wrap(c: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      try {
        const name = params.length ? statementName(sql) : null;
        const values = params as unknown[];
        const r = name ? await c.query({ name, text: sql, values }) : await c.query(sql, values);
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
    async tx(fn) {
      const client = await connect(pool);
      let broken: Error | undefined;
      // BEGIN goes out with the first statement that has parameters (BeginWith), else alone before
      // the first other one; a transaction that issued nothing sends nothing
      let begun = false;
      // set once the last statement committed the transaction: nothing may follow
      let committed = false;
      const begin = async () => {
        if (!begun) {
          begun = true;
          await client.query({ name: BEGIN, text: 'BEGIN' });
        }
      };
      const open = () => {
        if (committed) throw new Error(AFTER_LAST);
      };
      const onClient = wrap(client);
      const inTx: Queryable = {
        async query<T>(sql: string, params: readonly unknown[] = []) {
          open();
          if (begun || params.length === 0 || !prepared(client, BEGIN)) {
            await begin();
            return onClient.query<T>(sql, params);
          }
          begun = true;
          try {
            return (await riding(BeginWith, client, sql, params)).rows as T[];
          } catch (e) {
            throw asUnavailable(e);
          }
        },
        async exec(sql: string) {
          open();
          await begin();
          return onClient.exec(sql);
        },
        async copyFrom(sql: string, csv: string) {
          open();
          await begin();
          return onClient.copyFrom(sql, csv);
        },
      };
      // the last statement with COMMIT in its write (once this connection has COMMIT prepared);
      // a transaction whose last statement is its first sends BEGIN alone before it
      const last = async <T>(sql: string, params: readonly unknown[] = []): Promise<T[]> => {
        open();
        if (!prepared(client, COMMIT)) return inTx.query<T>(sql, params);
        await begin();
        try {
          const rows = (await riding(CommitWith, client, sql, params)).rows as T[];
          committed = true;
          return rows;
        } catch (e) {
          throw asUnavailable(e);
        }
      };
      try {
        const result = await fn(asTx(inTx, last));
        if (begun && !committed) await client.query({ name: COMMIT, text: 'COMMIT' });
        return result;
      } catch (e) {
        if (begun && !committed) {
          await client.query('ROLLBACK').catch((r: Error) => {
            broken = r; // the connection is gone: do not return it to the pool
          });
        }
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
