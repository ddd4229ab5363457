// The one database interface every repository is written against. PGlite (embedded) and
// PostgreSQL (`pg` pool) both implement it with the same SQL.

export type Row = Record<string, unknown>;

export interface Queryable {
  /** Run one statement with $1… parameters and return its rows. */
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Run several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** COPY … FROM STDIN with csv text (bulk import). */
  copyFrom(sql: string, csv: string): Promise<void>;
}

/**
 * The brand only the database layer's transactions carry (`Db.tx` hands one out): a function that
 * writes or locks takes a `Tx`, so handing it the database itself, or any bare `Queryable`, fails
 * to compile. Read-only queries take a `Queryable`, which a `Tx` and a `Db` both are.
 */
export const txBrand: unique symbol = Symbol('yibao.tx');

export interface Tx extends Queryable {
  readonly [txBrand]: true;
  /**
   * The transaction's last statement: the transaction commits with it — on PostgreSQL in the same
   * round trip (its COMMIT goes out in the same write). Nothing may be issued after it; when it
   * fails, the transaction rolls back. (Make it fail rather than return nothing when what it
   * finds means the transaction must not commit: a plain INSERT whose duplicate key aborts.)
   */
  last<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/**
 * Mark a connection that is inside an open transaction (the engines' tx implementations only).
 * Without `last`, the last statement is an ordinary one and the transaction commits after it.
 */
export function asTx(q: Queryable, last?: Tx['last']): Tx {
  if (last) return Object.assign(q, { [txBrand]: true as const, last });
  let ended = false;
  const query = q.query.bind(q);
  return Object.assign(q, {
    [txBrand]: true as const,
    query<T>(sql: string, params?: readonly unknown[]) {
      if (ended) return Promise.reject(new Error(AFTER_LAST));
      return query<T>(sql, params);
    },
    async last<T>(sql: string, params?: readonly unknown[]) {
      const rows = await query<T>(sql, params);
      ended = true;
      return rows;
    },
  });
}

/** A statement issued after the transaction's last one (a programming error). */
export const AFTER_LAST = '事务已随其最后一条语句提交，之后不能再执行语句';

export type Engine = 'pglite' | 'postgres';

/**
 * A data-modifying statement that rides inside another one (as one of its CTEs), so both commit
 * together in one round trip. It is fed one jsonb parameter: `sql(param)` is its text given that
 * parameter's SQL expression, `value` the parameter (JSON text).
 */
export interface RidingWrite {
  sql: (param: string) => string;
  value: string;
}

/**
 * A read that rides in another statement as one of its result columns, so a request's next read
 * costs no round trip of its own: `sql(n)` is a scalar subquery yielding jsonb, its parameters
 * numbered from $n; `params` their values.
 */
export interface RidingRead {
  sql: (firstParam: number) => string;
  params: unknown[];
}

export interface Db extends Queryable {
  readonly engine: Engine;
  /** One transaction: commits when fn resolves, rolls back when it throws. */
  tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Prove the database answers a query now (and, embedded, that its data folder takes writes). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
