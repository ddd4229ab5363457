// Settlement throughput through the HIS interface on PostgreSQL, against the same SQL without
// HTTP or the engine.
//
// 1. A fresh schema: the demo county, 8 institutions (one per client, levels 1 and 2), 200
//    catalogue items, the demo policies and one person per visit.
// 2. The real server (BENCH_WORKERS processes, as YIBAO_WORKERS; default one per core) on loopback
//    ports; 8 concurrent HTTP clients (in a child process, bench/his-load.ts) each sign in, then run full flows for distinct persons: outpatient (2201 register, 2204 five lines, 2207 settle) and
//    inpatient (2401 admit, 2301 thirty lines, 2402 discharge, 2304 settle). Printed: settlements/s
//    and p50/p99 latency of the settlement call.
// 3. The baseline: every statement the server issues, recorded per transaction (by a second set of
//    servers answering the same visits on a schema of their own, not timed), replayed on a
//    third fresh schema by 8 concurrent workers through the same driver (pg), flow by flow, with
//    no HTTP and no engine. Printed: its settlements/s, the settlement call's statements' p50/p99,
//    and the ratios HTTP / baseline (throughput and p99).
import { availableParallelism } from 'node:os';
import { freshPostgres } from '../src/db/testing.ts';
import type { Db } from '../src/db/types.ts';
import { createRandom } from '../src/domain/demo/random.ts';
import { makeIdNumber } from '../src/domain/registry/id-number.ts';
import type { LineSpec } from '../src/domain/his/wire-builders.ts';
import { seedDemoPolicies } from '../src/modules/policy/testing.ts';
import { addInstitution, seedCounty } from '../src/modules/settlement/testing.ts';
import { type LoadPlan, startLoadProcess } from './his-load.ts';
import { startServers } from './his-server.ts';
import { cpuSpentMs, pct, processesCpuMs, threadTimes, watchMachine } from './machine.ts';
import { attribute, byFlow, profile, replayFlow, type Unit } from './settlement-replay.ts';

const ADMDVS = '410926';
const CLIENTS = Number(process.env.BENCH_CLIENTS || 8);
/**
 * server processes, as YIBAO_WORKERS: one per core (at most one per client), as README's PostgreSQL
 * deployment runs. On the 2-core bench machine, which also runs PostgreSQL and the load generator,
 * one process is the bottleneck: its event loop is 85–90 % busy, it waits for a CPU about as long
 * as it runs, and the machine stays 11–15 % idle. Two cost more CPU a visit (server 4.3–5.5 against
 * 3.6–4.8 ms) but leave 2–8 % idle: ratio 0.81–0.90 against 0.73–0.82 over the same hour's runs
 * (BENCH_WORKERS=1 for one)
 */
const WORKERS = Number(process.env.BENCH_WORKERS || Math.min(availableParallelism(), CLIENTS));
/** each server process's PostgreSQL connections (BENCH_POOL; default one per client it serves, and one more) */
const POOL = Number(process.env.BENCH_POOL || Math.ceil(CLIENTS / WORKERS) + 1);
const FLOWS = Number(process.env.BENCH_SETTLEMENTS || 2000);
/**
 * flows before the measured ones, on both sides (the servers' connections, prepared statements and
 * JIT, and the replay's connections and statements): not timed. 400 for each server process: each
 * compiles on its own, and with the same 400 for two, each had seen half as many visits and was
 * still compiling while measured
 */
const WARMUP = Number(process.env.BENCH_WARMUP_SETTLEMENTS ?? 400 * WORKERS);
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
  return Array.from({ length: WARMUP + FLOWS }, (_, i) => {
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

/**
 * The measured visits in this many rounds, each through the API and then as raw SQL. Eight rounds
 * of 250 rather than four of 500: the machine's speed drifts within seconds, and with four the
 * same code printed ratios from 0.73 to 0.85 (eight runs); with eight, 0.75–0.77 (three).
 */
const ROUNDS = 8;

interface Side {
  seconds: number;
  /** each measured round's seconds */
  rounds: number[];
  latencies: number[];
  loops: number[][];
  idle: (number | null)[];
  /** the whole machine's busy CPU, PostgreSQL's processes' CPU (ms), WAL bytes, context switches */
  machineMs: number;
  pgMs: number;
  wal: number;
  switches: number;
}

const side = (): Side => ({
  seconds: 0,
  rounds: [],
  latencies: [],
  loops: [],
  idle: [],
  machineMs: 0,
  pgMs: 0,
  wal: 0,
  switches: 0,
});

/** One measured phase's readings added to its side's totals (null readings make them NaN). */
function addPhase(
  to: Side,
  p: {
    machine: { busyMs: number | null; switches: number | null; idle: number | null };
    pg: number;
    wal: number;
  },
): void {
  to.machineMs += p.machine.busyMs ?? Number.NaN;
  to.switches += p.machine.switches ?? Number.NaN;
  to.idle.push(p.machine.idle);
  to.pgMs += p.pg;
  to.wal += p.wal;
}

/**
 * Measured in rounds that alternate the two sides, so that a change of the machine's speed during
 * the run (it varies by a third here) falls on both: API then SQL in odd rounds, SQL then API in
 * even ones, so that neither side always runs in what the other left behind, and each phase after
 * a pause (quiet). First the recording servers answer every round's visits (not timed); then, round by round, the measured servers (WORKERS processes,
 * bench/his-server.ts) answer the same visits from the load generator (bench/his-load.ts) on their
 * own database, and the statements recorded for that round are replayed on a third. The warm-up
 * round is run the same way and not timed.
 */
export async function runSettlementBench(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const flows = plan();
  const inpatient = flows.slice(WARMUP).filter((f) => f.inpatient).length;
  console.log(
    `${FLOWS} visits (${FLOWS - inpatient} outpatient × 5 lines, ${inpatient} inpatient × 30 lines), ${CLIENTS} concurrent clients, ${WORKERS} server processes; ${WARMUP} visits before, not measured; ${ROUNDS} rounds API / SQL`,
  );
  const live = await freshPostgres(url, 2);
  const recorded = await freshPostgres(url, 2);
  const replay = await freshPostgres(url, CLIENTS + 2);
  const api = side();
  const sql = side();
  let statements = 0;
  let serverCpuMs = 0;
  let serverWaitMs = 0;
  let loadCpuS = 0;
  let replayCpuMs = 0;
  let replayWaitMs = 0;
  try {
    const creds = await seed(live.db, flows);
    await seed(recorded.db, flows);
    await seed(replay.db, flows);
    // the measured servers do what a deployment's do; the statements to replay come from a second
    // set, recording, that answers the same visits on a database of their own before (keeping
    // every statement's parameters until a round ends cost the measured side memory and collections)
    const servers = await startServers(live, WORKERS, {
      record: false,
      pool: POOL,
    });
    const recorders = await startServers(recorded, WORKERS, {
      record: true,
      pool: POOL,
    });
    const ids = new Map<string, string>();
    const size = Math.ceil(FLOWS / ROUNDS);
    const rounds = [flows.slice(0, WARMUP)];
    for (let r = 0; r < ROUNDS; r++) rounds.push(flows.slice(WARMUP + r * size, WARMUP + (r + 1) * size));
    // one load generator for the whole run (recording rounds first, so it is warm when measured)
    const loader = startLoadProcess();
    const load = (ports: number[], r: number) =>
      loader.run({ ports, creds, flows: rounds[r]!, seqFrom: r * 1000 } satisfies LoadPlan);
    let recording = true;
    try {
      // every round's statements, recorded before anything is measured (the recording's writes,
      // and what PostgreSQL does after them, stay out of the measured rounds)
      const recordings = [];
      for (const r of rounds.keys()) {
        await recorders.report();
        const answered = await load(recorders.ports, r);
        recordings.push({ recording: answered, units: (await recorders.report()).flatMap((x) => x.units) });
      }
      await recorders.stop();
      recording = false;
      // the recorded writes flushed now rather than by a checkpoint during a measured round (it
      // takes a superuser; without one, as it comes)
      await live.db.exec('CHECKPOINT').catch(() => undefined);
      for (const r of rounds.keys()) {
        const measured = r > 0;
        const { recording, units } = recordings[r]!;
        const byMsgid = new Map(recording.messages.map(([m, flow]) => [m, { flow, msgid: m }]));
        attribute(units, (p) => (typeof p === 'string' ? byMsgid.get(p) : undefined));
        const settle = new Set(recording.messages.filter(([, , s]) => s).map(([m]) => m));
        const flowsById = byFlow(units);
        const setup = [...flowsById.entries()].filter(([k]) => k.startsWith('setup-')).map(([, u]) => u);
        const work = [...flowsById.entries()].filter(([k]) => !k.startsWith('setup-')).map(([, u]) => u);
        const throughApi = async () => {
          await quiet();
          await servers.report(); // from here
          const walBefore = await walBytes(live.db);
          const watched = watchMachine();
          const pgBefore = processesCpuMs('postgres');
          const result = await load(servers.ports, r);
          const machine = watched();
          const pgAfter = processesCpuMs('postgres');
          const wal = (await walBytes(live.db)) - walBefore;
          return { result, machine, wal, pg: cpuSpentMs(pgBefore, pgAfter), reports: await servers.report() };
        };
        const asSql = async () => {
          // the clients' sign-ins, then the round's visits
          for (const u of setup) await replayFlow(replay.db, u, ids);
          await quiet();
          const walBefore = await walBytes(live.db);
          const pgBefore = processesCpuMs('postgres');
          const replayed = await replayRound(replay.db, work, ids, (m) => m !== undefined && settle.has(m));
          const pg = cpuSpentMs(pgBefore, processesCpuMs('postgres'));
          return { replayed, pg, wal: (await walBytes(live.db)) - walBefore };
        };
        // every other round the other way round (SQL, then API)
        let a: Awaited<ReturnType<typeof throughApi>>;
        let q: Awaited<ReturnType<typeof asSql>>;
        if (r % 2 === 0) {
          q = await asSql();
          a = await throughApi();
        } else {
          a = await throughApi();
          q = await asSql();
        }
        if (!measured) continue;
        const { result, reports } = a;
        const { replayed } = q;
        api.seconds += result.seconds;
        api.rounds.push(result.seconds);
        api.latencies.push(...result.latencies);
        // busy time over the load generator's measured run (not its start or sign-ins)
        api.loops.push(reports.map((x) => x.busyMs / (result.seconds * 1000)));
        addPhase(api, a);
        addPhase(sql, { machine: replayed, pg: q.pg, wal: q.wal });
        sql.seconds += replayed.seconds;
        sql.rounds.push(replayed.seconds);
        sql.latencies.push(...replayed.latencies);
        sql.loops.push([replayed.loop]);
        serverCpuMs += reports.reduce((x, y) => x + y.cpuMs, 0);
        serverWaitMs += reports.reduce((x, y) => x + (y.waitMs ?? Number.NaN), 0);
        loadCpuS += result.cpuSeconds;
        replayCpuMs += replayed.cpuMs;
        replayWaitMs += replayed.waitMs ?? Number.NaN;
        statements += work.reduce(
          (x, us) => x + us.reduce((b, u) => b + u.statements.length + (u.tx ? 2 : 0), 0),
          0,
        );
      }
    } finally {
      await loader.stop();
      await servers.stop();
      if (recording) await recorders.stop();
    }
    for (const [name, q] of [
      ['HIS API', live.db],
      ['recorded', recorded.db],
      ['replay', replay.db],
    ] as const) {
      const n = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM settlement`);
      if (n[0]!.n !== WARMUP + FLOWS) {
        throw new Error(`${name}: expected ${WARMUP + FLOWS} settlements, found ${n[0]!.n}`);
      }
    }
  } finally {
    await live.drop();
    await recorded.drop();
    await replay.drop();
  }
  // by round: each server process's event loop (or the replay's) % busy, and the machine's % idle
  const rounds = (s: Side) =>
    `event loop % busy ${s.loops.map((l) => l.map(pct).join('+')).join(', ')}; machine % idle ${s.idle.map(pct).join(', ')}`;
  const http = {
    rate: FLOWS / api.seconds,
    p50: percentile(api.latencies, 50),
    p99: percentile(api.latencies, 99),
  };
  const raw = {
    rate: FLOWS / sql.seconds,
    p50: percentile(sql.latencies, 50),
    p99: percentile(sql.latencies, 99),
  };
  if (process.env.BENCH_PROFILE) {
    const perVisit = (ms: number) => (ms / FLOWS).toFixed(2);
    console.log(
      `  a visit: server cpu ${perVisit(serverCpuMs)} ms (its main threads waited for a CPU ${perVisit(serverWaitMs)} ms); load generator cpu ${perVisit(loadCpuS * 1e3)} ms; replay (SQL only) cpu ${perVisit(replayCpuMs)} ms (waited ${perVisit(replayWaitMs)} ms)`,
    );
    // the whole machine's busy CPU per visit; what is not the node processes' is mostly PostgreSQL
    console.log(
      `  the machine's cpu a visit: HIS API ${perVisit(api.machineMs)} ms (PostgreSQL's processes ${perVisit(api.pgMs)} ms, the rest besides the servers and the load generator ${perVisit(api.machineMs - serverCpuMs - loadCpuS * 1e3 - api.pgMs)} ms); SQL only ${perVisit(sql.machineMs)} ms (PostgreSQL's ${perVisit(sql.pgMs)} ms, the rest besides the replay ${perVisit(sql.machineMs - replayCpuMs - sql.pgMs)} ms)`,
    );
    console.log(
      `  context switches a visit (the machine's): HIS API ${perVisit(api.switches)}; SQL only ${perVisit(sql.switches)}`,
    );
    console.log(
      `  WAL a visit: HIS API ${perVisit(api.wal / 1024)} kB; SQL only ${perVisit(sql.wal / 1024)} kB`,
    );
    for (const [k, v] of [...profile.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) {
      console.log(
        `  ${v.ms.toFixed(0).padStart(6)} ms ${String(v.n).padStart(5)}× ${(v.ms / v.n).toFixed(2)} ms  ${k}`,
      );
    }
  }
  console.log(
    `HIS API:  ${http.rate.toFixed(0)} settlements/s (${api.seconds.toFixed(2)} s); settlement call p50 ${http.p50!.toFixed(1)} ms, p99 ${http.p99!.toFixed(1)} ms; by round: server ${rounds(api)}`,
  );
  console.log(
    `SQL only: ${raw.rate.toFixed(0)} settlements/s (${sql.seconds.toFixed(2)} s); the same ${statements} statements (${(statements / FLOWS).toFixed(1)} per visit counting BEGIN and COMMIT; BEGIN goes out with the first statement) via pg, ${CLIENTS} concurrent; the settlement call's statements p50 ${raw.p50!.toFixed(1)} ms, p99 ${raw.p99!.toFixed(1)} ms; by round: ${rounds(sql)}`,
  );
  const ratio = http.rate / raw.rate;
  // each round's own ratio (its visits over SQL's seconds / the API's), rounds 1, 3 … API first and
  // 2, 4 … SQL first: the spread is the machine's drift within a run, and a difference between
  // the two orders would be a bias the alternation cancels only on average
  const byRound = api.rounds.map((a, i) => sql.rounds[i]! / a);
  const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
  console.log(
    `ratio by round: ${byRound.map((r) => r.toFixed(2)).join(', ')}; API first ${mean(byRound.filter((_, i) => i % 2 === 0)).toFixed(2)}, SQL first ${mean(byRound.filter((_, i) => i % 2 === 1)).toFixed(2)}`,
  );
  console.log(
    `ratio HIS API / SQL only: ${ratio.toFixed(2)} (target ≥ 0.8) ${ratio >= 0.8 ? '✓' : '✗'}; settlement p99 ${http.p99!.toFixed(1)} ms (target < 50 ms) ${http.p99! < 50 ? '✓' : '✗'}, raw SQL p99 ${raw.p99!.toFixed(1)} ms, latency ratio API / SQL p99 ${(http.p99! / raw.p99!).toFixed(2)}`,
  );
}

/**
 * Bytes of WAL written so far (the insert position: exact at any moment, where pg_stat_wal's
 * counters arrive up to a second late from each backend); NaN where it cannot be read.
 */
async function walBytes(db: Db): Promise<number> {
  const rows = await db
    .query<{ bytes: number }>(`SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::float8 AS bytes`)
    .catch(() => []);
  return rows[0]?.bytes ?? Number.NaN;
}

/**
 * A pause before each measured phase, so that what the one before left running in the background
 * (a collection or a compilation finishing in the server or in this process, PostgreSQL's WAL
 * writer) is done before the clock starts rather than counted against the next side.
 */
const quiet = () => new Promise((resolve) => setTimeout(resolve, 300));

/** One round's visits replayed by CLIENTS concurrent workers; the settlement calls' latencies. */
async function replayRound(
  db: Db,
  work: Unit[][],
  ids: Map<string, string>,
  timed: (msgid: string | undefined) => boolean,
) {
  let next = 0;
  const latencies: number[] = [];
  const watched = watchMachine();
  const cpu = process.cpuUsage();
  const times = threadTimes();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < work.length) latencies.push(await replayFlow(db, work[next++]!, ids, timed));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const m = watched();
  const after = threadTimes();
  const waitMs = times && after ? after.waitMs - times.waitMs : null;
  return {
    seconds,
    latencies,
    loop: m.loop,
    idle: m.idle,
    busyMs: m.busyMs,
    switches: m.switches,
    cpuMs: (used.user + used.system) / 1000,
    waitMs,
  };
}
