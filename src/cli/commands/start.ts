import cluster from 'node:cluster';
import { dbConfigFromEnv, openDb } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';
import { chinaDay } from '../../domain/shared/calendar.ts';
import { hasEntry } from '../../modules/audit/index.ts';
import { clockFromEnv } from '../clock.ts';
import { demoMode, firstStart } from './first-start.ts';
import { ensureDemoCounty } from './seed.ts';
import { serve, serveAsWorker } from './serve.ts';
import type { Command } from './types.ts';
import { ensureWebBuilt } from './web-build.ts';

export const startCommand: Command = {
  summary:
    '迁移数据库、首次启动时生成演示县（内置数据库或 YIBAO_DEMO=1）或首个管理员、构建并启动服务与工作台（npm start）',
  async run() {
    // a worker of a multi-process start (YIBAO_WORKERS > 1): the primary did everything else
    if (cluster.isWorker) {
      await serveAsWorker();
      return -1;
    }
    const now = clockFromEnv();
    await ensureWebBuilt();
    const db = await openDb(dbConfigFromEnv());
    await migrate(db);
    // accounts: the demo county (embedded default or YIBAO_DEMO=1) or one first admin; the demo county
    // is a function of (seed, reference date): the reference date is the clock's day
    const login = await firstStart(db, demoMode(process.env), () =>
      ensureDemoCounty(db, undefined, { today: chinaDay(now()) }),
    );
    // the self-service login shows its codes on the page (演示) only for the demo county
    const demo = demoMode(process.env) && (await hasEntry(db, 'demo.seed'));
    await serve(db, login, now, demo);
    return -1;
  },
};
