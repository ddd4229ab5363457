// The 事后 scan against one sequential scan of the fee-line table (issue 12's main target: ≤ 3×).
// A generated county (never committed): persons, visits (a quarter inpatient), 20 fee lines a visit
// over 200 catalogue items (some capped, gender-, age- and inpatient-restricted), a few hundred
// knowledge points and a sprinkling of violations. Measured in one run on PostgreSQL (N lines,
// BENCH_FEE_LINES, default 1,000,000) and on PGlite (BENCH_PGLITE_LINES, default 1,000,000):
//   事中       the payment audit's evaluation of the arriving lines (each visit once; here all at once)
//   seq scan   SELECT count(*) FROM fee_line WHERE det_item_fee_sumamt >= 0 (warm, best of two)
//   scan       a run of every enabled rule over the whole year, reading the visits' stored results
//   full       the same after a knowledge change, which makes every visit's result stale
import { freshPglite, freshPostgres } from '../src/db/testing.ts';
import type { Db } from '../src/db/types.ts';
import { SYSTEM_ACTOR } from '../src/modules/audit/index.ts';
import { addInstitution, seedCounty } from '../src/modules/settlement/testing.ts';
import {
  addKnowledge,
  createRun,
  executeRun,
  refreshChangedVisits,
} from '../src/modules/supervision/index.ts';

const ADMDVS = '410926';
const LINES_PER_VISIT = 20;

export async function generate(db: Db, lines: number): Promise<void> {
  const visits = Math.ceil(lines / LINES_PER_VISIT);
  const persons = Math.max(100, Math.ceil(visits / 5));
  await db.tx(async (tx) => {
    await seedCounty(tx, ADMDVS);
    for (let k = 0; k < 20; k++) {
      await addInstitution(tx, {
        code: `H${ADMDVS}${String(100 + k).padStart(5, '0')}`,
        level: ((k % 3) + 1) as 1 | 2 | 3,
        kind: k % 3 === 0 ? 'township_health_centre' : 'hospital',
      });
    }
    await tx.query(
      `INSERT INTO catalogue_item (code, name, kind, chrgitm_lv, price_cap_fen, med_chrgitm_type, gender_limit, min_age, max_age,
                                   inpatient_only, valid_from)
       SELECT 'ITEM' || lpad(i::text, 4, '0'), '项目' || i, 'drug', CASE WHEN i % 10 < 6 THEN '01' WHEN i % 10 < 9 THEN '02' ELSE '03' END,
              CASE WHEN i % 7 = 0 THEN 90000 WHEN i >= 196 THEN 2000 END,
              CASE WHEN i % 25 = 0 THEN '06' WHEN i % 25 = 1 THEN '01' ELSE '09' END,
              CASE WHEN i = 180 THEN '2' END, CASE WHEN i = 181 THEN 18 END, CASE WHEN i = 182 THEN 14 END,
              i = 183, '2020-01-01'
         FROM generate_series(0, 199) i`,
    );
    await tx.query(
      `INSERT INTO person (psn_no, admdvs, certno, name, gender, birth_date, village_code, death_date)
       SELECT $1 || lpad(i::text, 10, '0'), $1, $1 || lpad(i::text, 12, '0'), '参保人', CASE WHEN i % 2 = 0 THEN '1' ELSE '2' END,
              date '1940-01-01' + (i * 37 % 25000), $1 || '101001', CASE WHEN i % 997 = 0 THEN date '2025-06-30' END
         FROM generate_series(1, $2::int) i`,
      [ADMDVS, persons],
    );
    await tx.query(
      `INSERT INTO visit (mdtrt_id, psn_no, admdvs, fixmedins_code, insutype, med_type, inpatient, ipt_otp_no, begin_time,
                          end_time, begin_date, end_date, status, diagnoses, main_diag_code)
       SELECT 'MD' || lpad(i::text, 20, '0'), $1 || lpad((1 + i % $3::int)::text, 10, '0'), $1,
              'H' || $1 || lpad((100 + i % 20)::text, 5, '0'), '390', CASE WHEN i % 4 = 0 THEN '21' ELSE '11' END, i % 4 = 0,
              'NO' || i, d::timestamptz, CASE WHEN i % 4 = 0 THEN (d + 5 + i % 7)::timestamptz END, d,
              CASE WHEN i % 4 = 0 THEN d + 5 + i % 7 END, 'settled',
              jsonb_build_array(jsonb_build_object('code', CASE WHEN i % 3 = 0 THEN 'I10.x00' ELSE 'J06.900' END)),
              CASE WHEN i % 3 = 0 THEN 'I10.x00' ELSE 'J06.900' END
         FROM generate_series(1, $2::int) i, LATERAL (SELECT date '2025-01-01' + (i::bigint * 7919 % 360)::int AS d) x`,
      [ADMDVS, visits, persons],
    );
    await tx.query(
      `INSERT INTO fee_line (mdtrt_id, psn_no, feedetl_sn, med_list_codg, catalogue_item_id, fee_ocur_time, fee_date, cnt, pric_fen,
                             det_item_fee_sumamt, chrgitm_lv, med_chrgitm_type)
       SELECT v.mdtrt_id, v.psn_no, lpad(j::text, 4, '0'), c.code, c.id, v.begin_time, v.begin_date, 1 + (v.n + j) % 4,
              p.pric, p.pric * (1 + (v.n + j) % 4), c.chrgitm_lv, c.med_chrgitm_type
         FROM (SELECT mdtrt_id, psn_no, begin_time, begin_date, substr(mdtrt_id, 3)::bigint AS n FROM visit) v
         CROSS JOIN generate_series(1, ${LINES_PER_VISIT}) j
         -- ordinary baskets; about one line in a hundred is an item with a restriction (180–199)
         JOIN catalogue_item c ON c.code = 'ITEM' || lpad((CASE WHEN (v.n * 7 + j * 13) % 100 = 0 THEN 180 + (v.n + j) % 20
                                                               ELSE (v.n * 31 + j * 17) % 180 END)::text, 4, '0')
         CROSS JOIN LATERAL (SELECT 100 + ((v.n * 13 + j * 7) % 9000) AS pric) p`,
    );
    await tx.query(
      `INSERT INTO supervision_knowledge (template, item_code, value, batch, valid_from, created_at)
       SELECT t, 'ITEM' || lpad(i::text, 4, '0'),
              CASE t WHEN 'SCHEME' THEN '{"insutypes": ["310"]}'::jsonb WHEN 'INSTITUTION_LEVEL' THEN '{"minLevel": 2}'
                     WHEN 'INDICATION' THEN '{"diagnoses": ["I10", "E11"]}' WHEN 'QUANTITY' THEN '{"max": 3}'
                     WHEN 'COURSE' THEN '{"max": 3}' ELSE jsonb_build_object('with', 'ITEM' || lpad(((i + 1) % 200)::text, 4, '0')) END,
              'BENCH', '2020-01-01', now()
         FROM generate_series(184, 199) i,
              unnest(ARRAY['SCHEME', 'INSTITUTION_LEVEL', 'INDICATION', 'QUANTITY', 'COURSE', 'DUPLICATE_PAIR']) t`,
    );
    // a sprinkling of live settlements for the settlement-grain rules (one in ten visits)
    await tx.query(
      `INSERT INTO settlement (setl_id, mdtrt_id, psn_no, admdvs, fixmedins_code, insutype, med_type, clr_type, setl_time, setl_date,
                               benefit_year, kind, lines, steps, medfee_sumamt, fulamt_ownpay_amt, overlmt_selfpay, preselfpay_amt,
                               inscp_scp_amt, act_pay_dedc, hifp_pay, pool_prop_selfpay, hifmi_pay, hifob_pay, maf_pay, oth_pay,
                               fund_pay_sumamt, psn_part_amt, acct_pay, psn_cash_pay)
       SELECT 'ST' || substr(mdtrt_id, 3), mdtrt_id, psn_no, admdvs, fixmedins_code, insutype, med_type,
              CASE WHEN inpatient THEN '21' ELSE '11' END, coalesce(end_time, begin_time), coalesce(end_date, begin_date), 2025,
              'settlement', '[]', '[]', 100000, 10000, 0, 0, 90000, 0, 50000, 40000, 0, 0, 0, 0, 50000, 50000, 0, 50000
         FROM visit WHERE substr(mdtrt_id, 3)::bigint % 10 = 0`,
    );
  });
  await db.exec('ANALYZE');
}

const NOW = new Date('2026-01-05T02:00:00Z');

async function seqScan(db: Db): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    await db.query(`SELECT count(*) FROM fee_line WHERE det_item_fee_sumamt >= 0`);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

async function scan(db: Db): Promise<{ ms: number; hits: number; checked: number; rules: number }> {
  const t0 = performance.now();
  const run = await db.tx((tx) => createRun(tx, { from: '2025-01-01', to: '2025-12-31' }, SYSTEM_ACTOR, NOW));
  const done = await executeRun(db, run.id, () => NOW);
  return {
    ms: performance.now() - t0,
    hits: done.hits,
    checked: done.visitsChecked ?? 0,
    rules: done.rules.length,
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function one(engine: string, db: Db, lines: number): Promise<void> {
  const t0 = performance.now();
  await generate(db, lines);
  const n = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM fee_line`))[0]!.n;
  console.log(`${engine}: ${n.toLocaleString()} fee lines generated in ${s(performance.now() - t0)}`);
  // 事中: the payment audit evaluates each visit's lines once, as they arrive (here all at once)
  const a0 = performance.now();
  const audited = await refreshChangedVisits(db, NOW, 20_000);
  const audit = performance.now() - a0;
  console.log(
    `${engine}: 事中 evaluation of the arriving lines: ${audited.toLocaleString()} visits in ${s(audit)} (${((audit * 1000) / n).toFixed(2)} µs a line)`,
  );
  const seq = await seqScan(db);
  const m = await scan(db);
  const ratio = m.ms / seq;
  console.log(
    `${engine}: seq scan ${s(seq)}; scan of ${m.rules} rules ${s(m.ms)} (${m.hits.toLocaleString()} hits, ${m.checked} visits evaluated again); ratio ${ratio.toFixed(2)} (target ≤ 3) ${ratio <= 3 ? '✓' : '✗'}`,
  );
  // a knowledge point changes the basis: the next scan evaluates every visit again, in one pass
  await db.tx((tx) =>
    addKnowledge(
      tx,
      [
        {
          template: 'QUANTITY',
          itemCode: 'ITEM0001',
          value: { max: 99 },
          batch: 'BENCH2',
          validFrom: '2020-01-01',
          validTo: null,
        },
      ],
      SYSTEM_ACTOR,
      NOW,
    ),
  );
  const full = await scan(db);
  console.log(
    `${engine}: after a knowledge change, scan ${s(full.ms)} (${full.checked.toLocaleString()} visits evaluated again, ${full.hits.toLocaleString()} hits); ratio ${(full.ms / seq).toFixed(2)}`,
  );
}

export async function runSupervisionBench(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const pgLines = Number(process.env.BENCH_FEE_LINES || 1_000_000);
  const pgliteLines = Number(process.env.BENCH_PGLITE_LINES || 1_000_000);
  const pg = await freshPostgres(url, 4);
  try {
    await one('PostgreSQL', pg.db, pgLines);
  } finally {
    await pg.drop();
  }
  if (pgliteLines > 0) {
    const lite = await freshPglite();
    try {
      await one('PGlite', lite.db, pgliteLines);
    } finally {
      await lite.drop();
    }
  }
}
