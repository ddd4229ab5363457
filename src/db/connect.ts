import { resolve } from 'node:path';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Db } from './types.ts';

export interface DbConfig {
  databaseUrl?: string;
  dataDir: string;
}

export function dbConfigFromEnv(env = process.env): DbConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.YIBAO_DATA_DIR || './data'),
  };
}

/** DATABASE_URL → PostgreSQL server through a `pg` pool; otherwise PGlite in the data folder. */
export function openDb(cfg: DbConfig): Promise<Db> {
  return cfg.databaseUrl ? Promise.resolve(openPostgres(cfg.databaseUrl)) : openPglite(cfg.dataDir);
}
