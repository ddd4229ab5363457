import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './types.ts';

export const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');
/** Reference data: src/db/reference/<table>.csv, a header row of column names, loaded after the migrations. */
export const REFERENCE_DIR = join(import.meta.dirname, 'reference');

export interface Migration {
  id: number;
  name: string;
  sql: string;
  checksum: string;
}

/** Migrations are src/db/migrations/NNN_name.sql, applied in number order. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        id: Number(file.slice(0, 3)),
        name: file.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

export class MigrationChangedError extends Error {}

/** Apply pending migrations, one transaction each, refusing if an applied one was edited. */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    id integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied = new Map(
    (
      await db.query<{ id: number; name: string; checksum: string }>(
        'SELECT id, name, checksum FROM schema_migration',
      )
    ).map((r) => [r.id, r]),
  );
  const done: string[] = [];
  for (const m of migrations) {
    const prior = applied.get(m.id);
    if (prior) {
      if (prior.checksum !== m.checksum) {
        throw new MigrationChangedError(
          `迁移 ${m.name} 已执行过，但文件内容已被修改（校验和不一致）。已执行的迁移不可修改，请新增一个迁移。`,
        );
      }
      continue;
    }
    await db.tx(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migration (id, name, checksum) VALUES ($1, $2, $3)', [
        m.id,
        m.name,
        m.checksum,
      ]);
    });
    done.push(m.name);
  }
  await loadReferenceData(db);
  return done;
}

export interface ReferenceFile {
  table: string;
  columns: string[];
  rows: (string | null)[][];
  text: string;
}

/** The reference files, in name order (plain csv: no quoted commas; an empty cell is null). */
export function loadReferenceFiles(dir = REFERENCE_DIR): ReferenceFile[] {
  return readdirSync(dir)
    .filter((f) => /^[a-z_]+\.csv$/.test(f))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const [head, ...lines] = text.split('\n').filter((l) => l.trim() !== '');
      return {
        table: file.replace(/\.csv$/, ''),
        columns: head.split(',').map((c) => c.trim()),
        rows: lines.map((l) => l.split(',').map((v) => (v.trim() === '' ? null : v.trim()))),
        text,
      };
    });
}

/**
 * Insert the rows a table lacks; a row already there (an admin may have edited it) is kept. Runs on
 * every start, so a code added to the file reaches every installed database.
 */
export async function loadReferenceData(db: Db, files = loadReferenceFiles()): Promise<void> {
  for (const f of files) {
    if (f.rows.length === 0) continue;
    const cols = f.columns.map((c, i) => `$${i + 1}::text[]`).join(', ');
    const params = f.columns.map((_, i) => f.rows.map((r) => r[i] ?? null));
    await db.query(
      `INSERT INTO ${f.table} (${f.columns.join(', ')})
       SELECT * FROM unnest(${cols}) ON CONFLICT DO NOTHING`,
      params,
    );
  }
}
