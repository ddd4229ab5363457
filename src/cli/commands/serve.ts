import cluster from 'node:cluster';
import { buildApp } from '../../api/app.ts';
import { badRequest } from '../../domain/shared/errors.ts';
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

/**
 * How many server processes answer on the port: YIBAO_WORKERS (default 1). On PostgreSQL more than
 * one lets the HIS endpoint use every core (one Node process runs on one: on two cores its event
 * loop, not the database, was the settlement bench's bottleneck); the embedded PGlite is opened by
 * one process only.
 */
export function workersFromEnv(env = process.env): number {
  const raw = env.YIBAO_WORKERS?.trim() || '1';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw badRequest('SERVE_WORKERS_INVALID', `YIBAO_WORKERS 须为 1 至 64 的整数，而不是 ${raw}`);
  }
  return n;
}

/** What the first start does once, before any process answers. */
async function prepare(db: Db, now: Clock): Promise<void> {
  // holidays and 调休 of the years the library knows (idempotent; later years are loaded by an admin)
  await ensureLibraryYears(db, SYSTEM_ACTOR, now());
  // the matter catalogue's entries the bureau does not have yet (its own edits are kept)
  await ensureCatalogue(db, SYSTEM_ACTOR, now());
  // the collection season's daily snapshots up to today, then every ten minutes
  await refreshSnapshots(db, now());
}

/** One process answering on the port; `jobs`: it also runs the background jobs (one process does). */
async function answer(
  db: Db,
  now: Clock,
  o: { demo: boolean; jobs: boolean; banner?: string; extraLog?: string },
) {
  const port = Number(process.env.PORT || 8080);
  const host = process.env.HOST || '0.0.0.0';
  const app = await buildApp(
    { db, now, version: VERSION, demo: o.demo },
    { logger: { level: process.env.LOG_LEVEL || 'info' } },
  );
  const close = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  if (o.jobs) {
    startSnapshotJob(db, now, (e) => app.log.error(e, '征缴快照生成失败'));
    startPaymentAuditJob(db, now, (e) => app.log.error(e, '事中支付审核失败'));
    startEscalationJob(db, now, (e) => app.log.error(e, '容缺逾期督办失败'));
  }
  await app.listen({ port, host });
  if (o.banner !== undefined) {
    app.log.info(`Yibao 医保 ${VERSION} 已启动: http://localhost:${port}  (数据库: ${db.engine})${o.banner}`);
  }
  if (o.extraLog) app.log.info(o.extraLog);
}

const WORKER_JOBS = 'YIBAO_WORKER_JOBS';
const WORKER_DEMO = 'YIBAO_WORKER_DEMO';

/**
 * A worker of `serve` with YIBAO_WORKERS > 1 (node:cluster runs the same command again): it opens
 * the database and answers; the first one also runs the jobs and prints the banner.
 */
export async function serveAsWorker(): Promise<void> {
  const db = await openDb(dbConfigFromEnv());
  const first = process.env[WORKER_JOBS] === '1';
  await answer(db, clockFromEnv(), {
    demo: process.env[WORKER_DEMO] === '1',
    jobs: first,
    banner: first ? `，${workersFromEnv()} 个进程` : undefined,
  });
}

export async function serve(
  db: Db,
  extraLog?: string,
  now: Clock = clockFromEnv(),
  demo = false,
  workers = workersFromEnv(),
): Promise<void> {
  if (workers > 1 && db.engine !== 'postgres') {
    throw badRequest(
      'SERVE_WORKERS_EMBEDDED',
      '内置数据库（PGlite）只能由一个进程打开：多进程（YIBAO_WORKERS > 1）须设置 DATABASE_URL 使用 PostgreSQL',
    );
  }
  await prepare(db, now);
  if (workers === 1) {
    await answer(db, now, { demo, jobs: true, banner: '', extraLog });
    return;
  }
  await db.close();
  if (extraLog) console.log(extraLog);
  // the workers share the port (node:cluster hands each connection to one of them); one that dies
  // is replaced, and the one running the jobs hands them to its replacement
  const fork = (jobs: boolean) => {
    const w = cluster.fork({ [WORKER_JOBS]: jobs ? '1' : '0', [WORKER_DEMO]: demo ? '1' : '0' });
    w.once('exit', (code, signal) => {
      if (stopping) return;
      console.error(`服务进程 ${w.process.pid} 退出（${signal ?? code}），重新启动`);
      fork(jobs);
    });
  };
  let stopping = false;
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  for (let i = 0; i < workers; i++) fork(i === 0);
}

export const serveCommand: Command = {
  summary: '启动服务（不执行迁移与演示数据）',
  async run() {
    if (cluster.isWorker) {
      await serveAsWorker();
      return -1;
    }
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
