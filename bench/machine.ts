// What the machine and the server's event loop did during a measured phase: the share of the
// machine's CPU time that was idle (from /proc/stat; on two cores a loop-bound server leaves some)
// and how busy the server's event loop was (a single thread: near 1 it is the bottleneck).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const ticks = (): number[] | null => {
  try {
    return readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  } catch {
    return null; // not Linux
  }
};

/** Start watching; the returned function describes the phase since. */
export function watchMachine(): () => string {
  const t0 = ticks();
  const elu0 = performance.eventLoopUtilization();
  return () => {
    const loop = performance.eventLoopUtilization(elu0).utilization;
    const t1 = ticks();
    const idle =
      t0 && t1
        ? (() => {
            const d = t1.map((x, i) => x - t0[i]!);
            return d[3]! / d.reduce((a, b) => a + b, 0);
          })()
        : null;
    return `server event loop ${Math.round(loop * 100)} % busy${idle === null ? '' : `, machine ${Math.round(idle * 100)} % idle`}`;
  };
}
