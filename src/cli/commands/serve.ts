import { buildApp } from '../../api/app.ts';
import { dbConfigFromEnv, openDb } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';
import type { Db } from '../../db/types.ts';
import { SYSTEM_ACTOR } from '../../modules/audit/index.ts';
import { ensureLibraryYears } from '../../modules/calendar/index.ts';
import { ensureCatalogue, startEscalationJob } from '../../modules/matter/index.ts';
import { refreshSnapshots, startSnapshotJob } from '../../modules/collection/index.ts';
import { startPaymentAuditJob } from '../../modules/supervision/index.ts';
import { VERSION } from '../../version.ts';
import { type Clock, clockFromEnv } from '../clock.ts';
import type { Command } from './types.ts';

export async function serve(
  db: Db,
  extraLog?: string,
  now: Clock = clockFromEnv(),
  demo = false,
): Promise<void> {
  const port = Number(process.env.PORT || 8080);
  const host = process.env.HOST || '0.0.0.0';
  // holidays and 调休 of the years the library knows (idempotent; later years are loaded by an admin)
  await ensureLibraryYears(db, SYSTEM_ACTOR, now());
  // the matter catalogue's entries the bureau does not have yet (its own edits are kept)
  await ensureCatalogue(db, SYSTEM_ACTOR, now());
  // the collection season's daily snapshots up to today, then every ten minutes
  await refreshSnapshots(db, now());
  const app = await buildApp(
    { db, now, version: VERSION, demo },
    { logger: { level: process.env.LOG_LEVEL || 'info' } },
  );
  const close = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  startSnapshotJob(db, now, (e) => app.log.error(e, '征缴快照生成失败'));
  startPaymentAuditJob(db, now, (e) => app.log.error(e, '事中支付审核失败'));
  startEscalationJob(db, now, (e) => app.log.error(e, '容缺逾期督办失败'));
  await app.listen({ port, host });
  app.log.info(`Yibao 医保 ${VERSION} 已启动: http://localhost:${port}  (数据库: ${db.engine})`);
  if (extraLog) app.log.info(extraLog);
}

export const serveCommand: Command = {
  summary: '启动服务（不执行迁移与演示数据）',
  async run() {
    const db = await openDb(dbConfigFromEnv());
    await migrate(db);
    await serve(db);
    return -1;
  },
};

export const migrateCommand: Command = {
  summary: '执行数据库迁移',
  async run() {
    const db = await openDb(dbConfigFromEnv());
    try {
      const done = await migrate(db);
      console.log(done.length ? `已执行迁移: ${done.join(', ')}` : '数据库已是最新');
      return 0;
    } finally {
      await db.close();
    }
  },
};
