import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './types.ts';

export const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');

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
  return done;
}
