// Child process of the import-load bench: import one ledger file into a fresh database and report
// the peak resident memory of this process, so nothing else the bench holds is counted.
// Usage: node bench/import-rss.ts <file.csv> pglite|postgres
// PGlite runs inside this process (its WASM heap is resident here before any import); on
// PostgreSQL this process holds only the import.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../src/db/migrate.ts';
import { openPglite } from '../src/db/pglite.ts';
import { freshPostgres } from '../src/db/testing.ts';
import type { Db } from '../src/db/types.ts';
import { SYSTEM_ACTOR } from '../src/modules/audit/audit.ts';
import { importFile } from '../src/modules/import/service.ts';
import { seedCounty, TODAY } from '../src/modules/import/testing.ts';
import { storedFile } from '../src/modules/import/upload.ts';

const [file, engine = 'pglite'] = process.argv.slice(2);
/** VmHWM: the peak resident set since the last reset, in kB */
const peakKb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN);

async function measure(db: Db) {
  await seedCounty(db);
  // PGlite's start (creating a data folder) peaks far above what it keeps: reset the peak so the
  // figure is the import's (Linux: writing 5 to clear_refs resets VmHWM)
  const startPeakKb = process.resourceUsage().maxRSS;
  let reset = true;
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    reset = false;
  }
  const beforeKb = Math.round(process.memoryUsage().rss / 1024);
  const started = performance.now();
  const r = await importFile(db, {
    kind: 'persons',
    mode: 'all_or_nothing',
    fileName: 'rss.csv',
    source: await storedFile(file),
    actor: SYSTEM_ACTOR,
    staffAdmdvs: null,
    today: TODAY,
  });
  const ms = performance.now() - started;
  const peak = reset ? peakKb() : process.resourceUsage().maxRSS;
  return {
    status: r.status,
    message: r.message,
    inserted: r.inserted,
    ms,
    startPeakKb,
    beforeKb,
    peakKb: peak,
  };
}

if (engine === 'postgres') {
  const pg = await freshPostgres(
    process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
    2,
  );
  try {
    console.log(JSON.stringify(await measure(pg.db)));
  } finally {
    await pg.drop();
  }
} else {
  const dir = mkdtempSync(join(tmpdir(), 'yibao-bench-rss-'));
  try {
    const db = await openPglite(dir);
    try {
      await migrate(db);
      console.log(JSON.stringify(await measure(db)));
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
