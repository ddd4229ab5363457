// The 事后 scan as set-based SQL. The line and visit grains are one statement that reads each fee
// line of the range once (a join to its visit, person, institution, catalogue entry and knowledge
// points, grouped by visit, one FILTER aggregate per rule); the person and institution grains read
// the visits and settlements of the range. Each statement inserts its hits into supervision_hit.
// Rule conditions are SQL built from the fixed template list; parameters are bound values.
import type { Queryable } from '../../db/types.ts';

/** A line rule: its condition over f (fee_line), c (catalogue_item), v (the visit CTE), k (knowledge). */
const LINE: Record<string, { when: string; amount?: string }> = {
  GENDER: { when: `c.gender_limit IS NOT NULL AND c.gender_limit <> v.gender` },
  AGE: {
    when: `(c.min_age IS NOT NULL OR c.max_age IS NOT NULL)
      AND extract(year FROM age(f.fee_date, v.birth_date))::int NOT BETWEEN coalesce(c.min_age, 0) AND coalesce(c.max_age, 999)`,
  },
  CARE_MODE: { when: `c.inpatient_only AND NOT v.inpatient` },
  PRICE_CAP: {
    when: `c.price_cap_fen IS NOT NULL AND f.pric_fen > c.price_cap_fen`,
    amount: `greatest(0, f.det_item_fee_sumamt - round(c.price_cap_fen * f.cnt))::bigint`,
  },
  SCHEME: { when: `k.schemes IS NOT NULL AND NOT (k.schemes ? v.insutype)` },
  INSTITUTION_LEVEL: { when: `k.min_level IS NOT NULL AND v.lvl < k.min_level` },
  INDICATION: {
    when: `k.indications IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM jsonb_array_elements_text(k.indications) p, unnest(v.diags) d WHERE d LIKE p || '%')`,
  },
  QUANTITY: { when: `k.max_qty IS NOT NULL AND f.cnt > k.max_qty` },
  COURSE: { when: `k.max_course IS NOT NULL AND f.cnt > k.max_course` },
  FEE_OUTSIDE_STAY: {
    when: `v.inpatient AND (f.fee_date < v.begin_date OR (v.end_date IS NOT NULL AND f.fee_date > v.end_date))`,
  },
  AFTER_DEATH_FEE: { when: `v.death_date IS NOT NULL AND f.fee_date > v.death_date` },
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
export const INSTITUTION_RULES = ['AVG_COST', 'SELF_PAY_RATIO'];

export interface ScanRule {
  code: string;
  template: string;
  params: Record<string, unknown>;
}

const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** The visits of the range with their person and institution facts (a CTE body). */
const VISITS = `
  SELECT v.mdtrt_id, v.psn_no, v.fixmedins_code, v.insutype::text AS insutype, v.inpatient, v.begin_date, v.end_date,
         coalesce(i.level, 1) AS lvl, p.gender, p.birth_date, p.death_date,
         ARRAY(SELECT d->>'code' FROM jsonb_array_elements(v.diagnoses) d) AS diags,
         CASE WHEN v.inpatient THEN coalesce(v.end_date, v.begin_date) - v.begin_date ELSE 0 END AS days
    FROM visit v JOIN person p ON p.psn_no = v.psn_no JOIN institution i ON i.code = v.fixmedins_code
   WHERE v.begin_date BETWEEN $2 AND $3 AND v.status <> 'cancelled'`;

/** Knowledge points valid on the range's last day, one row per item. */
const KNOWLEDGE = `
  SELECT item_code,
         (array_agg(value->'insutypes') FILTER (WHERE template = 'SCHEME'))[1] AS schemes,
         max((value->>'minLevel')::int) FILTER (WHERE template = 'INSTITUTION_LEVEL') AS min_level,
         (array_agg(value->'diagnoses') FILTER (WHERE template = 'INDICATION'))[1] AS indications,
         min((value->>'max')::numeric) FILTER (WHERE template = 'QUANTITY') AS max_qty,
         min((value->>'max')::numeric) FILTER (WHERE template = 'COURSE') AS max_course
    FROM supervision_knowledge
   WHERE template IN ('SCHEME', 'INSTITUTION_LEVEL', 'INDICATION', 'QUANTITY', 'COURSE')
     AND valid_from <= $3 AND (valid_to IS NULL OR valid_to >= $3)
   GROUP BY item_code`;

/** Lines and visits: one pass over the range's fee lines. Returns the hits inserted. */
export async function scanLinesAndVisits(
  q: Queryable,
  run: { id: number; from: string; to: string },
  rules: ScanRule[],
): Promise<number> {
  const line = rules.filter((r) => LINE[r.template]);
  const visit = new Map(rules.filter((r) => VISIT_RULES.includes(r.template)).map((r) => [r.template, r]));
  if (line.length === 0 && visit.size === 0) return 0;
  const aggs: string[] = [];
  const rows: string[] = [];
  // each line's conditions are evaluated once, into a bit set; the aggregates test bits
  const bits: string[] = [];
  for (const [i, r] of line.entries()) {
    const l = LINE[r.template]!;
    bits.push(`CASE WHEN ${l.when} THEN ${2 ** i} ELSE 0 END`);
    const hit = `(l.flags & ${2 ** i}) <> 0`;
    const a = `r_${i}`;
    aggs.push(
      `sum(${l.amount ? 'l.over' : 'l.amt'}) FILTER (WHERE ${hit}) AS ${a}_amt,
       array_agg(l.sn) FILTER (WHERE ${hit}) AS ${a}_lines`,
    );
    rows.push(`('${r.code}', ${a}_amt, ${a}_lines, '{}'::jsonb)`);
  }
  const flags = bits.length ? bits.join(' + ') : '0';
  const classC = visit.get('CLASS_C_RATIO');
  if (classC) {
    const ratio = num(classC.params.ratioBp, 3000);
    const min = num(classC.params.minFen, 50_000);
    rows.push(
      `('${classC.code}', CASE WHEN c_amt >= ${min} AND c_amt * 10000 > total * ${ratio} THEN c_amt END, NULL::text[],
        jsonb_build_object('classC', c_amt, 'total', total))`,
    );
  }
  const pair = visit.get('DUPLICATE_PAIR');
  if (pair) {
    rows.push(`('${pair.code}', CASE WHEN EXISTS (SELECT 1 FROM pairs p WHERE p.a = ANY(pair_codes) AND p.b = ANY(pair_codes))
        THEN pair_amt END, NULL::text[], jsonb_build_object('codes', pair_codes))`);
  }
  const surgery = visit.get('SURGERY_DISCOUNT');
  if (surgery) {
    rows.push(
      `('${surgery.code}', CASE WHEN surg_n >= ${num(surgery.params.minCount, 2)} THEN surg_amt - surg_max END, NULL::text[],
        jsonb_build_object('surgeries', surg_n))`,
    );
  }
  const bed = visit.get('BED_DAYS');
  if (bed) {
    const slack = num(bed.params.slackDays, 1);
    rows.push(
      `('${bed.code}', CASE WHEN inpatient AND bed_units > days + ${slack}
          THEN round(bed_amt * (bed_units - days - ${slack}) / bed_units)::bigint END, NULL::text[],
        jsonb_build_object('bedDays', bed_units, 'stayDays', days))`,
    );
  }
  const sql = `
    WITH v AS MATERIALIZED (${VISITS}),
         k AS (${KNOWLEDGE}),
         pairs AS (SELECT item_code AS a, value->>'with' AS b FROM supervision_knowledge
                    WHERE template = 'DUPLICATE_PAIR' AND valid_from <= $3 AND (valid_to IS NULL OR valid_to >= $3)),
         l AS (
           SELECT f.mdtrt_id, f.feedetl_sn AS sn, f.det_item_fee_sumamt AS amt, f.chrgitm_lv, f.med_chrgitm_type, f.cnt,
                  f.med_list_codg AS code, v.psn_no, v.fixmedins_code, v.inpatient, v.days,
                  (f.med_chrgitm_type = '06' AND c.price_cap_fen IS NOT NULL AND f.pric_fen >= c.price_cap_fen) AS surgery,
                  CASE WHEN c.price_cap_fen IS NOT NULL AND f.pric_fen > c.price_cap_fen
                       THEN greatest(0, f.det_item_fee_sumamt - round(c.price_cap_fen * f.cnt))::bigint END AS over,
                  (${flags}) AS flags
             FROM fee_line f
             JOIN v ON v.mdtrt_id = f.mdtrt_id
             LEFT JOIN catalogue_item c ON c.id = f.catalogue_item_id
             LEFT JOIN k ON k.item_code = f.med_list_codg
            WHERE NOT f.cancelled
           OFFSET 0), -- a fence: the bit set is computed once per line, not once per aggregate that reads it
         agg AS (
           SELECT l.mdtrt_id, min(l.psn_no) AS psn_no, min(l.fixmedins_code) AS fixmedins_code,
                  bool_and(l.inpatient) AS inpatient, min(l.days) AS days,
                  sum(l.amt) AS total,
                  coalesce(sum(l.amt) FILTER (WHERE l.chrgitm_lv = '03'), 0) AS c_amt,
                  array_agg(l.code) FILTER (WHERE l.code IN (SELECT a FROM pairs UNION SELECT b FROM pairs)) AS pair_codes,
                  sum(l.amt) FILTER (WHERE l.code IN (SELECT b FROM pairs)) AS pair_amt,
                  count(*) FILTER (WHERE l.surgery) AS surg_n,
                  sum(l.amt) FILTER (WHERE l.surgery) AS surg_amt,
                  max(l.amt) FILTER (WHERE l.surgery) AS surg_max,
                  coalesce(sum(l.cnt) FILTER (WHERE l.med_chrgitm_type = '01'), 0) AS bed_units,
                  sum(l.amt) FILTER (WHERE l.med_chrgitm_type = '01') AS bed_amt
                  ${aggs.length ? `, ${aggs.join(',\n')}` : ''}
             FROM l
            GROUP BY l.mdtrt_id),
         ins AS (
           INSERT INTO supervision_hit (run_id, chunk, rule_code, mdtrt_id, psn_no, fixmedins_code, amount_fen, lines, detail)
           SELECT $1, 0, x.rule, agg.mdtrt_id, agg.psn_no, agg.fixmedins_code, x.amt, coalesce(x.lines, '{}'), x.detail
             FROM agg, LATERAL (VALUES ${rows.join(',\n')}) AS x(rule, amt, lines, detail)
            WHERE x.amt IS NOT NULL
           RETURNING 1)
    SELECT count(*)::int AS n FROM ins`;
  // the pass groups every line of the range by visit: in memory, not in sorted runs on disk
  // and without JIT: compiling this many aggregates costs seconds and saves less than it costs
  await q.query(`SET LOCAL work_mem = '256MB'`);
  await q.query(`SET LOCAL jit = off`);
  const r = await q.query<{ n: number }>(sql, [run.id, run.from, run.to]);
  return r[0]!.n;
}

/** Across visits of a person: split admissions, frequent visits, overlaps, care and settlement after death. */
export async function scanPersons(
  q: Queryable,
  run: { id: number; from: string; to: string },
  rules: ScanRule[],
): Promise<number> {
  let n = 0;
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
                  WINDOW w AS (PARTITION BY v.psn_no, v.fixmedins_code ORDER BY v.begin_date)) x
          WHERE x.begin_date BETWEEN $2 AND $3 AND x.prev_end IS NOT NULL
            AND x.begin_date - x.prev_end BETWEEN 0 AND $5
            AND NOT EXISTS (SELECT 1 FROM unnest($6::text[]) e WHERE coalesce(x.main_diag_code, '') LIKE e || '%')`,
        [r.code, days, excluded],
      );
    } else if (r.template === 'FREQUENT_VISITS') {
      await insert(
        `SELECT DISTINCT ON (x.psn_no) $1, 0, $4::text, x.mdtrt_id, x.psn_no, x.fixmedins_code, 0,
                jsonb_build_object('visits', x.n, 'days', $6::int)
           FROM (SELECT v.mdtrt_id, v.psn_no, v.fixmedins_code, v.begin_date,
                        count(*) OVER (PARTITION BY v.psn_no ORDER BY v.begin_date
                                       RANGE BETWEEN CURRENT ROW AND $7::interval FOLLOWING) AS n
                   FROM visit v WHERE NOT v.inpatient AND v.status <> 'cancelled' AND v.begin_date BETWEEN $2 AND $3) x
          WHERE x.n >= $5
          ORDER BY x.psn_no, x.begin_date`,
        [r.code, num(r.params.visits, 8), num(r.params.days, 30), `${num(r.params.days, 30) - 1} days`],
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
  q: Queryable,
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
