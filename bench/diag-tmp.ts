import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../src/db/migrate.ts';
import { openPglite } from '../src/db/pglite.ts';
import type { Db } from '../src/db/types.ts';
import { SYSTEM_ACTOR } from '../src/modules/audit/audit.ts';
import { importFile } from '../src/modules/import/service.ts';
import { seedCounty, TODAY } from '../src/modules/import/testing.ts';
import { storedFile } from '../src/modules/import/upload.ts';
import { writeLedger } from './ledger.ts';

const dir = mkdtempSync(join(tmpdir(), 'diag-'));
const m0 = process.memoryUsage().rss;
const raw = await openPglite(join(dir, 'pg'));
const m1 = process.memoryUsage().rss;
await migrate(raw);
await seedCounty(raw);
const m2 = process.memoryUsage().rss;
console.log(
  'rss MB start',
  m0 >> 20,
  'open',
  m1 >> 20,
  'migrated',
  m2 >> 20,
  'peak',
  process.resourceUsage().maxRSS >> 10,
);
const slow: string[] = [];
const timed =
  (name: string, f: (...a: any[]) => Promise<any>) =>
  async (...a: any[]) => {
    const t = performance.now();
    try {
      return await f(...a);
    } finally {
      const ms = performance.now() - t;
      if (ms > 80) slow.push(`${ms.toFixed(0)} ms ${name} ${String(a[0]).slice(0, 70).replace(/\s+/g, ' ')}`);
    }
  };
const db: Db = {
  ...raw,
  engine: 'pglite',
  query: timed('q', raw.query),
  copyFrom: timed('copy', raw.copyFrom),
  tx: (fn) =>
    raw.tx((tx) =>
      fn({
        ...tx,
        query: timed('txq', tx.query.bind(tx)),
        copyFrom: timed('txcopy', tx.copyFrom.bind(tx)),
        exec: tx.exec.bind(tx),
      }),
    ),
  close: raw.close,
  exec: raw.exec,
};
let last = performance.now();
const lags: number[] = [];
const iv = setInterval(() => {
  const now = performance.now();
  if (now - last > 60) lags.push(Math.round(now - last));
  last = now;
}, 10);
const file = join(dir, 'l.csv');
await writeLedger(file, '410926', '410926101001', Number(process.argv[2] || 20000));
const t = performance.now();
const r = await importFile(db, {
  kind: 'persons',
  mode: 'all_or_nothing',
  fileName: 'x',
  source: await storedFile(file),
  actor: SYSTEM_ACTOR,
  staffAdmdvs: null,
  today: TODAY,
});
clearInterval(iv);
console.log(r.status, r.inserted, (performance.now() - t).toFixed(0), 'ms');
console.log('loop lags >60ms:', lags.join(' '));
console.log(slow.join('\n'));
console.log('rss now', process.memoryUsage().rss >> 20, 'peak', process.resourceUsage().maxRSS >> 10);
await raw.close();
