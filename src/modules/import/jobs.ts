// Background import jobs inside the server process. Uploads are queued and run one at a time
// (imports are heavy and take one advisory lock anyway); the live progress of the running job is
// kept in memory so the UI's progress bar is answered without touching the database.
import type { Db } from '../../db/types.ts';
import { SYSTEM_ACTOR, audit } from '../audit/index.ts';
import { failInterruptedJobs } from './repository.ts';
import { createJob, type ImportRequest, type Progress, runJob } from './service.ts';
import type { Traffic } from './traffic.ts';

export interface JobRunner {
  /** store the job and queue it; resolves with its id once it is recorded; `after` runs when it ends */
  submit(req: ImportRequest, after?: () => Promise<void>): Promise<number>;
  progress(jobId: number): Progress | undefined;
  /** resolves when every queued job has finished (tests, shutdown) */
  idle(): Promise<void>;
}

/** At start-up, before this process queues anything: close the jobs a stopped process left open. */
export async function recoverInterruptedJobs(db: Db, now: Date): Promise<number[]> {
  return db.tx(async (tx) => {
    const jobs = await failInterruptedJobs(tx, now);
    for (const j of jobs) {
      await audit(
        tx,
        SYSTEM_ACTOR,
        'import.interrupted',
        'import_job',
        j.id,
        { status: j.status },
        {
          status: 'failed',
          file: j.fileName,
        },
      );
    }
    return jobs.map((j) => j.id);
  });
}

export function jobRunner(
  db: Db,
  log: (msg: string, err?: unknown) => void = () => {},
  traffic?: Traffic,
): JobRunner {
  const live = new Map<number, Progress>();
  let tail: Promise<unknown> = Promise.resolve();
  return {
    async submit(req, after) {
      const id = await createJob(db, req);
      live.set(id, { phase: 'queued', total: 0, processed: 0 });
      tail = tail.then(async () => {
        try {
          const r = await runJob(db, id, req, { onProgress: (p) => live.set(id, p), traffic });
          if (r.cause) log(`导入作业 #${id} 失败`, r.cause);
        } catch (e) {
          log(`导入作业 #${id} 无法记录结果`, e);
        } finally {
          live.delete(id);
          await after?.().catch((e) => log(`导入作业 #${id} 的临时文件无法删除`, e));
        }
      });
      return id;
    },
    progress: (id) => live.get(id),
    async idle() {
      for (;;) {
        const t = tail;
        await t;
        if (t === tail) return;
      }
    },
  };
}
