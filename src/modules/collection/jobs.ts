// The daily snapshot: taken when the server starts and every ten minutes after, so each day's last
// snapshot is the state at (nearly) its end and a day missed while the server was down is filled in.
import type { Db } from '../../db/types.ts';
import { refreshSnapshots } from './service.ts';

const EVERY_MS = 10 * 60_000;

export function startSnapshotJob(db: Db, now: () => Date, log: (e: unknown) => void): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await refreshSnapshots(db, now());
    } catch (e) {
      log(e);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
