// Settlement while a large import runs, and an import's memory.
//
// 1. On PGlite (a fresh data folder) and on PostgreSQL (a fresh schema): the real server on a
//    loopback port, the demo policies, 4 institutions signed in and visits registered with their
//    fee lines beforehand. Settlements (2207) are then sent at a fixed rate, open loop, first
//    alone (the baseline) and then while a 250,000-row person ledger is uploaded to the same
//    server (multipart, streamed) and imported by its background job. Latency counts from the moment a settlement was
//    due, so a stalled server shows as the wait it causes. Printed: p50/p99/max during the import.
// 2. A ~60 MB ledger (250,000 rows with a wide 备注 column) imported by a child process into a
//    fresh PGlite; printed: the child's peak resident memory (process.resourceUsage().maxRSS).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildApp } from '../src/api/app.ts';
import { loginAs } from '../src/api/testing.ts';
import { migrate } from '../src/db/migrate.ts';
import { openPglite } from '../src/db/pglite.ts';
import { freshPostgres } from '../src/db/testing.ts';
import type { Db } from '../src/db/types.ts';
import { makeIdNumber } from '../src/domain/registry/id-number.ts';
import { envelope, type HisIdentity, makeMsgid, signedHeaders } from '../src/modules/his/client.ts';
import { type LineSpec, totalOf, wire } from '../src/domain/his/wire-builders.ts';
import { seedDemoPolicies } from '../src/modules/policy/testing.ts';
import { addInstitution, seedCounty } from '../src/modules/settlement/testing.ts';
import { get, post, upload } from './http.ts';
import { writeLedger } from './ledger.ts';

const ADMDVS = '410926';
const VILLAGE = `${ADMDVS}101001`;
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS || 250_000);
const CLIENTS = 4;
const RATE = Number(process.env.BENCH_SETTLE_RATE || 10); // settlements per second
const VISITS = Number(process.env.BENCH_VISITS || 1200);
const BASELINE = 50;
/** BENCH_VERBOSE=1: print slow settlements and the import's phases with their times */
const VERBOSE = Boolean(process.env.BENCH_VERBOSE);
let T0 = 0;
const TARGET = { pglite: 500, postgres: 100 } as const;
const RSS_TARGET_MB = 512;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
const dt = (d: Date) =>
  new Date(d.getTime() + 8 * 3600_000 - 60_000).toISOString().slice(0, 19).replace('T', ' ');
const LINES: LineSpec[] = Array.from({ length: 5 }, (_, i) => ({
  code: `XA${String(i).padStart(21, '0')}`,
  pricFen: 1500 + 700 * i,
  cnt: 1 + (i % 2),
}));

interface Visit {
  psnNo: string;
  certno: string;
  client: number;
  mdtrtId?: string;
}

async function seed(db: Db, visits: Visit[]) {
  return db.tx(async (tx) => {
    await seedCounty(tx, ADMDVS);
    await seedDemoPolicies(tx, ADMDVS, new Date().getFullYear());
    await tx.query(
      `INSERT INTO catalogue_item (code, name, kind, chrgitm_lv, med_chrgitm_type, valid_from)
       SELECT c, '项目' || c, 'drug', '01', '09', '2020-01-01' FROM unnest($1::text[]) AS c`,
      [LINES.map((l) => l.code)],
    );
    const year = new Date().getFullYear();
    await tx.query(
      `WITH p AS (SELECT * FROM unnest($1::text[], $2::text[]) AS t(psn_no, certno))
       INSERT INTO person (psn_no, admdvs, certno, name, gender, birth_date, village_code)
       SELECT psn_no, $3::text, certno, '参保人', CASE WHEN substr(certno, 17, 1)::int % 2 = 1 THEN '1' ELSE '2' END,
              to_date(substr(certno, 7, 8), 'YYYYMMDD'), $4::text FROM p`,
      [visits.map((v) => v.psnNo), visits.map((v) => v.certno), ADMDVS, VILLAGE],
    );
    await tx.query(
      `INSERT INTO enrollment (psn_no, admdvs, insutype, begin_date, end_date, personal_fen, fiscal_fen)
       SELECT psn_no, $2, '390', make_date($3, 1, 1), make_date($3, 12, 31), 40000, 67000 FROM unnest($1::text[]) AS psn_no`,
      [visits.map((v) => v.psnNo), ADMDVS, year],
    );
    const ids: HisIdentity[] = [];
    for (let k = 0; k < CLIENTS; k++) {
      const code = `H${ADMDVS}${String(100 + k).padStart(5, '0')}`;
      const c = await addInstitution(tx, { code, level: 1, kind: 'township_health_centre' });
      ids.push({ fixmedinsCode: code, paasid: c.paasid, secret: c.secret });
    }
    return ids;
  });
}

/** Settle visits[from..to) at RATE per second until `stop()`; latency counts from each due time. */
async function settleAtRate(
  visits: Visit[],
  from: number,
  to: number,
  settle: (v: Visit) => Promise<void>,
  stop: () => boolean,
): Promise<{ latencies: number[]; next: number }> {
  const latencies: number[] = [];
  const inflight: Promise<void>[] = [];
  const start = performance.now();
  let i = from;
  for (let n = 0; i < to && !stop(); n++, i++) {
    const due = start + (n * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    inflight.push(
      settle(visits[i]).then(() => {
        const ms = performance.now() - due;
        latencies.push(ms);
        if (VERBOSE && ms > 250)
          console.log(`    slow settlement due at +${((due - T0) / 1000).toFixed(1)} s: ${ms.toFixed(0)} ms`);
      }),
    );
  }
  await Promise.all(inflight);
  return { latencies, next: i };
}

interface RssFigures {
  status: string;
  message: string;
  inserted: number;
  ms: number;
  startPeakKb: number;
  beforeKb: number;
  peakKb: number;
}

interface Figures {
  baseline: number[];
  during: number[];
  importMs: number;
  exhausted: boolean;
}

async function engineRun(db: Db, ledger: string): Promise<Figures> {
  const visits: Visit[] = Array.from({ length: VISITS }, (_, i) => ({
    psnNo: `${ADMDVS}9${String(i + 1).padStart(9, '0')}`,
    // (birth day, sequence) repeats every 420 visits; sequences from 500 are never the ledger's
    certno: makeIdNumber(
      ADMDVS,
      `19${60 + (i % 30)}-05-${String(1 + (i % 28)).padStart(2, '0')}`,
      500 + Math.floor(i / 420),
    ),
    client: i % CLIENTS,
  }));
  const ids = await seed(db, visits);
  const app = await buildApp({ db, now: () => new Date(), version: 'bench' }, { serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  const agents = ids.map(() => new Agent({ keepAlive: true, maxSockets: 16 }));
  const seqs = ids.map(() => 0);
  const call = async (k: number, infno: string, input: Record<string, unknown>) => {
    const now = new Date();
    const id = ids[k];
    const msgid = makeMsgid(id.fixmedinsCode, now, ++seqs[k]);
    const body = JSON.stringify(envelope(id, infno, msgid, input, now));
    const res = JSON.parse(await post(agents[k], port, signedHeaders(id, now), body));
    if (res.infcode !== 0) throw new Error(`${infno} failed: ${res.err_msg}`);
    return res.output;
  };
  try {
    for (let k = 0; k < CLIENTS; k++) {
      const out = await call(k, '9001', { signIn: { opter_no: '001', mac: '', ip: '' } });
      ids[k].signNo = out.signinoutb.sign_no;
    }
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < visits.length) {
          const v = visits[next++];
          const t = dt(new Date());
          const reg = wire.registration(v.psnNo, '390', t, `MZ${v.psnNo}`, v.certno);
          v.mdtrtId = (await call(v.client, '2201', reg)).data.mdtrt_id;
          await call(v.client, '2204', wire.fees(v.mdtrtId!, v.psnNo, LINES, t));
        }
      }),
    );
    const settle = async (v: Visit) => {
      await call(v.client, '2207', wire.outpatientSettle(v.psnNo, v.mdtrtId!, totalOf(LINES), v.certno));
    };
    const baseline = await settleAtRate(visits, 0, BASELINE, settle, () => false);
    const cookie = await loginAs(app, db, 'clerk');
    let done = false;
    const started = performance.now();
    T0 = performance.now();
    let phase = '';
    const importing = (async () => {
      const jobId = await upload(port, cookie, ledger);
      for (;;) {
        await sleep(500);
        const job = JSON.parse(await get(port, cookie, `/api/import/jobs/${jobId}`));
        if (VERBOSE && job.phase !== phase) {
          phase = job.phase;
          console.log(
            `    +${((performance.now() - T0) / 1000).toFixed(1)} s import ${phase} ${job.processed ?? ''}`,
          );
        }
        if (job.status === 'done' || job.status === 'failed') return job;
      }
    })().finally(() => {
      done = true;
    });
    const during = await settleAtRate(visits, BASELINE, visits.length, settle, () => done);
    const job = await importing;
    const importMs = performance.now() - started;
    if (job.status !== 'done' || job.inserted !== IMPORT_ROWS) {
      throw new Error(`导入未完成: ${job.status} ${job.message}`);
    }
    return {
      baseline: baseline.latencies,
      during: during.latencies,
      importMs,
      exhausted: during.next >= visits.length,
    };
  } finally {
    await app.close();
    for (const a of agents) a.destroy();
  }
}

const fmt = (ms: number) => `${ms.toFixed(0).padStart(5)} ms`;

function report(label: string, f: Figures, target: number) {
  const p99 = percentile(f.during, 99);
  console.log(
    `${label.padEnd(10)} import ${(f.importMs / 1000).toFixed(1)} s; settlement alone p99 ${fmt(percentile(f.baseline, 99))}; ` +
      `during the import (${f.during.length} at ${RATE}/s) p50 ${fmt(percentile(f.during, 50))}, p99 ${fmt(p99)}, ` +
      `max ${fmt(Math.max(...f.during))}  (target p99 < ${target} ms) ${p99 < target ? '✓' : '✗'}` +
      (f.exhausted ? '  [visits ran out before the import ended: raise BENCH_VISITS]' : ''),
  );
}

export async function runImportLoadBench(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const dir = mkdtempSync(join(tmpdir(), 'yibao-bench-load-'));
  try {
    const ledger = join(dir, 'ledger-250k.csv');
    const bytes = await writeLedger(ledger, ADMDVS, VILLAGE, IMPORT_ROWS);
    console.log(
      `${IMPORT_ROWS.toLocaleString('en-US')}-row person ledger (${(bytes / 1e6).toFixed(1)} MB) uploaded and imported while HIS settlements (2207, 5 lines) arrive at ${RATE}/s`,
    );

    const engines = (process.env.BENCH_ENGINES || 'pglite,postgres').split(',');
    if (engines.includes('pglite')) {
      const pgl = await openPglite(join(dir, 'pglite'));
      try {
        await migrate(pgl);
        report('PGlite', await engineRun(pgl, ledger), TARGET.pglite);
      } finally {
        await pgl.close();
      }
    }
    if (engines.includes('postgres')) {
      const pg = await freshPostgres(url, 10);
      try {
        report('PostgreSQL', await engineRun(pg.db, ledger), TARGET.postgres);
      } finally {
        await pg.drop();
      }
    }
    if (process.env.BENCH_SKIP_RSS) return;

    // ~60 MB: 250,000 rows of ~240 bytes (a 61-character 备注 column the import ignores)
    const big = join(dir, 'ledger-60mb.csv');
    const bigBytes = await writeLedger(big, ADMDVS, VILLAGE, IMPORT_ROWS, 61);
    console.log(
      `a ${(bigBytes / 1e6).toFixed(1)} MB ledger (${IMPORT_ROWS.toLocaleString('en-US')} rows, a wide 备注 column) imported by a child process:`,
    );
    for (const engine of ['pglite', 'postgres'] as const) {
      const child = spawnSync(process.execPath, [join(import.meta.dirname, 'import-rss.ts'), big, engine], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      const line = child.stdout.trim().split('\n').at(-1) ?? '';
      if (child.status !== 0 || !line.startsWith('{')) throw new Error(`import-rss failed: ${child.stderr}`);
      const r = JSON.parse(line) as RssFigures;
      const mb = (kb: number) => kb / 1024;
      // PGlite's engine lives in the process: the import's own share is the growth over it
      const own = engine === 'pglite' ? mb(r.peakKb - r.beforeKb) : mb(r.peakKb);
      console.log(
        `  ${engine === 'pglite' ? 'PGlite    ' : 'PostgreSQL'} ${r.status} in ${(r.ms / 1000).toFixed(1)} s; peak RSS ${mb(r.peakKb).toFixed(0)} MB` +
          (engine === 'pglite'
            ? ` (the embedded engine alone: ${mb(r.beforeKb).toFixed(0)} MB resident before the import, ${mb(r.startPeakKb).toFixed(0)} MB peak while creating the database; the import added ${own.toFixed(0)} MB)`
            : ' (the whole process: Node and the import)') +
          `  (target < ${RSS_TARGET_MB} MB) ${own < RSS_TARGET_MB ? '✓' : '✗'}`,
      );
      if (r.status !== 'done') console.log(`    ${r.message}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
