// 容缺 督办: broken promises are escalated when the server starts and every hour after, in one
// transaction a run (a handful a day in a county). A year the calendar lacks does not stop it: the
// escalation moves no due date.
import type { Db } from '../../db/types.ts';
import { escalateBrokenPromises } from './service.ts';

const EVERY_MS = 60 * 60_000;

export function startEscalationJob(db: Db, now: () => Date, log: (e: unknown) => void): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await db.tx((tx) => escalateBrokenPromises(tx, now()));
    } catch (e) {
      log(e);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(tick, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
