import { dbConfigFromEnv, openDb } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';
import { demoMode, firstStart } from './first-start.ts';
import { ensureDemoCounty } from './seed.ts';
import { serve } from './serve.ts';
import type { Command } from './types.ts';
import { ensureWebBuilt } from './web-build.ts';

export const startCommand: Command = {
  summary:
    '迁移数据库、首次启动时生成演示县（内置数据库或 YIBAO_DEMO=1）或首个管理员、构建并启动服务与工作台（npm start）',
  async run() {
    await ensureWebBuilt();
    const db = await openDb(dbConfigFromEnv());
    await migrate(db);
    // accounts: the demo county (embedded default or YIBAO_DEMO=1) or one first admin
    const login = await firstStart(db, demoMode(process.env), () => ensureDemoCounty(db));
    await serve(db, login);
    return -1;
  },
};
