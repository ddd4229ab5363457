// Database fixtures for tests: every database test runs on PGlite, and again on PostgreSQL when
// TEST_DATABASE_URL is set. Each test gets its own fresh database (PGlite: a clone of a migrated
// template; PostgreSQL: a fresh schema), so tests never see each other's data.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test, type TestContext } from 'node:test';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { loadMigrations, loadReferenceFiles, migrate } from './migrate.ts';
import { memoryPglite, pgliteDb } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Db, Engine } from './types.ts';

let template: Promise<PGlite> | undefined;

/**
 * The migrated template is built once per set of migrations and kept as a data-folder dump in the
 * temporary directory: every test file runs in its own process, and loading the dump costs a third of
 * creating a database and migrating it there.
 */
function templateDumpPath(): string {
  const h = createHash('sha256');
  for (const m of loadMigrations()) h.update(`${m.name}\0${m.sql}\0`);
  for (const f of loadReferenceFiles()) h.update(`${f.table}\0${f.text}\0`);
  return join(tmpdir(), `yibao-pglite-template-${h.digest('hex').slice(0, 16)}.tar`);
}

async function migratedTemplate(): Promise<PGlite> {
  template ??= (async () => {
    const path = templateDumpPath();
    if (underTestRunner && existsSync(path)) {
      try {
        return await memoryPglite(new Blob([readFileSync(path)]));
      } catch {
        // a damaged dump: build it again below
      }
    }
    const pgl = await memoryPglite();
    await migrate(pgliteDb(pgl));
    if (!underTestRunner) return pgl;
    const dump = await pgl.dumpDataDir('none');
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, path); // atomic: a concurrent process reads the old file or the new one, whole
    return pgl;
  })();
  return template;
}

// Under node's test runner (each test file its own process) the template comes from a dump shared by
// the files, and must be closed at the end: a template loaded from a dump keeps the process alive.
// Other users (benches) build their own and register no hook, which would print a test summary.
const underTestRunner = process.env.NODE_TEST_CONTEXT !== undefined;
if (underTestRunner) {
  after(async () => {
    if (template) await (await template).close();
  });
}

export interface TestDb {
  db: Db;
  drop(): Promise<void>;
}

export async function freshPglite(): Promise<TestDb> {
  const clone = (await (await migratedTemplate()).clone()) as PGlite;
  const db = pgliteDb(clone);
  return { db, drop: () => db.close() };
}

export async function freshPostgres(url: string, poolSize = 10): Promise<TestDb> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  // application_name = the schema: a test can find (and terminate) exactly its own connections
  const db = openPostgres(url, { schema, max: poolSize, applicationName: schema });
  await migrate(db);
  return {
    db,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
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
