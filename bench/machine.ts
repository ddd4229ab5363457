// What the machine did during a measured phase: the share of its CPU time that was idle (from
// /proc/stat; a bottleneck in one process leaves some on two cores), and how busy this process's
// event loop was (one thread: near 100 % it is the bottleneck).
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** The machine's CPU ticks by kind (user, nice, system, idle, iowait …) and its context switches so far. */
const ticks = (): { cpu: number[]; switches: number } | null => {
  try {
    const lines = readFileSync('/proc/stat', 'utf8').split('\n');
    const ctxt = lines.find((l) => l.startsWith('ctxt '));
    return { cpu: lines[0]!.split(/\s+/).slice(1).map(Number), switches: Number(ctxt?.slice(5)) };
  } catch {
    return null; // not Linux
  }
};

/** Start watching; the returned function describes the phase since. */
export function watchMachine(): () => {
  idle: number | null;
  loop: number;
  busyMs: number | null;
  /** context switches on every CPU */
  switches: number | null;
} {
  const t0 = ticks();
  const elu0 = performance.eventLoopUtilization();
  return () => {
    const loop = performance.eventLoopUtilization(elu0).utilization;
    const t1 = ticks();
    let idle: number | null = null;
    let busyMs: number | null = null;
    let switches: number | null = null;
    if (t0 && t1) {
      switches = t1.switches - t0.switches;
      const d = t1.cpu.map((x, i) => x - t0.cpu[i]!);
      const all = d.reduce((a, b) => a + b, 0);
      idle = d[3]! / all;
      // every CPU's time not idle nor waiting on I/O, in clock ticks (USER_HZ, 100 a second)
      busyMs = (all - d[3]! - d[4]!) * 10;
    }
    return { idle, loop, busyMs, switches };
  };
}

/** 0.83 → '83' */
export const pct = (x: number | null) => (x === null ? '?' : String(Math.round(x * 100)));

/**
 * This process's main thread: milliseconds on a CPU and waiting on a run queue (runnable, not
 * running) so far, from /proc (null where there is none). A thread that waits about as long as it
 * runs is short of CPU, whatever its event loop's busy share says.
 */
export function threadTimes(): { runMs: number; waitMs: number } | null {
  try {
    const [run, wait] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8')
      .split(' ')
      .map(Number);
    return { runMs: run! / 1e6, waitMs: wait! / 1e6 };
  } catch {
    return null;
  }
}

/**
 * CPU milliseconds used so far by each of the machine's processes named `comm` (e.g. every
 * PostgreSQL backend), by pid, from /proc/<pid>/stat (null where there is none). Compare two
 * readings with cpuSpentMs: a process that ended between them is left out (with what it used
 * meanwhile), rather than taking everything it ever used off the sum.
 */
export function processesCpuMs(comm: string): Map<string, number> | null {
  try {
    const byPid = new Map<string, number>();
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== comm) continue;
      const fields = stat.slice(close + 2).split(' ');
      // utime, stime (fields 14 and 15), in clock ticks (USER_HZ 100)
      byPid.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    }
    return byPid;
  } catch {
    return null;
  }
}

/** CPU milliseconds the processes of two processesCpuMs readings used between them (NaN without both). */
export function cpuSpentMs(a: Map<string, number> | null, b: Map<string, number> | null): number {
  if (!a || !b) return Number.NaN;
  let ms = 0;
  for (const [pid, now] of b) ms += now - (a.get(pid) ?? 0);
  return ms;
}
