import { mkdirSync } from 'node:fs';
import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { takeDirLock } from './dir-lock.ts';
import { parsers } from './parsers.ts';
import { asTx, type Db, type Queryable } from './types.ts';

// PGlite is one connection: every query and transaction goes through one queue so a query from
// another request can never run inside someone else's open transaction.
class Lock {
  #tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.#tail.then(fn, fn);
    this.#tail = next.catch(() => undefined);
    return next;
  }
}

/**
 * PGlite attaches the statement's parameters (ID numbers, names, phones) to its errors as
 * enumerable fields, which a logger then writes out: keep them for a debugger, hide them from
 * serialisation.
 */
function hideValues(e: unknown): unknown {
  if (e && typeof e === 'object') {
    for (const k of ['params', 'queryOptions']) {
      if (k in e) Object.defineProperty(e, k, { enumerable: false });
    }
  }
  return e;
}

function wrap(pg: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      try {
        const r = await pg.query<T>(sql, params as unknown[]);
        return r.rows;
      } catch (e) {
        throw hideValues(e);
      }
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
    async copyFrom(sql: string, csv: string) {
      // PGlite reads COPY … FROM '/dev/blob' from the blob option
      const fromBlob = sql.replace(/FROM\s+STDIN/i, "FROM '/dev/blob'");
      await pg.query(fromBlob, [], { blob: new Blob([csv]) });
    },
  };
}

export interface PgliteDbOptions {
  /** called after close (the data folder's lock) */
  release?: () => void;
  /** the data folder, whose writability ping() checks; none for an in-memory database */
  dataDir?: string;
}

export function pgliteDb(pg: PGlite, opts: PgliteDbOptions = {}): Db {
  const { release = () => {}, dataDir } = opts;
  const lock = new Lock();
  const plain = wrap(pg);
  return {
    engine: 'pglite',
    async ping() {
      await lock.run(() => plain.query('SELECT 1'));
      // a full disk, a read-only remount or a vanished folder lets reads go on but loses writes
      if (dataDir) {
        const probe = join(dataDir, '.health-probe');
        await writeFile(probe, String(Date.now()));
        await unlink(probe);
      }
    },
    query: (sql, params) => lock.run(() => plain.query(sql, params)),
    exec: (sql) => lock.run(() => plain.exec(sql)),
    copyFrom: (sql, csv) => lock.run(() => plain.copyFrom(sql, csv)),
    tx: (fn) => lock.run(() => pg.transaction(async (t) => fn(asTx(wrap(t as unknown as PGlite))))),
    async close() {
      await lock.run(() => pg.close());
      release();
    },
  };
}

/**
 * The embedded database's shared buffers (YIBAO_PGLITE_SHARED_BUFFERS, a PostgreSQL size such as
 * 16MB; PostgreSQL's 128MB when unset). Setting up 128 MB takes most of PGlite's start (about 3 s
 * on 2 cores against under 1 s for 16 MB): a demo or a test folder starts faster with less.
 */
export function pgliteStart(sharedBuffers = process.env.YIBAO_PGLITE_SHARED_BUFFERS): {
  startParams?: string[];
} {
  if (!sharedBuffers) return {};
  if (!/^\d+(kB|MB|GB)$/.test(sharedBuffers)) {
    throw new Error(`YIBAO_PGLITE_SHARED_BUFFERS 应为 PostgreSQL 的大小，如 16MB：${sharedBuffers}`);
  }
  // on the command line, after PGlite's own: its postgresqlconf option would replace the folder's
  // postgresql.conf (time zone, date style) instead of adding to it
  return { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`] };
}

/** Open (or create) the embedded database in a data folder, guarded by a lock file. */
export async function openPglite(dataDir: string): Promise<Db> {
  const start = pgliteStart();
  mkdirSync(dataDir, { recursive: true });
  const release = takeDirLock(join(dataDir, 'yibao.lock'));
  try {
    const pg = await PGlite.create({ dataDir: join(dataDir, 'pg'), parsers, ...start });
    return pgliteDb(pg, { release, dataDir });
  } catch (e) {
    release();
    throw e;
  }
}

/**
 * A throw-away in-memory database (tests). Its shared buffers are 16 MB, not PostgreSQL's 128 MB:
 * a test database holds a few megabytes, and setting up the larger buffers took most of an
 * instance's start (measured: 3.3 s → 0.7–1.1 s on a loaded 2-core machine), paid by every
 * database test on PGlite.
 */
export async function memoryPglite(loadDataDir?: Blob): Promise<PGlite> {
  return PGlite.create({
    parsers,
    ...pgliteStart('16MB'),
    ...(loadDataDir ? { loadDataDir } : {}),
  });
}
