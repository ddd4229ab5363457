// Settlement throughput through the HIS interface on PostgreSQL, against the same SQL without
// HTTP or the engine.
//
// 1. A fresh schema: the demo county, 8 institutions (one per client, levels 1 and 2), 200
//    catalogue items, the demo policies and one person per visit.
// 2. The real server on a random loopback port; 8 concurrent HTTP clients (in a child process,
//    bench/his-load.ts) each sign in, then run full flows for distinct persons: outpatient (2201 register, 2204 five lines, 2207 settle) and
//    inpatient (2401 admit, 2301 thirty lines, 2402 discharge, 2304 settle). Printed: settlements/s
//    and p50/p99 latency of the settlement call.
// 3. The baseline: every statement the server issued, recorded per transaction, replayed on a
//    second fresh schema by 8 concurrent workers through the same driver (pg), flow by flow, with
//    no HTTP and no engine. Printed: its settlements/s, the settlement call's statements' p50/p99,
//    and the ratios HTTP / baseline (throughput and p99).
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/api/app.ts';
import { freshPostgres } from '../src/db/testing.ts';
import type { Db } from '../src/db/types.ts';
import { createRandom } from '../src/domain/demo/random.ts';
import { makeIdNumber } from '../src/domain/registry/id-number.ts';
import type { LineSpec } from '../src/domain/his/wire-builders.ts';
import { seedDemoPolicies } from '../src/modules/policy/testing.ts';
import { addInstitution, seedCounty } from '../src/modules/settlement/testing.ts';
import { type LoadPlan, runLoadProcess } from './his-load.ts';
import { watchMachine } from './machine.ts';
import { byFlow, profile, recording, replayFlow } from './settlement-replay.ts';

const ADMDVS = '410926';
const CLIENTS = 8;
const FLOWS = Number(process.env.BENCH_SETTLEMENTS || 2000);
const INPATIENT_SHARE = 0.25;
const ITEMS = 200;

interface Flow {
  id: string;
  psnNo: string;
  certno: string;
  inpatient: boolean;
  lines: LineSpec[];
}

const itemCode = (i: number) =>
  `X${'ABC'[i % 10 < 6 ? 0 : i % 10 < 9 ? 1 : 2]}${String(i).padStart(21, '0')}`;

async function seed(db: Db, flows: Flow[]): Promise<{ code: string; paasid: string; secret: string }[]> {
  return db.tx(async (tx) => {
    await seedCounty(tx, ADMDVS);
    await seedDemoPolicies(tx, ADMDVS, 2026);
    const codes = Array.from({ length: ITEMS }, (_, i) => itemCode(i));
    await tx.query(
      `INSERT INTO catalogue_item (code, name, kind, chrgitm_lv, price_cap_fen, med_chrgitm_type, valid_from)
       SELECT c, '项目' || c, 'drug', CASE substr(c, 2, 1) WHEN 'A' THEN '01' WHEN 'B' THEN '02' ELSE '03' END,
              CASE WHEN right(c, 1) = '7' THEN 5000 END, '09', '2020-01-01'
         FROM unnest($1::text[]) AS c`,
      [codes],
    );
    await tx.query(
      `WITH p AS (SELECT * FROM unnest($1::text[], $2::text[], $3::date[]) AS t(psn_no, certno, birth))
       INSERT INTO person (psn_no, admdvs, certno, name, gender, birth_date, village_code)
       SELECT psn_no, $4::text, certno, '参保人', CASE WHEN substr(certno, 17, 1)::int % 2 = 1 THEN '1' ELSE '2' END, birth, $4::text || '101001' FROM p`,
      [
        flows.map((f) => f.psnNo),
        flows.map((f) => f.certno),
        flows.map((f) => `19${50 + (Number(f.id) % 40)}-03-0${1 + (Number(f.id) % 9)}`),
        ADMDVS,
      ],
    );
    await tx.query(
      `INSERT INTO enrollment (psn_no, admdvs, insutype, begin_date, end_date, personal_fen, fiscal_fen)
       SELECT psn_no, $2, '390', '2026-01-01', '2026-12-31', 40000, 67000 FROM unnest($1::text[]) AS psn_no`,
      [flows.map((f) => f.psnNo), ADMDVS],
    );
    const creds = [];
    for (let k = 0; k < CLIENTS; k++) {
      const code = `H${ADMDVS}${String(100 + k).padStart(5, '0')}`;
      const c = await addInstitution(tx, {
        code,
        level: k % 2 === 0 ? 1 : 2,
        kind: k % 2 === 0 ? 'township_health_centre' : 'hospital',
      });
      creds.push({ code, ...c });
    }
    return creds;
  });
}

function plan(): Flow[] {
  const r = createRandom(42);
  const pick = () => Math.floor(r.next() * ITEMS);
  return Array.from({ length: FLOWS }, (_, i) => {
    const inpatient = r.next() < INPATIENT_SHARE;
    const certno = makeIdNumber(ADMDVS, `19${50 + (i % 40)}-03-0${1 + (i % 9)}`, Math.floor(i / 360));
    return {
      id: String(i),
      psnNo: `${ADMDVS}${String(i + 1).padStart(10, '0')}`,
      certno,
      inpatient,
      lines: Array.from({ length: inpatient ? 30 : 5 }, () => ({
        code: itemCode(pick()),
        pricFen: 100 + Math.floor(r.next() * 50_000),
        cnt: 1 + Math.floor(r.next() * 3),
      })),
    };
  });
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/** The server in this process; the load generator (bench/his-load.ts) in a child process. */
async function httpPhase(db: Db, flows: Flow[], creds: { code: string; paasid: string; secret: string }[]) {
  const rec = recording(db);
  const app = await buildApp({ db: rec.db, now: () => new Date(), version: 'bench' }, { serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  const watched = watchMachine();
  const cpu = process.cpuUsage();
  const result = await runLoadProcess({ port, creds, flows } satisfies LoadPlan);
  const used = process.cpuUsage(cpu);
  const machine = watched();
  if (process.env.BENCH_PROFILE)
    console.log(
      `  server cpu ${((used.user + used.system) / 1e6).toFixed(2)} s of ${result.seconds.toFixed(2)} s (${((used.user + used.system) / 1e3 / flows.length).toFixed(2)} ms a visit); load generator cpu ${((result.cpuSeconds * 1e3) / flows.length).toFixed(2)} ms a visit`,
    );
  await app.close();
  const byMsgid = new Map(result.messages.map(([m, flow, settle]) => [m, { flow, msgid: m, settle }]));
  rec.attribute((p) => (typeof p === 'string' ? byMsgid.get(p) : undefined));
  const settleMsgids = new Set(result.messages.filter(([, , settle]) => settle).map(([m]) => m));
  return { seconds: result.seconds, latencies: result.latencies, units: rec.units, settleMsgids, machine };
}

export async function runSettlementBench(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const flows = plan();
  const inpatient = flows.filter((f) => f.inpatient).length;
  console.log(
    `${FLOWS} visits (${FLOWS - inpatient} outpatient × 5 lines, ${inpatient} inpatient × 30 lines), ${CLIENTS} concurrent clients`,
  );

  const live = await freshPostgres(url, CLIENTS + 2);
  let recorded: Awaited<ReturnType<typeof httpPhase>>;
  try {
    const creds = await seed(live.db, flows);
    recorded = await httpPhase(live.db, flows, creds);
    const n = await live.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM settlement`);
    if (n[0].n !== FLOWS) throw new Error(`expected ${FLOWS} settlements, found ${n[0].n}`);
  } finally {
    await live.drop();
  }
  const http = {
    rate: FLOWS / recorded.seconds,
    p50: percentile(recorded.latencies, 50),
    p99: percentile(recorded.latencies, 99),
  };
  console.log(
    `HIS API:  ${http.rate.toFixed(0)} settlements/s (${recorded.seconds.toFixed(2)} s); settlement call p50 ${http.p50.toFixed(1)} ms, p99 ${http.p99.toFixed(1)} ms; ${recorded.machine}`,
  );

  const flowsById = byFlow(recorded.units);
  const setup = [...flowsById.entries()].filter(([k]) => k.startsWith('setup-')).map(([, u]) => u);
  const work = [...flowsById.entries()].filter(([k]) => !k.startsWith('setup-')).map(([, u]) => u);
  const statements = work.reduce(
    (a, us) => a + us.reduce((b, u) => b + u.statements.length + (u.tx ? 2 : 0), 0),
    0,
  );
  const replay = await freshPostgres(url, CLIENTS + 2);
  try {
    await seed(replay.db, flows);
    const ids = new Map<string, string>();
    for (const s of setup) await replayFlow(replay.db, s, ids);
    let next = 0;
    const sqlLatencies: number[] = [];
    const timed = (m: string | undefined) => m !== undefined && recorded.settleMsgids.has(m);
    const cpu = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < work.length) sqlLatencies.push(await replayFlow(replay.db, work[next++], ids, timed));
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    if (process.env.BENCH_PROFILE)
      console.log(`  replay cpu ${((used.user + used.system) / 1e3 / FLOWS).toFixed(2)} ms a visit`);
    const sqlP50 = percentile(sqlLatencies, 50);
    const sqlP99 = percentile(sqlLatencies, 99);
    const n = await replay.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM settlement`);
    if (n[0].n !== FLOWS) throw new Error(`replay: expected ${FLOWS} settlements, found ${n[0].n}`);
    const rate = FLOWS / seconds;
    if (process.env.BENCH_PROFILE) {
      for (const [k, v] of [...profile.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) {
        console.log(
          `  ${v.ms.toFixed(0).padStart(6)} ms ${String(v.n).padStart(5)}× ${(v.ms / v.n).toFixed(2)} ms  ${k}`,
        );
      }
    }
    console.log(
      `SQL only: ${rate.toFixed(0)} settlements/s (${seconds.toFixed(2)} s); the same ${statements} statements (${(statements / FLOWS).toFixed(1)} per visit incl. BEGIN/COMMIT) via pg, ${CLIENTS} concurrent; the settlement call's statements p50 ${sqlP50.toFixed(1)} ms, p99 ${sqlP99.toFixed(1)} ms`,
    );
    const ratio = http.rate / rate;
    console.log(
      `ratio HIS API / SQL only: ${ratio.toFixed(2)} (target ≥ 0.8) ${ratio >= 0.8 ? '✓' : '✗'}; settlement p99 ${http.p99.toFixed(1)} ms (target < 50 ms) ${http.p99 < 50 ? '✓' : '✗'}, raw SQL p99 ${sqlP99.toFixed(1)} ms, latency ratio API / SQL p99 ${(http.p99 / sqlP99).toFixed(2)}`,
    );
  } finally {
    await replay.drop();
  }
}
