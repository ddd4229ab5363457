// 事前/事中 at the HIS's pace: 8 concurrent clients call 3101 with a 30-order stay, against the
// real server on PostgreSQL with the demo rules and a few hundred knowledge points. Printed: calls/s
// and p50/p99 latency (target p99 < 30 ms).
import { freshPostgres } from '../src/db/testing.ts';
import { addInstitution, seedCounty } from '../src/modules/settlement/testing.ts';
import { runLoadProcess } from './his-load.ts';
import { startServers } from './his-server.ts';
import { pct, watchMachine } from './machine.ts';

const CLIENTS = 8;
/**
 * server processes, as YIBAO_WORKERS. One: on the 2-core bench machine, which also runs PostgreSQL
 * and the load generator, a second process made every call dearer (interleaved runs: 1.5–1.9 ms of
 * server CPU a call against 1.0–1.3 with one) and the p99 worse (37–40 ms against 22–33)
 */
const WORKERS = Number(process.env.BENCH_WORKERS || 1);
const CALLS = Number(process.env.BENCH_ANALYSIS_CALLS || 4000);
/**
 * calls before the measured ones: 125 a client (each server process's connections, prepared
 * statements and JIT; with 25 a client two processes were still compiling during the measure:
 * 1.8–2.2 ms of CPU a call against 1.3 in a long run)
 */
const WARMUP = 125 * CLIENTS;

export async function runSupervisionApiBench(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const t = await freshPostgres(url, CLIENTS + 2);
  try {
    const creds = await t.db.tx(async (tx) => {
      await seedCounty(tx, '410926');
      await tx.query(
        `INSERT INTO catalogue_item (code, name, kind, chrgitm_lv, price_cap_fen, med_chrgitm_type, valid_from)
         SELECT 'ITEM' || lpad(i::text, 4, '0'), '项目' || i, 'drug', '01', CASE WHEN i % 7 = 0 THEN 5000 END, '09', '2020-01-01'
           FROM generate_series(0, 999) i`,
      );
      await tx.query(
        `INSERT INTO supervision_knowledge (template, item_code, value, batch, valid_from, created_at)
         SELECT t, 'ITEM' || lpad(i::text, 4, '0'),
                CASE t WHEN 'INDICATION' THEN '{"diagnoses": ["E11"]}'::jsonb WHEN 'QUANTITY' THEN '{"max": 2}' ELSE '{"insutypes": ["310"]}' END,
                'B', '2020-01-01', now()
           FROM generate_series(0, 999, 5) i, unnest(ARRAY['INDICATION', 'QUANTITY', 'SCHEME']) t`,
      );
      const out = [];
      for (let k = 0; k < CLIENTS; k++) {
        const code = `H410926${String(100 + k).padStart(5, '0')}`;
        out.push({ code, ...(await addInstitution(tx, { code, level: 2 })) });
      }
      return out;
    });
    const servers = await startServers(t, WORKERS, { record: false, pool: Math.ceil(CLIENTS / WORKERS) + 1 });
    const orders = Array.from({ length: 30 }, (_, j) => ({
      rx_id: `RX${j}`,
      hilist_code: `ITEM${String((j * 37) % 1000).padStart(4, '0')}`,
      cnt: String(1 + (j % 3)),
      pric: '60.00',
      sumamt: (60 * (1 + (j % 3))).toFixed(2),
    }));
    const input = {
      data: {
        trig_scen: '4',
        patient_dtos: [
          {
            patn_id: '4109260000000001',
            gend: '1',
            brdy: '1960-01-01',
            fsi_encounter_dtos: [
              {
                mdtrt_id: 'ZY1',
                adm_date: '2026-03-01 08:00:00',
                dscg_main_dise_codg: 'I10.x00',
                med_mdtrt_type: '2',
                insutype: '390',
                fsi_order_dtos: orders,
              },
            ],
          },
        ],
      },
    };
    // the load generator in a process of its own (bench/his-load.ts), as in the settlement bench
    const watched = watchMachine();
    const result = await runLoadProcess({
      ports: servers.ports,
      creds,
      flows: [],
      repeat: { infno: '3101', input, calls: CALLS, warmup: WARMUP },
    });
    const machine = watched();
    const reports = await servers.stop();
    const cpuMs = reports.reduce((a, r) => a + r.cpuMs, 0);
    // busy time over the load generator's run (warm-up and measure; not its start or sign-ins)
    const loops = reports
      .map((r) => `${pct(r.busyMs / ((result.seconds + result.warmupSeconds) * 1000))} %`)
      .join(', ');
    const { latencies, seconds, warmupLatencies } = result;
    const pOf = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
    };
    const p = pOf(latencies);
    const cold = pOf(warmupLatencies);
    console.log(
      `warm-up (${warmupLatencies.length} calls, not measured): p50 ${cold(0.5).toFixed(1)} ms, p99 ${cold(0.99).toFixed(1)} ms`,
    );
    console.log(
      `3101 with 30 orders, ${CLIENTS} clients: ${(CALLS / seconds).toFixed(0)} calls/s; p50 ${p(0.5).toFixed(1)} ms, p99 ${p(0.99).toFixed(1)} ms (target < 30 ms) ${p(0.99) < 30 ? '✓' : '✗'}; ${WORKERS} server processes, their cpu ${(cpuMs / (CALLS + WARMUP)).toFixed(2)} ms a call, load generator ${((result.cpuSeconds * 1e3) / CALLS).toFixed(2)} ms; server event loops ${loops} busy, machine ${pct(machine.idle)} % idle`,
    );
  } finally {
    await t.drop();
  }
}
