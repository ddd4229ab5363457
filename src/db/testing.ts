// Database fixtures for tests: every database test runs on PGlite, and again on PostgreSQL when
// TEST_DATABASE_URL is set. Each test gets its own fresh database (PGlite: a clone of a migrated
// template; PostgreSQL: a fresh schema), so tests never see each other's data.
import { randomBytes } from 'node:crypto';
import { test, type TestContext } from 'node:test';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { migrate } from './migrate.ts';
import { memoryPglite, pgliteDb } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Db, Engine } from './types.ts';

let template: Promise<PGlite> | undefined;

async function migratedTemplate(): Promise<PGlite> {
  template ??= (async () => {
    const pgl = await memoryPglite();
    await migrate(pgliteDb(pgl));
    return pgl;
  })();
  return template;
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
