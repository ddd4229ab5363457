// Child process of the import-load bench: import one ledger file into a fresh PGlite (the
// embedded default, whose WASM heap is part of this process) and report the peak resident
// memory, so nothing else the bench holds is counted. Usage: node bench/import-rss.ts <file.csv>
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../src/db/migrate.ts';
import { openPglite } from '../src/db/pglite.ts';
import { SYSTEM_ACTOR } from '../src/modules/audit/audit.ts';
import { importFile } from '../src/modules/import/service.ts';
import { seedCounty, TODAY } from '../src/modules/import/testing.ts';
import { storedFile } from '../src/modules/import/upload.ts';

const file = process.argv[2];
const dir = mkdtempSync(join(tmpdir(), 'yibao-bench-rss-'));
try {
  const db = await openPglite(dir);
  try {
    await migrate(db);
    await seedCounty(db);
    const before = process.resourceUsage().maxRSS;
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
    console.log(
      JSON.stringify({
        status: r.status,
        message: r.message,
        inserted: r.inserted,
        ms,
        beforeKb: before,
        peakKb: process.resourceUsage().maxRSS,
      }),
    );
  } finally {
    await db.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
