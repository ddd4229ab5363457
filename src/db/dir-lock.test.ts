// The PGlite data folder's lock: a live holder is refused; a holder killed with SIGKILL is gone at
// once, even before its parent reaps it (a zombie still answers kill(pid, 0)); a pid now worn by
// another process does not hold the lock.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { procStat, takeDirLock } from './dir-lock.ts';
import { openPglite } from './pglite.ts';

const PGLITE = new URL('./pglite.ts', import.meta.url).href;

/** A second server: opens the folder, writes a row, says ready and stays. */
function holder(dir: string): Promise<ChildProcess> {
  const script = `
    const { openPglite } = await import(${JSON.stringify(PGLITE)});
    const db = await openPglite(${JSON.stringify(dir)});
    await db.exec("CREATE TABLE IF NOT EXISTS kept (v text); INSERT INTO kept VALUES ('before kill -9')");
    console.log('ready');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
}

/** Wait without yielding to the event loop, so Node cannot reap the child meanwhile. */
function spinUntilZombie(pid: number): string | undefined {
  const end = Date.now() + 5000;
  let state: string | undefined;
  while (Date.now() < end) {
    state = procStat(pid)?.state;
    if (state === 'Z' || state === undefined) return state;
  }
  return state;
}

test('a live holder is refused; right after its kill -9 the folder opens at once, data intact', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yibao-lock-'));
  const child = await holder(dir);
  const exited = new Promise((r) => child.once('exit', r));
  try {
    await assert.rejects(openPglite(dir), (e: Error & { code?: string }) => {
      assert.equal(e.code, 'DATA_DIR_LOCKED');
      assert.match(e.message, new RegExp(`数据目录正被进程 ${child.pid} 使用`));
      return true;
    });
    child.kill('SIGKILL');
    // the moment a supervisor restarts the server: the killed holder is dead but not yet reaped
    assert.equal(spinUntilZombie(child.pid!), 'Z');
    const opening = openPglite(dir); // takes the lock synchronously, while the holder is a zombie
    const db = await opening;
    try {
      const rows = await db.query<{ v: string }>('SELECT v FROM kept');
      assert.deepEqual(rows, [{ v: 'before kill -9' }]);
      const lock = JSON.parse(readFileSync(join(dir, 'yibao.lock'), 'utf8'));
      assert.equal(lock.pid, process.pid);
    } finally {
      await db.close();
    }
    assert.equal(existsSync(join(dir, 'yibao.lock')), false, 'close releases the lock');
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
});

test('the lock holds only for the very process that wrote it (pid and start time)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yibao-lock-'));
  const path = join(dir, 'yibao.lock');
  const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  const exited = new Promise((r) => other.once('exit', r));
  try {
    const pid = other.pid!;
    let start: string | undefined;
    for (let i = 0; i < 100 && !start; i++) start = procStat(pid)?.start;
    assert.ok(start, 'the child is visible in /proc');
    writeFileSync(path, JSON.stringify({ holder: 'yibao', pid, start }));
    assert.throws(() => takeDirLock(path), /数据目录正被进程/);
    // the same pid with another start time: a process that reused the number after a reboot or crash
    writeFileSync(path, JSON.stringify({ holder: 'yibao', pid, start: String(Number(start) - 1) }));
    const release = takeDirLock(path);
    assert.equal(JSON.parse(readFileSync(path, 'utf8')).pid, process.pid);
    release();
    assert.equal(existsSync(path), false);
    // a lock file naming a process that no longer exists
    other.kill('SIGKILL');
    await exited;
    writeFileSync(path, JSON.stringify({ holder: 'yibao', pid, start }));
    takeDirLock(path)();
  } finally {
    other.kill('SIGKILL');
  }
});
