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
}

/** Mark a connection that is inside an open transaction (the engines' tx implementations only). */
export function asTx(q: Queryable): Tx {
  return Object.assign(q, { [txBrand]: true as const });
}

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

export interface Db extends Queryable {
  readonly engine: Engine;
  /** One transaction: commits when fn resolves, rolls back when it throws. */
  tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Prove the database answers a query now (and, embedded, that its data folder takes writes). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
