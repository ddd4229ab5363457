import { dbConfigFromEnv, openDb } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';
import { ensureDemoCounty } from './seed.ts';
import { serve } from './serve.ts';
import type { Command } from './types.ts';
import { ensureWebBuilt } from './web-build.ts';

export const startCommand: Command = {
  summary: '迁移数据库、在空库上生成演示县、构建并启动服务与工作台（npm start）',
  async run() {
    await ensureWebBuilt();
    const db = await openDb(dbConfigFromEnv());
    await migrate(db);
    const login = await ensureDemoCounty(db);
    await serve(db, login);
    return -1;
  },
};
