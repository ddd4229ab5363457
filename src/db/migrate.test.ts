import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations, migrate } from './migrate.ts';
import { dbTest } from './testing.ts';

dbTest('migrations are recorded with checksums and re-running applies nothing', async (db) => {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migration');
  assert.equal(rows[0].n, loadMigrations().length);
  assert.deepEqual(await migrate(db), []);
});

dbTest('a changed applied migration is refused with a clear error', async (db) => {
  const dir = mkdtempSync(join(tmpdir(), 'mig-'));
  writeFileSync(join(dir, '900_extra.sql'), 'CREATE TABLE extra_t (id int);');
  await migrate(db, loadMigrations(dir));
  writeFileSync(join(dir, '900_extra.sql'), 'CREATE TABLE extra_t (id bigint);');
  await assert.rejects(migrate(db, loadMigrations(dir)), /已执行的迁移不可修改/);
});

dbTest('a failing migration rolls back whole and is not recorded', async (db) => {
  const dir = mkdtempSync(join(tmpdir(), 'mig-'));
  writeFileSync(join(dir, '901_broken.sql'), 'CREATE TABLE half_t (id int); SELECT no_such_function();');
  await assert.rejects(migrate(db, loadMigrations(dir)));
  const t = await db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_t'");
  assert.equal(t.length, 0);
});
