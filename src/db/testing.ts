// Database fixtures for tests: every database test runs on PGlite, and again on PostgreSQL when
// TEST_DATABASE_URL is set. Each test gets its own fresh database (PGlite: loaded from the dump of a
// migrated one; PostgreSQL: a copy of a migrated template database, or a fresh schema where the role
// may not create databases), so tests never see each other's data.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import pg from 'pg';
import { loadMigrations, loadReferenceFiles, migrate } from './migrate.ts';
import { memoryPglite, pgliteDb } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import { type Db, type Engine, type Tx, txBrand } from './types.ts';

let template: Promise<Blob> | undefined;

/**
 * The migrated template is built once per set of migrations and kept as a data-folder dump (in the
 * temporary directory under the test runner: every test file runs in its own process). Each test's
 * database loads that dump, which costs a third of creating a database and migrating it there, and
 * less than PGlite's clone(), which dumps its source again every time.
 */
function migrationsHash(): string {
  const h = createHash('sha256');
  for (const m of loadMigrations()) h.update(`${m.name}\0${m.sql}\0`);
  for (const f of loadReferenceFiles()) h.update(`${f.table}\0${f.text}\0`);
  return h.digest('hex').slice(0, 16);
}

function templateDumpPath(): string {
  return join(tmpdir(), `yibao-pglite-template-${migrationsHash()}.tar`);
}

function migratedTemplate(): Promise<Blob> {
  template ??= (async () => {
    const path = templateDumpPath();
    // written whole through a rename, never in part
    if (underTestRunner && existsSync(path)) return new Blob([readFileSync(path)]);
    const pgl = await memoryPglite();
    await migrate(pgliteDb(pgl));
    // the template databases are never used by a test: leaving them out makes each load a third shorter
    const others = await pgl.query<{ oid: number }>(
      `SELECT oid::int AS oid FROM pg_database WHERE datname <> current_database()`,
    );
    const full = Buffer.from(await (await pgl.dumpDataDir('none')).arrayBuffer());
    await pgl.close();
    const dump = new Blob([
      new Uint8Array(
        withoutEntries(
          full,
          others.rows.map((r) => `/base/${r.oid}/`),
        ),
      ),
    ]);
    if (underTestRunner) {
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
      renameSync(tmp, path); // atomic: a concurrent process reads the old file or the new one, whole
    }
    return dump;
  })();
  return template;
}

/** A tar archive without the entries whose names start with one of the prefixes. */
function withoutEntries(tar: Buffer, prefixes: string[]): Buffer {
  const kept: Buffer[] = [];
  const field = (h: Buffer, from: number, to: number) =>
    h.subarray(from, to).toString('latin1').replace(/\0.*$/s, '');
  let at = 0;
  while (at + 512 <= tar.length) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break; // the end-of-archive blocks
    const name = field(header, 0, 100);
    const prefix = field(header, 345, 500); // ustar: long names are split into prefix and name
    const path = prefix ? `${prefix}/${name}` : name;
    const size = Number.parseInt(field(header, 124, 136).trim() || '0', 8);
    const length = 512 + Math.ceil(size / 512) * 512;
    if (!prefixes.some((p) => path.startsWith(p))) kept.push(tar.subarray(at, at + length));
    at += length;
  }
  kept.push(Buffer.alloc(1024));
  return Buffer.concat(kept);
}

// Under node's test runner the dump is shared by the files through the temporary directory; other
// users (benches) build their own.
const underTestRunner = process.env.NODE_TEST_CONTEXT !== undefined;

export interface TestDb {
  db: Db;
  drop(): Promise<void>;
  /** PostgreSQL: the connection string of this test's database (its own database or the shared one) */
  url?: string;
  /** PostgreSQL without CREATEDB: the test's schema in the shared database */
  schema?: string;
}

export async function freshPglite(): Promise<TestDb> {
  const db = pgliteDb(await memoryPglite(await migratedTemplate()));
  return { db, drop: () => db.close() };
}

/** The same server, another database. */
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery<T = unknown>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

const templates = new Map<string, Promise<string | null>>();

/**
 * A migrated template database per set of migrations, built once by whichever test process comes
 * first (an advisory lock makes the others wait, a rename makes a half-built one never count).
 * Copying it costs a tenth of migrating a fresh schema. Null when the role may not create databases.
 */
function postgresTemplate(url: string): Promise<string | null> {
  let t = templates.get(url);
  if (!t) {
    t = (async () => {
      const name = `yibao_tpl_${migrationsHash()}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`SELECT pg_advisory_lock(hashtext('yibao test template'))`);
        const found = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
        if (found.rowCount === 0) {
          const building = `${name}_build_${process.pid}`;
          try {
            await admin.query(`CREATE DATABASE ${building}`);
          } catch (e) {
            if ((e as { code?: string }).code === '42501') return null; // no CREATEDB: schemas it is
            throw e;
          }
          const db = openPostgres(withDatabase(url, building), { max: 2 });
          try {
            await migrate(db);
          } finally {
            await db.close();
          }
          // templates of older migrations (and builds a killed process left) are of no further use
          const old = await admin.query<{ datname: string }>(
            `SELECT datname FROM pg_database WHERE left(datname, 10) = 'yibao_tpl_' AND datname NOT IN ($1, $2)`,
            [name, building],
          );
          for (const o of old.rows) await admin.query(`DROP DATABASE IF EXISTS ${o.datname} WITH (FORCE)`);
          await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
        }
        return name;
      } finally {
        await admin.query(`SELECT pg_advisory_unlock(hashtext('yibao test template'))`).catch(() => {});
        await admin.end();
      }
    })();
    templates.set(url, t);
  }
  return t;
}

/**
 * The databases and schemas this process made and has not dropped, dropped on SIGINT or SIGTERM
 * before it exits (a bench stopped with Ctrl-C, a test file its runner stops): an interrupted run
 * used to leave its t_* databases behind. A kill -9 still does.
 */
const undropped = new Map<string, () => Promise<void>>();
let trapped = false;

function dropOnSignal(): void {
  if (trapped) return;
  trapped = true;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      // a server that does not answer does not keep the process from exiting
      setTimeout(() => process.exit(code), 5000).unref();
      void Promise.allSettled([...undropped.values()].map((drop) => drop())).finally(() =>
        process.exit(code),
      );
    });
  }
}

function tracked(name: string, t: TestDb): TestDb {
  undropped.set(name, () => t.drop());
  dropOnSignal();
  return {
    ...t,
    async drop() {
      undropped.delete(name);
      await t.drop();
    },
  };
}

export async function freshPostgres(url: string, poolSize = 10): Promise<TestDb> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const template = await postgresTemplate(url);
  if (template) {
    await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${template}`);
    const dbUrl = withDatabase(url, name);
    // application_name = the database: a test can find (and terminate) exactly its own connections
    const db = openPostgres(dbUrl, { max: poolSize, applicationName: name });
    return tracked(name, {
      db,
      url: dbUrl,
      async drop() {
        await db.close();
        await adminQuery(url, `DROP DATABASE ${name} WITH (FORCE)`);
      },
    });
  }
  await adminQuery(url, `CREATE SCHEMA ${name}`);
  const db = openPostgres(url, { schema: name, max: poolSize, applicationName: name });
  await migrate(db);
  return tracked(name, {
    db,
    url,
    schema: name,
    async drop() {
      await db.close();
      await adminQuery(url, `DROP SCHEMA ${name} CASCADE`);
    },
  });
}

export function testEngines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export function freshDb(engine: Engine, poolSize?: number): Promise<TestDb> {
  return engine === 'pglite' ? freshPglite() : freshPostgres(process.env.TEST_DATABASE_URL!, poolSize);
}

/** Register a test once per engine, each with a fresh migrated database. */
export function dbTest(
  name: string,
  fn: (db: Db, t: TestContext) => Promise<void>,
  engines = testEngines(),
): void {
  for (const engine of engines) {
    test(`${name} [${engine}]`, async (t) => {
      const { db, drop } = await freshDb(engine);
      try {
        await fn(db, t);
      } finally {
        await drop();
      }
    });
  }
}

/**
 * Test factories take a transaction or the database: given the database, the production service or
 * repository they call (which requires a `Tx`) runs in a transaction of its own.
 */
export function inTx<T>(q: Tx | Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return txBrand in q ? fn(q) : q.tx(fn);
}
