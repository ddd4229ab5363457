// The 事后 scan as set-based SQL. The line and visit grains are evaluated once per visit and stored
// (supervision_visit_hit, under a basis: refreshVisits), by the payment audit's job as lines arrive
// or by a scan for the visits of its range that changed or are stale; a scan then copies the stored
// hits into its run. The evaluation reads the fee lines of its visits in one read-only statement that
// PostgreSQL may share among parallel workers: a join to visit, person, institution, catalogue entry
// and knowledge points, grouped by visit into a few sums and the broken lines. The person and
// institution grains read the visits, settlements and stock of the range. Rule conditions are SQL
// built from the fixed template list; parameters are bound values.
import { createHash } from 'node:crypto';
import type { Queryable, Tx } from '../../db/types.ts';
import { type ItemKnowledge, indicationPattern } from '../../domain/supervision/line-rules.ts';
import { oversold, soldShort, type StockInput } from '../../domain/supervision/stock.ts';
import { type ResaleRow, resales } from '../../domain/supervision/trace-codes.ts';
import { type SelfPaidVisit, shiftedToSelfPay } from '../../domain/supervision/selfpay.ts';
import { ITEM_KNOWLEDGE } from './analysis-repo.ts';

/**
 * A line rule: its condition over f (fee_line), v (visit), p (person), i (institution),
 * c (catalogue_item) and k (the knowledge points of the line's item).
 */
const LINE: Record<string, { when: string; amount?: string }> = {
  GENDER: { when: `c.gender_limit IS NOT NULL AND c.gender_limit <> p.gender` },
  AGE: {
    when: `(c.min_age IS NOT NULL OR c.max_age IS NOT NULL)
      AND extract(year FROM age(f.fee_date, p.birth_date))::int NOT BETWEEN coalesce(c.min_age, 0) AND coalesce(c.max_age, 999)`,
  },
  CARE_MODE: { when: `c.inpatient_only AND NOT v.inpatient` },
  PRICE_CAP: {
    when: `c.price_cap_fen IS NOT NULL AND f.pric_fen > c.price_cap_fen`,
    amount: `greatest(0, f.det_item_fee_sumamt - round(c.price_cap_fen * f.cnt))::bigint`,
  },
  SCHEME: { when: `k.schemes IS NOT NULL AND NOT (k.schemes ? v.insutype::text)` },
  INSTITUTION_LEVEL: { when: `k.min_level IS NOT NULL AND coalesce(i.level, 1) < k.min_level` },
  // the visit's diagnosis codes as a JSON array's text, ["I10.x00", "J06.900"], against the item's
  // prefixes as one pattern, "(I10|E11): no subquery, which would keep the pass in one process
  INDICATION: {
    when: `k.indication_re IS NOT NULL AND jsonb_path_query_array(v.diagnoses, '$[*].code')::text !~ k.indication_re`,
  },
  QUANTITY: { when: `k.max_qty IS NOT NULL AND f.cnt > k.max_qty` },
  COURSE: { when: `k.max_course IS NOT NULL AND f.cnt > k.max_course` },
  FEE_OUTSIDE_STAY: {
    when: `v.inpatient AND (f.fee_date < v.begin_date OR (v.end_date IS NOT NULL AND f.fee_date > v.end_date))`,
  },
  AFTER_DEATH_FEE: { when: `p.death_date IS NOT NULL AND f.fee_date > p.death_date` },
};

export const LINE_RULES = Object.keys(LINE);
export const VISIT_RULES = ['CLASS_C_RATIO', 'DUPLICATE_PAIR', 'SURGERY_DISCOUNT', 'BED_DAYS'];
export const PERSON_RULES = [
  'SPLIT_ADMISSION',
  'FREQUENT_VISITS',
  'OVERLAP_CARE',
  'AFTER_DEATH_VISIT',
  'AFTER_DEATH_SETTLEMENT',
];
export const INSTITUTION_RULES = [
  'AVG_COST',
  'SELF_PAY_RATIO',
  'STOCK_BALANCE',
  'TRACE_CODE_RESOLD',
  'SELFPAY_INSURED',
];

export interface ScanRule {
  code: string;
  template: string;
  params: Record<string, unknown>;
}

const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/**
 * The knowledge points valid on a day, one row per item, as the pass reads them: a JSON parameter,
 * not a subquery (whose grouping would keep the pass in one process). An item's indications become
 * one pattern over the visit's diagnosis codes (indicationPattern).
 */
async function knowledgeParam(q: Queryable, on: string): Promise<string> {
  const rows = await q.query<{ item: string; knowledge: ItemKnowledge }>(
    `SELECT k.item_code AS item, ${ITEM_KNOWLEDGE} AS knowledge
       FROM supervision_knowledge k
      WHERE k.valid_from <= $1 AND (k.valid_to IS NULL OR k.valid_to >= $1)
      GROUP BY k.item_code`,
    [on],
  );
  return JSON.stringify(
    rows.map(({ item, knowledge: k }) => ({
      item_code: item,
      schemes: k.schemes ?? null,
      min_level: k.minLevel ?? null,
      indication_re: k.indications ? indicationPattern(k.indications) : null,
      max_qty: k.maxQuantity ?? null,
      max_course: k.maxCourse ?? null,
    })),
  );
}

/** The pass's knowledge parameter as a relation k. */
const knowledge = (param: string) => `
  jsonb_to_recordset(${param}) AS k(item_code text, schemes jsonb, min_level int, indication_re text, max_qty numeric,
                                    max_course numeric)`;

/** The duplicate-charging pairs valid on the range's last day. */
const pairs = (to: string) => `
  SELECT item_code AS a, value->>'with' AS b FROM supervision_knowledge
   WHERE template = 'DUPLICATE_PAIR' AND valid_from <= ${to} AND (valid_to IS NULL OR valid_to >= ${to})`;

/** Every code that is one side of a pair (a) or the other (b), as the pass's parameter. */
async function pairCodesParam(q: Queryable, on: string): Promise<string> {
  const rows = await q.query<{ code: string; a: boolean; b: boolean }>(
    `SELECT code, bool_or(a) AS a, bool_or(b) AS b
       FROM (SELECT a AS code, true AS a, false AS b FROM (${pairs('$1')}) x
             UNION ALL SELECT b, false, true FROM (${pairs('$1')}) y) z
      GROUP BY code`,
    [on],
  );
  return JSON.stringify(rows);
}

/** A fee line with everything its rules read; `k` is the knowledge parameter. */
const lineFrom = (k: string) => `
  fee_line f
  JOIN visit v ON v.mdtrt_id = f.mdtrt_id
  JOIN person p ON p.psn_no = v.psn_no
  JOIN institution i ON i.code = v.fixmedins_code
  LEFT JOIN catalogue_item c ON c.id = f.catalogue_item_id
  LEFT JOIN ${knowledge(k)} ON k.item_code = f.med_list_codg`;

const SURGERY = `(f.med_chrgitm_type = '06' AND c.price_cap_fen IS NOT NULL AND f.pric_fen >= c.price_cap_fen)`;

/** Which visits the pass reads: those that began in a range, or those listed in the temp table scan_todo. */
type Scope = { range: { from: string; to: string } } | { todo: true };

/**
 * The one pass over the fee lines of the scope's visits, into the temp table scan_marked: per visit
 * that broke a line rule or may break a visit rule, a few sums and its broken lines. `on` is the day
 * whose knowledge points apply.
 */
async function markVisits(
  q: Queryable,
  scope: Scope,
  rules: ScanRule[],
  on: string,
  knowledge: string,
): Promise<void> {
  const line = rules.filter((r) => LINE[r.template]);
  const visit = new Map(rules.filter((r) => VISIT_RULES.includes(r.template)).map((r) => [r.template, r]));
  // each line's conditions, evaluated once into a bit set
  const flags = line.length
    ? line.map((r, i) => `CASE WHEN ${LINE[r.template]!.when} THEN ${2 ** i} ELSE 0 END`).join(' + ')
    : '0';
  const classC = visit.get('CLASS_C_RATIO');
  const pair = visit.get('DUPLICATE_PAIR');
  const surgery = visit.get('SURGERY_DISCOUNT');
  const bed = visit.get('BED_DAYS');
  const minC = num(classC?.params.minFen, 50_000);
  // a visit is marked when one of its lines broke a rule or it may break a visit rule
  const marks = [
    line.length ? 'm.flags <> 0' : null,
    classC ? `m.c_amt >= ${minC}` : null,
    pair ? 'm.pair_n >= 2' : null,
    surgery ? `m.surg_n >= ${num(surgery?.params.minCount, 2)}` : null,
    bed ? `m.days IS NOT NULL AND m.bed_units > m.days + ${num(bed?.params.slackDays, 1)}` : null,
  ].filter(Boolean);
  const which =
    'range' in scope
      ? 'v.begin_date BETWEEN $1::date AND $2::date'
      : 'f.mdtrt_id IN (SELECT mdtrt_id FROM scan_todo) AND $1::date IS NULL AND $2::date IS NULL';

  // Read-only, and with only aggregates that combine across workers (scan_list, not array_agg), so
  // that PostgreSQL may share the pass among parallel workers; grouped in memory (work_mem), without
  // JIT (compiling this many expressions costs more than it saves). A broken line is kept as text:
  // its rule bits, amount, amount over the cap and number.
  await q.query(`SET LOCAL work_mem = '256MB'`);
  await q.query(`SET LOCAL jit = off`);
  await q.query(
    `CREATE TEMP TABLE scan_marked ON COMMIT DROP AS
     SELECT * FROM (
       SELECT mdtrt_id, coalesce(sum(amt) FILTER (WHERE lv3), 0) AS c_amt,
              count(*) FILTER (WHERE pair_a OR pair_b) AS pair_n,
              -- each line of a pair item as code@day@amount@number (duplicatePairs, per day)
              scan_list(code || '@' || day || '@' || amt || '@' || sn) FILTER (WHERE pair_a OR pair_b) AS pair_lines,
              count(*) FILTER (WHERE surgery) AS surg_n, sum(amt) FILTER (WHERE surgery) AS surg_amt,
              max(amt) FILTER (WHERE surgery) AS surg_max,
              coalesce(sum(cnt) FILTER (WHERE bed), 0) AS bed_units, sum(amt) FILTER (WHERE bed) AS bed_amt,
              max(stay_days) AS days,
              bit_or(flags) AS flags,
              scan_list(flags || ' ' || amt || ' ' || coalesce(over, 0) || ' ' || sn) FILTER (WHERE flags <> 0) AS broken
         FROM (SELECT f.mdtrt_id, f.feedetl_sn AS sn, f.med_list_codg AS code, f.det_item_fee_sumamt AS amt, f.cnt, f.fee_date AS day,
                      f.chrgitm_lv = '03' AS lv3, pc.a AS pair_a, pc.b AS pair_b, ${SURGERY} AS surgery,
                      f.med_chrgitm_type = '01' AS bed,
                      CASE WHEN v.inpatient THEN coalesce(v.end_date, v.begin_date) - v.begin_date END AS stay_days,
                      CASE WHEN c.price_cap_fen IS NOT NULL AND f.pric_fen > c.price_cap_fen
                           THEN greatest(0, f.det_item_fee_sumamt - round(c.price_cap_fen * f.cnt))::bigint END AS over,
                      -- in a set-returning call, the bit set is a column of this subquery, computed once
                      -- per line, not an expression copied into every aggregate that reads it
                      unnest(ARRAY[${flags}]) AS flags
                 FROM ${lineFrom('$3')}
                 LEFT JOIN jsonb_to_recordset($4) AS pc(code text, a boolean, b boolean) ON pc.code = f.med_list_codg
                WHERE NOT f.cancelled AND ${which} AND v.status <> 'cancelled') l
        -- only the lines a rule reads are grouped: most lines of most visits break nothing
        WHERE flags <> 0 OR lv3 OR bed OR surgery OR pair_a OR pair_b
        GROUP BY mdtrt_id) m
      WHERE ${marks.length ? marks.join(' OR ') : 'false'}`,
    [
      'range' in scope ? scope.range.from : null,
      'range' in scope ? scope.range.to : null,
      knowledge,
      await pairCodesParam(q, on),
    ],
  );
}

/**
 * The hits of the marked visits into supervision_visit_hit: the visit rules from the pass's sums,
 * the line rules from the broken lines it kept. Returns the number of hits.
 */
async function storeMarked(q: Tx, rules: ScanRule[], on: string): Promise<number> {
  const line = rules.filter((r) => LINE[r.template]);
  const visit = new Map(rules.filter((r) => VISIT_RULES.includes(r.template)).map((r) => [r.template, r]));
  const classC = visit.get('CLASS_C_RATIO');
  const pair = visit.get('DUPLICATE_PAIR');
  const surgery = visit.get('SURGERY_DISCOUNT');
  const bed = visit.get('BED_DAYS');
  const ratio = num(classC?.params.ratioBp, 3000);
  const minC = num(classC?.params.minFen, 50_000);
  const slack = num(bed?.params.slackDays, 1);
  let n = 0;
  /** Inserts the hits a SELECT gives (after the WITH query `pairs`); $1 is the knowledge day. */
  const insert = async (select: string) => {
    const r = await q.query<{ n: number }>(
      `WITH pairs AS (${pairs('$1')}),
         ins AS (INSERT INTO supervision_visit_hit (rule_code, mdtrt_id, psn_no, fixmedins_code, begin_date, amount_fen, lines, detail)
         ${select} RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [on],
    );
    n += r[0]!.n;
  };

  // visit rules, from the pass's sums
  const sums: string[] = [];
  if (classC) {
    sums.push(`('${classC.code}', CASE WHEN m.c_amt >= ${minC} AND m.c_amt * 10000 > t.total * ${ratio} THEN m.c_amt END,
        '{}'::text[], jsonb_build_object('classC', m.c_amt, 'total', t.total))`);
  }
  if (pair) {
    // duplicatePairs (domain/supervision/visit-rules.ts): the B lines of a day that has their A
    sums.push(`('${pair.code}', dp.amt, dp.lines, jsonb_build_object('codes', dp.codes))`);
  }
  if (surgery) {
    sums.push(`('${surgery.code}', CASE WHEN m.surg_n >= ${num(surgery.params.minCount, 2)} THEN m.surg_amt - m.surg_max END,
        '{}'::text[], jsonb_build_object('surgeries', m.surg_n))`);
  }
  if (bed) {
    sums.push(`('${bed.code}', CASE WHEN m.days IS NOT NULL AND m.bed_units > m.days + ${slack}
          THEN round(m.bed_amt * (m.bed_units - m.days - ${slack}) / m.bed_units)::bigint END,
        '{}'::text[], jsonb_build_object('bedDays', m.bed_units, 'stayDays', m.days))`);
  }
  if (sums.length) {
    await insert(
      `SELECT x.rule, m.mdtrt_id, v.psn_no, v.fixmedins_code, v.begin_date, x.amt, x.lines, x.detail
         FROM scan_marked m JOIN visit v ON v.mdtrt_id = m.mdtrt_id
         -- the visit's total, through the visit index, for the class-C ratio's candidates only
         LEFT JOIN LATERAL (SELECT sum(f.det_item_fee_sumamt) AS total FROM fee_line f
                             WHERE f.mdtrt_id = m.mdtrt_id AND NOT f.cancelled AND m.c_amt >= ${minC}) t ON true
         -- the pair lines of the visit, and those B lines charged on a day with their A
         LEFT JOIN LATERAL (
           WITH x AS (SELECT e[1] AS code, e[2] AS day, e[3]::bigint AS amt, e[4] AS sn
                        FROM unnest(m.pair_lines) y, regexp_match(y, '^([^@]*)@([^@]*)@([^@]*)@(.*)$') e),
                hit AS (SELECT x.*, p.a FROM x JOIN pairs p ON p.b = x.code
                         WHERE EXISTS (SELECT 1 FROM x xa WHERE xa.code = p.a AND xa.day = x.day))
           SELECT (SELECT sum(amt) FROM x WHERE sn IN (SELECT sn FROM hit)) AS amt,
                  (SELECT array_agg(DISTINCT sn ORDER BY sn) FROM hit) AS lines,
                  (SELECT jsonb_agg(DISTINCT c ORDER BY c) FROM (SELECT code AS c FROM hit UNION SELECT a FROM hit) z) AS codes
            WHERE m.pair_n >= 2) dp ON true,
              LATERAL (VALUES ${sums.join(', ')}) AS x(rule, amt, lines, detail)
        WHERE x.amt IS NOT NULL`,
    );
  }

  // line rules, from the broken lines the pass kept
  if (line.length) {
    const bits = line
      .map((r, i) => `(${2 ** i}, '${r.code}', ${LINE[r.template]!.amount ? 'true' : 'false'})`)
      .join(', ');
    await insert(
      `SELECT r.code, m.mdtrt_id, min(v.psn_no), min(v.fixmedins_code), min(v.begin_date),
              sum(CASE WHEN r.over THEN b.over ELSE b.amt END), array_agg(b.sn ORDER BY b.sn), '{}'
         FROM scan_marked m JOIN visit v ON v.mdtrt_id = m.mdtrt_id,
              LATERAL (SELECT x[1]::int AS flags, x[2]::bigint AS amt, x[3]::bigint AS over, x[4] AS sn
                         FROM unnest(m.broken) e, regexp_match(e, '^([0-9]+) ([0-9]+) ([0-9]+) (.*)$') x) b,
              (VALUES ${bits}) AS r(bit, code, over)
        WHERE m.flags <> 0 AND (b.flags & r.bit) <> 0
        GROUP BY r.code, m.mdtrt_id`,
    );
  }
  return n;
}

/**
 * The basis of the line and visit rules' results: a digest of all the pass reads besides the
 * visits' own rows — the rules and their parameters, the knowledge points and pairs valid on `on`,
 * the catalogue's restrictions and the institutions' levels. Returns its id (a new one when new).
 */
async function basisOf(q: Tx, rules: ScanRule[], on: string, knowledge: string, now: Date): Promise<number> {
  const facts = await q.query<{ catalogue: string | null; levels: string | null }>(
    `SELECT (SELECT md5(string_agg(concat_ws('|', id, gender_limit, min_age, max_age, inpatient_only, price_cap_fen), ',' ORDER BY id))
               FROM catalogue_item) AS catalogue,
            (SELECT md5(string_agg(code || '|' || coalesce(level, 1), ',' ORDER BY code)) FROM institution) AS levels`,
  );
  const pairList = await q.query<{ a: string; b: string }>(`${pairs('$1')} ORDER BY 1, 2`, [on]);
  const digest = createHash('sha256')
    .update(
      JSON.stringify({
        rules: rules.map((r) => [r.code, r.template, r.params]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
        knowledge,
        pairs: pairList,
        ...facts[0],
      }),
    )
    .digest('hex');
  const r = await q.query<{ id: number }>(
    `WITH ins AS (INSERT INTO supervision_basis (digest, created_at) VALUES ($1, $2) ON CONFLICT (digest) DO NOTHING RETURNING id)
     SELECT id FROM ins UNION ALL SELECT id FROM supervision_basis WHERE digest = $1`,
    [digest, now],
  );
  return r[0]!.id;
}

/** Whether any visit changed since its results were computed (the payment audit's job asks first). */
export async function anyVisitChanged(q: Queryable): Promise<boolean> {
  return (await q.query(`SELECT 1 FROM supervision_visit_changed LIMIT 1`)).length > 0;
}

export interface Refreshed {
  /** visits whose line and visit rules were evaluated now */
  checked: number;
  /** visits of the scope whose stored results still held */
  reused: number;
}

/**
 * Bring the stored results of the line and visit rules up to date for a scope: the visits that
 * began in a range (a scan), or the next `limit` visits whose rows changed (the payment audit). A
 * visit is evaluated again when it has no result under the current basis or its rows changed since;
 * every other visit keeps its result. One computation at a time (a transaction lock).
 */
export async function refreshVisits(
  q: Tx,
  scope: { range: { from: string; to: string } } | { changed: number },
  rules: ScanRule[],
  on: string,
  now: Date,
): Promise<Refreshed> {
  const mine = rules.filter((r) => LINE[r.template] || VISIT_RULES.includes(r.template));
  await q.query(`SELECT pg_advisory_xact_lock(hashtext('supervision_visit_results'))`);
  // the knowledge points valid on the day: part of the basis, and read by the pass
  const knowledge = await knowledgeParam(q, on);
  const basis = await basisOf(q, mine, on, knowledge, now);
  // the change records this computation answers for (removed by id at the end)
  if ('range' in scope) {
    await q.query(
      `CREATE TEMP TABLE scan_seen ON COMMIT DROP AS
       SELECT ch.id, ch.mdtrt_id FROM supervision_visit_changed ch JOIN visit v ON v.mdtrt_id = ch.mdtrt_id
        WHERE v.begin_date BETWEEN $1 AND $2`,
      [scope.range.from, scope.range.to],
    );
    // Every visit with lines has a result or a change record (the triggers; migration 030 recorded
    // the visits before it), so only when some result is under another basis (one index probe) must
    // the range's visits be matched against their results.
    const stale = await q.query(
      `SELECT 1 FROM supervision_visit_check WHERE basis_id < $1 OR basis_id > $1 LIMIT 1`,
      [basis],
    );
    await q.query(
      stale.length
        ? `CREATE TEMP TABLE scan_todo ON COMMIT DROP AS
           SELECT v.mdtrt_id FROM visit v LEFT JOIN supervision_visit_check c ON c.mdtrt_id = v.mdtrt_id
            WHERE v.begin_date BETWEEN $1 AND $2
              AND ((v.status <> 'cancelled' AND c.basis_id IS DISTINCT FROM $3)
                   OR v.mdtrt_id IN (SELECT mdtrt_id FROM scan_seen))`
        : `CREATE TEMP TABLE scan_todo ON COMMIT DROP AS
           SELECT DISTINCT mdtrt_id FROM scan_seen WHERE $1::date IS NOT NULL AND $2::date IS NOT NULL AND $3::int IS NOT NULL`,
      [scope.range.from, scope.range.to, basis],
    );
  } else {
    await q.query(
      `CREATE TEMP TABLE scan_seen ON COMMIT DROP AS
       SELECT id, mdtrt_id FROM supervision_visit_changed
        WHERE mdtrt_id IN (SELECT mdtrt_id FROM supervision_visit_changed ORDER BY id LIMIT $1)`,
      [scope.changed],
    );
    await q.query(`CREATE TEMP TABLE scan_todo ON COMMIT DROP AS SELECT DISTINCT mdtrt_id FROM scan_seen`);
  }
  // how many visits are to be evaluated, and (a scan) how many live visits the range has and how
  // many of them are among those: when all are, the pass reads the range instead of the list
  const counts = await q.query<{ todo: number; total: number; covered: number }>(
    'range' in scope
      ? `SELECT (SELECT count(*)::int FROM scan_todo) AS todo,
                (SELECT count(*)::int FROM visit WHERE begin_date BETWEEN $1 AND $2 AND status <> 'cancelled') AS total,
                (SELECT count(*)::int FROM scan_todo t JOIN visit v ON v.mdtrt_id = t.mdtrt_id
                  WHERE v.begin_date BETWEEN $1 AND $2 AND v.status <> 'cancelled') AS covered`
      : `SELECT (SELECT count(*)::int FROM scan_todo) AS todo, 0 AS total, 0 AS covered`,
    'range' in scope ? [scope.range.from, scope.range.to] : [],
  );
  const { todo, total, covered } = counts[0]!;
  if (todo > 0) {
    await q.query(`ANALYZE scan_todo`);
    await markVisits(q, 'range' in scope && covered >= total ? scope : { todo: true }, mine, on, knowledge);
    await q.query(`DELETE FROM supervision_visit_hit WHERE mdtrt_id IN (SELECT mdtrt_id FROM scan_todo)`);
    await storeMarked(q, mine, on);
    await q.query(
      `INSERT INTO supervision_visit_check (mdtrt_id, basis_id) SELECT mdtrt_id, $1 FROM scan_todo
       ON CONFLICT (mdtrt_id) DO UPDATE SET basis_id = excluded.basis_id`,
      [basis],
    );
    await q.query(`DELETE FROM supervision_visit_changed WHERE id IN (SELECT id FROM scan_seen)`);
  }
  await q.query('DROP TABLE scan_seen, scan_todo');
  await q.query('DROP TABLE IF EXISTS scan_marked');
  return { checked: todo, reused: Math.max(0, total - covered) };
}

/**
 * Lines and visits of a run: the stored results brought up to date for the range (refreshVisits),
 * then copied into the run. Returns the hits inserted.
 */
export async function scanLinesAndVisits(
  q: Tx,
  run: { id: number; from: string; to: string },
  rules: ScanRule[],
  now: Date,
): Promise<number> {
  const mine = rules.filter((r) => LINE[r.template] || VISIT_RULES.includes(r.template));
  if (mine.length === 0) return 0;
  const done = await refreshVisits(q, { range: { from: run.from, to: run.to } }, mine, run.to, now);
  await q.query(`UPDATE supervision_run SET visits_checked = $2, visits_reused = $3 WHERE id = $1`, [
    run.id,
    done.checked,
    done.reused,
  ]);
  const r = await q.query<{ n: number }>(
    `WITH ins AS (INSERT INTO supervision_hit (run_id, chunk, rule_code, mdtrt_id, psn_no, fixmedins_code, amount_fen, lines, detail)
       SELECT $1, 0, h.rule_code, h.mdtrt_id, h.psn_no, h.fixmedins_code, h.amount_fen, h.lines, h.detail
         FROM supervision_visit_hit h
        -- a cancelled visit has no results: its cancellation was a change, evaluated just above
        WHERE h.begin_date BETWEEN $2 AND $3 AND h.rule_code = ANY($4)
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [run.id, run.from, run.to, mine.map((r) => r.code)],
  );
  return r[0]!.n;
}

/** Across visits of a person: split admissions, frequent visits, overlaps, care and settlement after death. */
export async function scanPersons(
  q: Tx,
  run: { id: number; from: string; to: string },
  rules: ScanRule[],
): Promise<number> {
  let n = 0;
  // the windows sort the range's visits in memory, in byte order (no collation is needed to group)
  await q.query(`SET LOCAL work_mem = '256MB'`);
  await q.query(`SET LOCAL jit = off`);
  const insert = async (sql: string, params: unknown[]) => {
    const r = await q.query<{ n: number }>(
      `WITH ins AS (INSERT INTO supervision_hit (run_id, chunk, rule_code, mdtrt_id, psn_no, fixmedins_code, amount_fen, detail)
         ${sql} RETURNING 1) SELECT count(*)::int AS n FROM ins`,
      [run.id, run.from, run.to, ...params],
    );
    n += r[0]!.n;
  };
  const liveTotal = `(SELECT coalesce(sum(s.medfee_sumamt), 0) FROM settlement s
      WHERE s.mdtrt_id = x.mdtrt_id AND s.kind = 'settlement' AND s.reversed_by IS NULL)`;
  for (const r of rules) {
    if (r.template === 'SPLIT_ADMISSION') {
      const days = num(r.params.days, 15);
      const excluded = Array.isArray(r.params.excludeDiagnoses)
        ? (r.params.excludeDiagnoses as string[])
        : [];
      await insert(
        `SELECT $1, 0, $4::text, x.mdtrt_id, x.psn_no, x.fixmedins_code, ${liveTotal},
                jsonb_build_object('previous', x.prev_id, 'gapDays', x.begin_date - x.prev_end)
           FROM (SELECT v.*, lag(v.mdtrt_id) OVER w AS prev_id, lag(v.end_date) OVER w AS prev_end
                   FROM visit v WHERE v.inpatient AND v.status <> 'cancelled'
                  WINDOW w AS (PARTITION BY v.psn_no COLLATE "C", v.fixmedins_code COLLATE "C" ORDER BY v.begin_date)) x
          WHERE x.begin_date BETWEEN $2 AND $3 AND x.prev_end IS NOT NULL
            AND x.begin_date - x.prev_end BETWEEN 0 AND $5
            AND NOT EXISTS (SELECT 1 FROM unnest($6::text[]) e WHERE coalesce(x.main_diag_code, '') LIKE e || '%')`,
        [r.code, days, excluded],
      );
    } else if (r.template === 'FREQUENT_VISITS') {
      // N visits within D days from a visit: the (N-1)th visit after it (lead, in the person's order)
      // falls before its day + D; the count within the window is read for the hits only. Only the
      // persons with N outpatient visits in the range are ordered (a hash count first, few qualify).
      const visits = Math.max(1, num(r.params.visits, 8));
      const persons = await q.query<{ psn: string }>(
        `SELECT psn_no AS psn FROM visit WHERE NOT inpatient AND status <> 'cancelled' AND begin_date BETWEEN $1 AND $2
          GROUP BY psn_no HAVING count(*) >= $3`,
        [run.from, run.to, visits],
      );
      if (persons.length === 0) continue;
      await insert(
        `SELECT DISTINCT ON (x.psn_no) $1, 0, $4::text, x.mdtrt_id, x.psn_no, x.fixmedins_code, 0,
                jsonb_build_object('visits', (SELECT count(*) FROM visit w
                                               WHERE w.psn_no = x.psn_no AND NOT w.inpatient AND w.status <> 'cancelled'
                                                 AND w.begin_date BETWEEN x.begin_date AND x.begin_date + $5::int - 1
                                                 AND w.begin_date <= $3),
                                   'days', $5::int)
           FROM (SELECT v.mdtrt_id, v.psn_no, v.fixmedins_code, v.begin_date,
                        lead(v.begin_date, ${visits - 1}) OVER (PARTITION BY v.psn_no ORDER BY v.begin_date, v.mdtrt_id COLLATE "C") AS nth
                   FROM visit v
                  WHERE v.psn_no = ANY($6::text[]) AND NOT v.inpatient AND v.status <> 'cancelled' AND v.begin_date BETWEEN $2 AND $3) x
          WHERE x.nth < x.begin_date + $5::int
          ORDER BY x.psn_no, x.begin_date, x.mdtrt_id COLLATE "C"`,
        [r.code, num(r.params.days, 30), persons.map((p) => p.psn)],
      );
    } else if (r.template === 'OVERLAP_CARE') {
      await insert(
        `SELECT $1, 0, $4::text, x.mdtrt_id, x.psn_no, x.fixmedins_code, ${liveTotal},
                jsonb_build_object('during', x.stay_id, 'stayInstitution', x.stay_institution)
           FROM (SELECT b.*, a.mdtrt_id AS stay_id, a.fixmedins_code AS stay_institution
                   FROM visit a JOIN visit b ON b.psn_no = a.psn_no AND b.fixmedins_code <> a.fixmedins_code
                  WHERE a.inpatient AND a.status <> 'cancelled' AND b.status <> 'cancelled'
                    AND b.begin_date > a.begin_date AND b.begin_date < coalesce(a.end_date, a.begin_date)
                    AND b.begin_date BETWEEN $2 AND $3) x`,
        [r.code],
      );
    } else if (r.template === 'AFTER_DEATH_VISIT') {
      await insert(
        `SELECT $1, 0, $4::text, x.mdtrt_id, x.psn_no, x.fixmedins_code, ${liveTotal},
                jsonb_build_object('deathDate', p.death_date)
           FROM visit x JOIN person p ON p.psn_no = x.psn_no
          WHERE x.begin_date BETWEEN $2 AND $3 AND x.status <> 'cancelled'
            AND p.death_date IS NOT NULL AND x.begin_date > p.death_date`,
        [r.code],
      );
    } else if (r.template === 'AFTER_DEATH_SETTLEMENT') {
      await insert(
        `SELECT $1, 0, $4::text, s.mdtrt_id, s.psn_no, s.fixmedins_code, s.medfee_sumamt,
                jsonb_build_object('setlId', s.setl_id, 'deathDate', p.death_date)
           FROM settlement s JOIN person p ON p.psn_no = s.psn_no
          WHERE s.setl_date BETWEEN $2 AND $3 AND s.kind = 'settlement' AND s.reversed_by IS NULL
            AND p.death_date IS NOT NULL AND s.setl_date > p.death_date`,
        [r.code],
      );
    }
  }
  return n;
}

/** Institution ratio indicators over the range's live inpatient settlements. */
export async function scanInstitutions(
  q: Tx,
  run: { id: number; from: string; to: string },
  rules: ScanRule[],
): Promise<number> {
  let n = 0;
  const base = `
    WITH s AS (
      SELECT s.fixmedins_code, coalesce(i.level, 1) AS lvl, count(*) AS visits, sum(s.medfee_sumamt) AS total,
             sum(s.fulamt_ownpay_amt) AS own
        FROM settlement s JOIN institution i ON i.code = s.fixmedins_code
       WHERE s.clr_type = '21' AND s.kind = 'settlement' AND s.reversed_by IS NULL AND s.setl_date BETWEEN $2 AND $3
       GROUP BY s.fixmedins_code, i.level),
    lv AS (SELECT lvl, sum(total) / sum(visits) AS avg FROM s GROUP BY lvl)`;
  for (const r of rules) {
    if (r.template === 'STOCK_BALANCE') {
      n += await scanStock(q, run, r);
      continue;
    }
    if (r.template === 'TRACE_CODE_RESOLD') {
      n += await scanTraceCodes(q, run, r);
      continue;
    }
    if (r.template === 'SELFPAY_INSURED') {
      n += await scanSelfPay(q, run, r);
      continue;
    }
    let select: string | null = null;
    const params: unknown[] = [r.code, num(r.params.minVisits, 20)];
    if (r.template === 'AVG_COST') {
      params.push(num(r.params.factorBp, 15000));
      select = `SELECT $1, 0, $4::text, NULL, NULL, s.fixmedins_code,
                       round((s.total / s.visits - lv.avg) * s.visits)::bigint,
                       jsonb_build_object('visits', s.visits, 'average', round(s.total / s.visits), 'levelAverage', round(lv.avg))
                  FROM s JOIN lv ON lv.lvl = s.lvl
                 WHERE s.visits >= $5 AND (s.total / s.visits) * 10000 > lv.avg * $6`;
    } else if (r.template === 'SELF_PAY_RATIO') {
      params.push(num(r.params.ratioBp, 2000));
      select = `SELECT $1, 0, $4::text, NULL, NULL, s.fixmedins_code, s.own,
                       jsonb_build_object('visits', s.visits, 'ratioBp', round(s.own * 10000.0 / nullif(s.total, 0)))
                  FROM s WHERE s.visits >= $5 AND s.own * 10000 > s.total * $6`;
    }
    if (!select) continue;
    const res = await q.query<{ n: number }>(
      `${base}, ins AS (INSERT INTO supervision_hit (run_id, chunk, rule_code, mdtrt_id, psn_no, fixmedins_code, amount_fen, detail)
         ${select} RETURNING 1) SELECT count(*)::int AS n FROM ins`,
      [run.id, run.from, run.to, ...params],
    );
    n += res[0]!.n;
  }
  return n;
}

/**
 * 进销存: for each month of stock an institution reported in the range, the quantity of the item the
 * fund settled at that institution in the month (lines of settled visits) against what it had to
 * sell (oversold, the domain rule). Where no workbook gives the month but the institution's system
 * reported its sales through the HIS (3505 less 3506, not deleted), those are what it had to sell
 * (soldShort). Reads only the lines of items that have stock rows or reported sales.
 */
async function scanStock(q: Tx, run: { id: number; from: string; to: string }, r: ScanRule): Promise<number> {
  const rows = await q.query<
    StockInput & { settled: number; amountFen: number; reportedSold: number | null }
  >(
    `WITH st AS (
       SELECT fixmedins_code, item_code, month FROM supervision_stock
        WHERE month BETWEEN date_trunc('month', $1::date) AND $2::date),
     rep AS (
       SELECT e.fixmedins_code, e.item_code, date_trunc('month', e.occurred_on)::date AS month,
              sum(CASE e.kind WHEN 'sale' THEN e.quantity ELSE -e.quantity END) AS sold
         FROM supervision_stock_event e
        WHERE e.deleted_at IS NULL AND e.kind IN ('sale', 'sale_return')
          AND e.occurred_on >= date_trunc('month', $1::date) AND date_trunc('month', e.occurred_on) <= $2::date
          AND NOT EXISTS (SELECT 1 FROM st WHERE st.fixmedins_code = e.fixmedins_code AND st.item_code = e.item_code
                                              AND st.month = date_trunc('month', e.occurred_on)::date)
        GROUP BY 1, 2, 3),
     keys AS (SELECT fixmedins_code, item_code FROM st UNION SELECT fixmedins_code, item_code FROM rep),
     sold AS (
       SELECT v.fixmedins_code, f.med_list_codg AS item_code, date_trunc('month', f.fee_date)::date AS month,
              sum(f.cnt) AS qty, sum(f.det_item_fee_sumamt) AS amt
         FROM fee_line f JOIN visit v ON v.mdtrt_id = f.mdtrt_id
        WHERE f.med_list_codg IN (SELECT item_code FROM keys) AND NOT f.cancelled AND v.status = 'settled'
          AND v.fixmedins_code IN (SELECT fixmedins_code FROM keys)
          AND f.fee_date BETWEEN date_trunc('month', $1::date) AND (date_trunc('month', $2::date) + interval '1 month - 1 day')::date
        GROUP BY 1, 2, 3)
     SELECT s.fixmedins_code AS "fixmedinsCode", s.item_code AS "itemCode", to_char(s.month, 'YYYY-MM') AS month,
            s.opening_qty::float8 AS opening, s.purchased_qty::float8 AS purchased, s.closing_qty::float8 AS closing,
            NULL::float8 AS "reportedSold", x.qty::float8 AS settled, x.amt::bigint AS "amountFen"
       FROM supervision_stock s JOIN sold x USING (fixmedins_code, item_code, month)
     UNION ALL
     SELECT p.fixmedins_code, p.item_code, to_char(p.month, 'YYYY-MM'), 0, 0, 0, p.sold::float8, x.qty::float8,
            x.amt::bigint
       FROM rep p JOIN sold x USING (fixmedins_code, item_code, month)`,
    [run.from, run.to],
  );
  const hits = rows.flatMap((s) => {
    const reported = s.reportedSold !== null;
    const over = reported ? soldShort(s.reportedSold!, s.settled) : oversold(s, s.settled);
    if (over <= 0) return [];
    return [
      {
        fixmedins_code: s.fixmedinsCode,
        // the amount at stake: the oversold quantity at the month's average settled price
        amount_fen: Math.round((s.amountFen * over) / s.settled),
        detail: {
          item: s.itemCode,
          month: s.month,
          settled: s.settled,
          ...(reported
            ? { source: 'HIS 3505/3506', reportedSold: s.reportedSold }
            : { available: s.opening + s.purchased - s.closing }),
          oversold: over,
        },
      },
    ];
  });
  return insertInstitutionHits(q, run.id, r.code, hits);
}

/**
 * 追溯码重复销售: a 药品追溯码 names one smallest package; a sale of it (3505, not deleted) while it
 * is sold and not returned (3506) sold it twice (the domain rule, resales). A hit for each such sale
 * in the range, at the institution that made it, whoever sold it first; the amount at stake is its
 * share of that sale (price × quantity over the sale's codes). Only the codes sold in the range are
 * read (the GIN index on trace_codes), with their history up to its end.
 */
async function scanTraceCodes(
  q: Tx,
  run: { id: number; from: string; to: string },
  r: ScanRule,
): Promise<number> {
  const rows = await q.query<ResaleRow>(
    `WITH sold AS (
       SELECT array_agg(DISTINCT c) AS codes
         FROM supervision_stock_event e, unnest(e.trace_codes) c
        WHERE e.deleted_at IS NULL AND e.kind = 'sale' AND e.occurred_on BETWEEN $1::date AND $2::date),
     codes AS (
       SELECT c AS code, e.kind, e.fixmedins_code, e.item_code, e.bchno, e.occurred_at, e.occurred_on,
              coalesce(round(e.price * e.quantity * 100 / cardinality(e.trace_codes)), 0)::bigint AS share
         FROM supervision_stock_event e, sold, unnest(e.trace_codes) c
        WHERE e.deleted_at IS NULL AND e.kind IN ('sale', 'sale_return') AND e.occurred_on <= $2::date
          AND e.trace_codes && sold.codes AND c = ANY(sold.codes)),
     resold AS (SELECT code FROM codes GROUP BY code HAVING count(*) FILTER (WHERE kind = 'sale') > 1)
     SELECT c.code, c.kind, c.fixmedins_code AS "fixmedinsCode", c.item_code AS "itemCode", c.bchno,
            c.occurred_at AS "occurredAt", c.occurred_on::text AS "occurredOn", c.share AS "shareFen"
       FROM codes c JOIN resold USING (code)
      ORDER BY c.code, c.occurred_at, c.kind DESC, c.bchno`,
    [run.from, run.to],
  );
  const hits = resales(rows, run).map((h) => ({
    fixmedins_code: h.sale.fixmedinsCode,
    amount_fen: h.sale.shareFen,
    detail: {
      traceCode: h.sale.code,
      item: h.sale.itemCode,
      bchno: h.sale.bchno,
      soldAt: h.sale.occurredAt,
      firstSold: { institution: h.first.fixmedinsCode, bchno: h.first.bchno, at: h.first.occurredAt },
    },
  }));
  return insertInstitutionHits(q, run.id, r.code, hits);
}

/** Hits an institution rule worked out in JS, inserted in one statement; how many. */
async function insertInstitutionHits(
  q: Tx,
  runId: number,
  ruleCode: string,
  hits: { fixmedins_code: string; amount_fen: number; detail: object }[],
): Promise<number> {
  if (hits.length === 0) return 0;
  await q.query(
    `INSERT INTO supervision_hit (run_id, chunk, rule_code, fixmedins_code, amount_fen, detail)
     SELECT $1, 0, $2, h.fixmedins_code, h.amount_fen, h.detail
       FROM jsonb_to_recordset($3::jsonb) AS h(fixmedins_code text, amount_fen bigint, detail jsonb)`,
    [runId, ruleCode, JSON.stringify(hits)],
  );
  return hits.length;
}

/**
 * 参保人全自费就诊: the self-paid visits reported (supervision_selfpay_visit) whose first day is in
 * the range, of a person insured that day, with in-scope lines (the domain rule, shiftedToSelfPay).
 * A hit for each, at the institution, naming the person; the amount at stake is the in-scope part.
 */
async function scanSelfPay(
  q: Tx,
  run: { id: number; from: string; to: string },
  r: ScanRule,
): Promise<number> {
  const rows = await q.query<
    SelfPaidVisit & {
      fixmedinsCode: string;
      psnNo: string | null;
      mdtrtId: string;
      inpatient: boolean;
      beginAt: string;
      amountFen: number;
      mainDiag: string | null;
    }
  >(
    `SELECT v.id::int AS "visitId", v.insured, v.fixmedins_code AS "fixmedinsCode", v.psn_no AS "psnNo",
            v.fixmedins_mdtrt_id AS "mdtrtId", v.inpatient, v.begin_at AS "beginAt", v.main_diag_code AS "mainDiag",
            coalesce(sum(l.inscp_fen), 0)::float8 AS "inscpFen", coalesce(sum(l.amount_fen), 0)::float8 AS "amountFen"
       FROM supervision_selfpay_visit v LEFT JOIN supervision_selfpay_line l ON l.visit_id = v.id
      WHERE v.begin_date BETWEEN $1::date AND $2::date AND v.insured
      GROUP BY v.id ORDER BY v.id`,
    [run.from, run.to],
  );
  const hits = shiftedToSelfPay(rows, num(r.params.minInscpFen, 1000)).map((v) => ({
    fixmedins_code: v.fixmedinsCode,
    psn_no: v.psnNo,
    amount_fen: v.inscpFen,
    detail: {
      selfPayVisit: v.mdtrtId,
      inpatient: v.inpatient,
      beginAt: v.beginAt,
      amountFen: v.amountFen,
      inscpFen: v.inscpFen,
      mainDiag: v.mainDiag,
    },
  }));
  if (hits.length === 0) return 0;
  await q.query(
    `INSERT INTO supervision_hit (run_id, chunk, rule_code, fixmedins_code, psn_no, amount_fen, detail)
     SELECT $1, 0, $2, h.fixmedins_code, h.psn_no, h.amount_fen, h.detail
       FROM jsonb_to_recordset($3::jsonb) AS h(fixmedins_code text, psn_no text, amount_fen bigint, detail jsonb)`,
    [run.id, r.code, JSON.stringify(hits)],
  );
  return hits.length;
}
