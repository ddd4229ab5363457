// Imports give way to the requests being served. An import works in chunks and, between two of
// them, waits until no request is in flight (at most `maxWaitMs`, so a busy server still imports).
// On PGlite, one connection where queries queue in arrival order, this is what keeps a
// settlement from queueing behind import chunks at each of its statements: it waits for at most
// the one chunk running when it arrived. On PostgreSQL it keeps the import's parsing and
// validation from taking the event loop from the HIS calls.
import type { App } from '../../api/context.ts';

export interface Traffic {
  /** resolves when no request is in flight, or after maxWaitMs */
  quiet(maxWaitMs: number): Promise<void>;
}

export function trackTraffic(app: App): Traffic {
  let inflight = 0;
  let waiters: (() => void)[] = [];
  app.addHook('onRequest', async (_req, reply) => {
    inflight++;
    let ended = false;
    // 'close' comes once the response is sent or the client went away, whatever the route did
    reply.raw.once('close', () => {
      if (ended) return;
      ended = true;
      inflight--;
      if (inflight === 0) {
        const w = waiters;
        waiters = [];
        for (const wake of w) wake();
      }
    });
  });
  return {
    quiet(maxWaitMs) {
      if (inflight === 0) return Promise.resolve();
      return new Promise((resolve) => {
        const t = setTimeout(resolve, maxWaitMs);
        waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    },
  };
}
