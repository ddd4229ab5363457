// One process per PGlite data folder: two processes can open one folder without error and corrupt
// it. The lock file names its holder by pid AND the process's start time (from /proc), so a holder
// that was killed (-9) counts as gone at once, even while it is an unreaped zombie, and so does an
// unrelated process that later got the same pid.
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { conflict } from '../domain/shared/errors.ts';

interface Holder {
  pid: number;
  /** /proc/<pid>/stat field 22 (clock ticks since boot); null where there is no /proc */
  start: string | null;
}

interface ProcStat {
  state: string;
  start: string;
}

/** The process's state and start time; null: no such process; undefined: no /proc here. */
export function procStat(pid: number): ProcStat | null | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
    try {
      readFileSync('/proc/self/stat');
      return null;
    } catch {
      return undefined;
    }
  }
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0], start: fields[19] };
}

function signalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function holderAlive(h: Holder): boolean {
  const st = procStat(h.pid);
  if (st === undefined) return signalable(h.pid);
  if (st === null) return false;
  // Z: killed and not yet reaped by its parent; X: being torn down
  if (st.state === 'Z' || st.state === 'X') return false;
  return h.start === null || h.start === st.start;
}

function readHolder(path: string): Holder | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch {
    return null; // removed meanwhile
  }
  try {
    const h = JSON.parse(text) as { pid?: unknown; start?: unknown };
    if (typeof h.pid === 'number') return { pid: h.pid, start: typeof h.start === 'string' ? h.start : null };
  } catch {}
  const pid = Number(text); // a lock written by an earlier version: the bare pid
  return Number.isInteger(pid) && pid > 0 ? { pid, start: null } : { pid: 0, start: null };
}

/** Take the folder's lock file or refuse with who holds it; returns the release function. */
export function takeDirLock(path: string): () => void {
  const me: Holder = { pid: process.pid, start: procStat(process.pid)?.start ?? null };
  const content = JSON.stringify({ holder: 'yibao', ...me });
  const tmp = `${path}.${process.pid}.tmp`;
  for (let attempt = 0; ; attempt++) {
    // link() publishes the complete file atomically and fails if a lock exists
    writeFileSync(tmp, content);
    try {
      linkSync(tmp, path);
      return () => {
        try {
          if (readFileSync(path, 'utf8') === content) unlinkSync(path);
        } catch {}
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 2) throw e;
    } finally {
      unlinkSync(tmp);
    }
    const holder = readHolder(path);
    if (holder && holder.pid !== process.pid && holderAlive(holder)) {
      throw conflict('DATA_DIR_LOCKED', `数据目录正被进程 ${holder.pid} 使用（${path}），请先停止该进程`);
    }
    try {
      unlinkSync(path); // left behind by a process that is gone
    } catch {}
  }
}
