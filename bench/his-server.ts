// One server process of the HIS benches: the app on PostgreSQL on a loopback port, as one of the
// YIBAO_WORKERS processes of a deployment (npm run bench starts BENCH_WORKERS of them, default 1,
// and the load generator spreads its clients over their ports as node:cluster spreads
// connections). Optionally records every statement it issues (the settlement bench's baseline).
// Tells its port; on the message 'report' (or 'stop', then it exits) answers with its recording,
// CPU time and event-loop busy time since the last report.
import { fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/api/app.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { threadTimes } from './machine.ts';
import { recording, type Unit } from './settlement-replay.ts';

export interface ServerReport {
  units: Unit[];
  /** CPU milliseconds since listening */
  cpuMs: number;
  /** milliseconds its event loop was busy since the last report */
  busyMs: number;
  /** milliseconds its main thread waited on a run queue since the last report (null: unknown) */
  waitMs: number | null;
}

export interface Servers {
  ports: number[];
  /** each process's report since the last one (its recording handed over and forgotten) */
  report(): Promise<ServerReport[]>;
  stop(): Promise<ServerReport[]>;
}

/** Start `n` server processes on the database at `url`. */
export async function startServers(
  at: { url?: string; schema?: string },
  n: number,
  o: { record: boolean; pool: number },
): Promise<Servers> {
  const children = Array.from({ length: n }, () =>
    fork(import.meta.filename, [at.url ?? '', at.schema ?? '', o.record ? '1' : '0', String(o.pool)], {
      // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each server process, written there when it stops
      execArgv: [
        '--max-semi-space-size=32',
        ...(process.env.BENCH_NODE_FLAGS && !o.record ? process.env.BENCH_NODE_FLAGS.split(' ') : []),
        ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
        // BENCH_PERF=1: JIT code dumps for `perf record -k 1 -g -p <pid>`, then `perf inject --jit`
        // (run where the server's cwd is; it writes jitted-*.so there). --perf-basic-prof's plain
        // symbol map mislabels code whose addresses V8 reuses
        ...(process.env.BENCH_PERF ? ['--perf-prof', '--interpreted-frames-native-stack'] : []),
      ],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  const ports = await Promise.all(
    children.map(
      (c) =>
        new Promise<number>((resolve, reject) => {
          c.once('message', (m) => resolve((m as { port: number }).port));
          c.once('exit', (code) => reject(new Error(`bench server exited ${code}`)));
        }),
    ),
  );
  const ask = (what: 'report' | 'stop') =>
    Promise.all(
      children.map(
        (c) =>
          new Promise<ServerReport>((resolve) => {
            if (what === 'stop') c.removeAllListeners('exit');
            c.once('message', (m) => resolve(m as ServerReport));
            c.send(what);
          }),
      ),
    );
  return { ports, report: () => ask('report'), stop: () => ask('stop') };
}

if (import.meta.main) {
  const [url, schema, record, pool] = process.argv.slice(2);
  const db = openPostgres(url!, { max: Number(pool), ...(schema ? { schema } : {}) });
  const rec = recording(db);
  const app = await buildApp(
    { db: record === '1' ? rec.db : db, now: () => new Date(), version: 'bench' },
    { serveWeb: false },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  let cpu = process.cpuUsage();
  let elu = performance.eventLoopUtilization();
  let times = threadTimes();
  const since = (): ServerReport => {
    const used = process.cpuUsage(cpu);
    const busyMs = performance.eventLoopUtilization(elu).active;
    const now = threadTimes();
    const waitMs = now && times ? now.waitMs - times.waitMs : null;
    const report = { units: rec.units.splice(0), cpuMs: (used.user + used.system) / 1000, busyMs, waitMs };
    cpu = process.cpuUsage();
    elu = performance.eventLoopUtilization();
    times = threadTimes();
    return report;
  };
  process.send!({ port: (app.server.address() as AddressInfo).port });
  // the bench gone (stopped, or failed): so is this process, not left running on its own
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (m) => {
    if (m === 'report') {
      process.send!(since());
      return;
    }
    const report = since();
    await app.close();
    await db.close();
    process.send!(report, () => process.exit(0));
  });
}
