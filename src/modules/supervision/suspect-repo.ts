// SQL of suspects (疑点) and monthly record sampling. The state of a suspect lives in the workflow
// kernel's workflow_case; its business facts here.
import type { Queryable, Tx } from '../../db/types.ts';
import type { SampleCandidate, SampleMethod, SampleResult } from '../../domain/supervision/sampling.ts';
import type { SuspectSource, SuspectState } from '../../domain/supervision/suspect-machine.ts';

export interface SuspectRow {
  id: number;
  caseId: number;
  source: SuspectSource;
  hitId: number | null;
  sampleRecordId: number | null;
  ruleCode: string | null;
  ruleName: string | null;
  fixmedinsCode: string;
  institutionName: string | null;
  mdtrtId: string | null;
  psnNo: string | null;
  personName: string | null;
  amountFen: number;
  confirmedFen: number | null;
  finding: string | null;
  appeal: string | null;
  state: SuspectState;
  dueOn: string | null;
  createdAt: string;
}

const SUSPECT_SELECT = `
  SELECT s.id::int, s.case_id::int AS "caseId", s.source, s.hit_id::int AS "hitId",
         s.sample_record_id::int AS "sampleRecordId", s.rule_code AS "ruleCode",
         COALESCE(r.name, CASE WHEN s.source = 'sample' THEN '病历抽查发现' END) AS "ruleName",
         s.fixmedins_code AS "fixmedinsCode", i.name AS "institutionName", s.mdtrt_id AS "mdtrtId",
         s.psn_no AS "psnNo", p.name AS "personName", s.amount_fen::float8 AS "amountFen",
         s.confirmed_fen::float8 AS "confirmedFen", s.finding, s.appeal, c.state, c.due_on::text AS "dueOn",
         s.created_at AS "createdAt"
    FROM supervision_suspect s
    JOIN workflow_case c ON c.id = s.case_id
    LEFT JOIN supervision_rule r ON r.code = s.rule_code
    LEFT JOIN institution i ON i.code = s.fixmedins_code
    LEFT JOIN person p ON p.psn_no = s.psn_no`;

export interface SuspectFilter {
  state: string | null;
  rule: string | null;
  institution: string | null;
  source: string | null;
  /** only those past their state's due date on this day */
  overdueOn: string | null;
  open: boolean | null;
}

const FILTER_SQL = `($1::text IS NULL OR c.state = $1) AND ($2::text IS NULL OR s.rule_code = $2)
   AND ($3::text IS NULL OR s.fixmedins_code = $3) AND ($4::text IS NULL OR s.source = $4)
   AND ($5::date IS NULL OR (c.closed_at IS NULL AND c.due_on < $5::date))
   AND ($6::boolean IS NULL OR (c.closed_at IS NULL) = $6)`;
const filterArgs = (f: SuspectFilter) => [f.state, f.rule, f.institution, f.source, f.overdueOn, f.open];

export async function listSuspects(q: Queryable, f: SuspectFilter, limit: number, offset: number) {
  const rows = await q.query<SuspectRow & { total: number; totalFen: number }>(
    `${SUSPECT_SELECT.replace('s.created_at AS "createdAt"', 's.created_at AS "createdAt", count(*) OVER ()::int AS total, sum(s.amount_fen) OVER ()::float8 AS "totalFen"')}
      WHERE ${FILTER_SQL}
      ORDER BY c.closed_at IS NOT NULL, c.due_on NULLS LAST, s.amount_fen DESC, s.id
      LIMIT $7 OFFSET $8`,
    [...filterArgs(f), limit, offset],
  );
  return {
    total: rows[0]?.total ?? 0,
    totalFen: rows[0]?.totalFen ?? 0,
    items: rows.map(({ total: _t, totalFen: _f, ...r }) => r),
  };
}

export async function findSuspect(q: Queryable, id: number): Promise<SuspectRow | null> {
  const rows = await q.query<SuspectRow>(`${SUSPECT_SELECT} WHERE s.id = $1`, [id]);
  return rows[0] ?? null;
}

/** Counts and amounts per state (for the queue's header), within the same filter but any state. */
export async function suspectSummary(q: Queryable, institution: string | null, day: string) {
  return q.query<{ state: SuspectState; count: number; amountFen: number; overdue: number }>(
    `SELECT c.state, count(*)::int AS count, COALESCE(sum(s.amount_fen), 0)::float8 AS "amountFen",
            count(*) FILTER (WHERE c.closed_at IS NULL AND c.due_on < $2::date)::int AS overdue
       FROM supervision_suspect s JOIN workflow_case c ON c.id = s.case_id
      WHERE $1::text IS NULL OR s.fixmedins_code = $1
      GROUP BY c.state ORDER BY c.state`,
    [institution, day],
  );
}

export interface NewSuspect {
  caseId: number;
  source: SuspectSource;
  hitId: number | null;
  sampleRecordId: number | null;
  ruleCode: string | null;
  fixmedinsCode: string;
  mdtrtId: string | null;
  psnNo: string | null;
  amountFen: number;
  finding: string | null;
}

export async function insertSuspect(q: Tx, s: NewSuspect, at: Date): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO supervision_suspect (case_id, source, hit_id, sample_record_id, rule_code, fixmedins_code,
                                      mdtrt_id, psn_no, amount_fen, finding, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id::int`,
    [
      s.caseId,
      s.source,
      s.hitId,
      s.sampleRecordId,
      s.ruleCode,
      s.fixmedinsCode,
      s.mdtrtId,
      s.psnNo,
      s.amountFen,
      s.finding,
      at.toISOString(),
    ],
  );
  return rows[0].id;
}

export async function updateSuspectFacts(
  q: Tx,
  id: number,
  f: { finding?: string | null; appeal?: string | null; confirmedFen?: number | null },
) {
  await q.query(
    `UPDATE supervision_suspect SET finding = COALESCE($2, finding), appeal = COALESCE($3, appeal),
            confirmed_fen = COALESCE($4, confirmed_fen)
      WHERE id = $1`,
    [id, f.finding ?? null, f.appeal ?? null, f.confirmedFen ?? null],
  );
}

export interface HitToRaise {
  id: number;
  ruleCode: string;
  fixmedinsCode: string;
  mdtrtId: string | null;
  psnNo: string | null;
  amountFen: number;
}

/** A run's hits that are not suspects yet, one institution's or one rule's when asked. */
export async function hitsToRaise(
  q: Queryable,
  runId: number,
  rule: string | null,
  institution: string | null,
  limit: number,
): Promise<HitToRaise[]> {
  return q.query<HitToRaise>(
    `SELECT h.id::int, h.rule_code AS "ruleCode", h.fixmedins_code AS "fixmedinsCode", h.mdtrt_id AS "mdtrtId",
            h.psn_no AS "psnNo", h.amount_fen::float8 AS "amountFen"
       FROM supervision_hit h
      WHERE h.run_id = $1 AND h.fixmedins_code IS NOT NULL
        AND ($2::text IS NULL OR h.rule_code = $2) AND ($3::text IS NULL OR h.fixmedins_code = $3)
        AND NOT EXISTS (SELECT 1 FROM supervision_suspect s WHERE s.hit_id = h.id)
      ORDER BY h.id LIMIT $4`,
    [runId, rule, institution, limit],
  );
}

/** The hit behind a suspect, with the rule's template and parameters: the evidence. */
export async function hitEvidence(q: Queryable, hitId: number) {
  const rows = await q.query<{
    lines: string[];
    detail: Record<string, unknown>;
    template: string | null;
    params: Record<string, unknown> | null;
    resultType: string | null;
    nationalClass: string | null;
  }>(
    `SELECT h.lines, h.detail, r.template, r.params, r.result_type AS "resultType", r.national_class AS "nationalClass"
       FROM supervision_hit h LEFT JOIN supervision_rule r ON r.code = h.rule_code WHERE h.id = $1`,
    [hitId],
  );
  return rows[0] ?? null;
}

/** The visit a suspect is about, and its fee lines. */
export async function visitWithLines(q: Queryable, mdtrtId: string) {
  const visit = await q.query<{
    mdtrtId: string;
    medType: string;
    inpatient: boolean;
    beginDate: string;
    endDate: string | null;
    mainDiagCode: string | null;
    diagnoses: unknown;
    attending: unknown;
    gender: string;
    birthDate: string;
    dieDate: string | null;
  }>(
    `SELECT v.mdtrt_id AS "mdtrtId", v.med_type AS "medType", v.inpatient, v.begin_date::text AS "beginDate",
            v.end_date::text AS "endDate", v.main_diag_code AS "mainDiagCode", v.diagnoses, v.attending,
            p.gender, p.birth_date::text AS "birthDate", p.death_date::text AS "dieDate"
       FROM visit v JOIN person p ON p.psn_no = v.psn_no WHERE v.mdtrt_id = $1`,
    [mdtrtId],
  );
  const lines = await q.query<{
    feedetlSn: string;
    code: string;
    name: string | null;
    feeDate: string;
    cnt: number;
    pricFen: number;
    amountFen: number;
    chrgitmLv: string | null;
    cancelled: boolean;
  }>(
    `SELECT f.feedetl_sn AS "feedetlSn", f.med_list_codg AS code, c.name, f.fee_date::text AS "feeDate",
            f.cnt::float8 AS cnt, f.pric_fen::float8 AS "pricFen", f.det_item_fee_sumamt::float8 AS "amountFen",
            f.chrgitm_lv AS "chrgitmLv", f.cancelled
       FROM fee_line f LEFT JOIN catalogue_item c ON c.id = f.catalogue_item_id
      WHERE f.mdtrt_id = $1 ORDER BY f.fee_date, f.feedetl_sn`,
    [mdtrtId],
  );
  return { visit: visit[0] ?? null, lines };
}

export async function caseIdsOf(q: Queryable, ids: number[]) {
  return q.query<{ id: number; caseId: number; fixmedinsCode: string; amountFen: number }>(
    `SELECT id::int, case_id::int AS "caseId", fixmedins_code AS "fixmedinsCode", amount_fen::float8 AS "amountFen"
       FROM supervision_suspect WHERE id = ANY($1::bigint[]) ORDER BY id`,
    [ids],
  );
}

// ---- sampling ----

export interface SampleRow {
  id: number;
  period: string;
  fixmedinsCode: string;
  institutionName: string | null;
  method: SampleMethod;
  shareBp: number;
  seed: number;
  population: number;
  size: number;
  reviewed: number;
  findings: number;
  createdBy: string;
  createdAt: string;
}

/**
 * Live inpatient settlements of an institution in a month (not reversed), with the number of line
 * and visit rules their visit breaks (its stored results).
 */
export async function sampleCandidates(
  q: Queryable,
  fixmedinsCode: string,
  from: string,
  to: string,
): Promise<(SampleCandidate & { mdtrtId: string })[]> {
  return q.query(
    `SELECT s.setl_id AS "setlId", s.mdtrt_id AS "mdtrtId", s.medfee_sumamt::float8 AS "amountFen",
            (SELECT count(*)::int FROM supervision_visit_hit h WHERE h.mdtrt_id = s.mdtrt_id) AS hits
       FROM settlement s
      WHERE s.fixmedins_code = $1 AND s.clr_type = '21' AND s.kind = 'settlement' AND s.reversed_by IS NULL
        AND s.setl_date BETWEEN $2::date AND $3::date`,
    [fixmedinsCode, from, to],
  );
}

/** Institutions with inpatient settlements in the month. */
export async function institutionsWithStays(q: Queryable, from: string, to: string): Promise<string[]> {
  const rows = await q.query<{ code: string }>(
    `SELECT DISTINCT fixmedins_code AS code FROM settlement
      WHERE clr_type = '21' AND kind = 'settlement' AND reversed_by IS NULL AND setl_date BETWEEN $1::date AND $2::date
      ORDER BY 1`,
    [from, to],
  );
  return rows.map((r) => r.code);
}

/** Of these institution codes, those no institution has (in the order given). */
export async function unknownInstitutions(q: Queryable, codes: readonly string[]): Promise<string[]> {
  const rows = await q.query<{ code: string }>(
    `SELECT c.code FROM unnest($1::text[]) WITH ORDINALITY AS c(code, n)
      WHERE NOT EXISTS (SELECT 1 FROM institution i WHERE i.code = c.code) ORDER BY c.n`,
    [codes],
  );
  return rows.map((r) => r.code);
}

export async function insertSample(
  q: Tx,
  s: {
    period: string;
    fixmedinsCode: string;
    method: SampleMethod;
    shareBp: number;
    seed: number;
    population: number;
    size: number;
    createdBy: string;
  },
  at: Date,
): Promise<number | null> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO supervision_sample (period, fixmedins_code, method, share_bp, seed, population, size, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (period, fixmedins_code) DO NOTHING RETURNING id::int`,
    [
      s.period,
      s.fixmedinsCode,
      s.method,
      s.shareBp,
      s.seed,
      s.population,
      s.size,
      s.createdBy,
      at.toISOString(),
    ],
  );
  return rows[0]?.id ?? null;
}

export async function insertSampleRecords(
  q: Tx,
  sampleId: number,
  records: { setlId: string; mdtrtId: string; amountFen: number; reviewerId: number | null }[],
) {
  if (records.length === 0) return;
  await q.query(
    `INSERT INTO supervision_sample_record (sample_id, setl_id, mdtrt_id, amount_fen, reviewer_id)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bigint[], $5::bigint[])`,
    [
      sampleId,
      records.map((r) => r.setlId),
      records.map((r) => r.mdtrtId),
      records.map((r) => r.amountFen),
      records.map((r) => r.reviewerId),
    ],
  );
}

const SAMPLE_SELECT = `
  SELECT m.id::int, m.period, m.fixmedins_code AS "fixmedinsCode", i.name AS "institutionName", m.method,
         m.share_bp AS "shareBp", m.seed::float8 AS seed, m.population, m.size,
         (SELECT count(*)::int FROM supervision_sample_record r WHERE r.sample_id = m.id AND r.result IS NOT NULL) AS reviewed,
         (SELECT count(*)::int FROM supervision_sample_record r WHERE r.sample_id = m.id AND r.result = 'finding') AS findings,
         m.created_by AS "createdBy", m.created_at AS "createdAt"
    FROM supervision_sample m LEFT JOIN institution i ON i.code = m.fixmedins_code`;

export async function listSamples(q: Queryable, period: string | null): Promise<SampleRow[]> {
  return q.query<SampleRow>(
    `${SAMPLE_SELECT} WHERE $1::text IS NULL OR m.period = $1 ORDER BY m.period DESC, m.fixmedins_code`,
    [period],
  );
}

export async function findSample(q: Queryable, id: number): Promise<SampleRow | null> {
  const rows = await q.query<SampleRow>(`${SAMPLE_SELECT} WHERE m.id = $1`, [id]);
  return rows[0] ?? null;
}

export interface SampleRecordRow {
  id: number;
  sampleId: number;
  setlId: string;
  mdtrtId: string;
  amountFen: number;
  psnName: string | null;
  beginDate: string | null;
  endDate: string | null;
  mainDiagCode: string | null;
  reviewerId: number | null;
  reviewerName: string | null;
  result: SampleResult | null;
  finding: string | null;
  atStakeFen: number | null;
  reviewedAt: string | null;
  suspectId: number | null;
}

const RECORD_SELECT = `
  SELECT r.id::int, r.sample_id::int AS "sampleId", r.setl_id AS "setlId", r.mdtrt_id AS "mdtrtId",
         r.amount_fen::float8 AS "amountFen", p.name AS "psnName", v.begin_date::text AS "beginDate",
         v.end_date::text AS "endDate", v.main_diag_code AS "mainDiagCode", r.reviewer_id::int AS "reviewerId",
         a.display_name AS "reviewerName", r.result, r.finding, r.at_stake_fen::float8 AS "atStakeFen",
         r.reviewed_at AS "reviewedAt", s.id::int AS "suspectId"
    FROM supervision_sample_record r
    JOIN visit v ON v.mdtrt_id = r.mdtrt_id
    LEFT JOIN person p ON p.psn_no = v.psn_no
    LEFT JOIN staff_account a ON a.id = r.reviewer_id
    LEFT JOIN supervision_suspect s ON s.sample_record_id = r.id`;

export async function sampleRecords(q: Queryable, sampleId: number): Promise<SampleRecordRow[]> {
  return q.query<SampleRecordRow>(`${RECORD_SELECT} WHERE r.sample_id = $1 ORDER BY r.setl_id`, [sampleId]);
}

export async function lockSampleRecord(q: Tx, id: number) {
  const rows = await q.query<{
    id: number;
    reviewerId: number | null;
    result: SampleResult | null;
    mdtrtId: string;
    fixmedinsCode: string;
    psnNo: string;
  }>(
    `SELECT r.id::int, r.reviewer_id::int AS "reviewerId", r.result, r.mdtrt_id AS "mdtrtId",
            v.fixmedins_code AS "fixmedinsCode", v.psn_no AS "psnNo"
       FROM supervision_sample_record r JOIN visit v ON v.mdtrt_id = r.mdtrt_id
      WHERE r.id = $1 FOR UPDATE OF r`,
    [id],
  );
  return rows[0] ?? null;
}

export async function recordReview(
  q: Tx,
  id: number,
  r: { result: SampleResult; finding: string | null; atStakeFen: number | null },
  at: Date,
) {
  await q.query(
    `UPDATE supervision_sample_record SET result = $2, finding = $3, at_stake_fen = $4, reviewed_at = $5 WHERE id = $1`,
    [id, r.result, r.finding, r.atStakeFen, at.toISOString()],
  );
}

/** Active accounts holding one of these roles (the reviewers a sample can be assigned to). */
export async function staffWithRoles(q: Queryable, roles: string[]) {
  return q.query<{ id: number; username: string; displayName: string }>(
    `SELECT id::int, username, display_name AS "displayName" FROM staff_account
      WHERE active AND roles && $1::text[] ORDER BY id`,
    [roles],
  );
}

export interface InstitutionIndicatorRow {
  code: string;
  name: string;
  level: number;
  stays: number;
  averageFen: number | null;
  levelAverageFen: number | null;
  selfPayBp: number | null;
  suspects: number;
  openSuspects: number;
  atStakeFen: number;
  confirmedFen: number;
}

/**
 * Each institution's inpatient indicators over a range (average cost per stay against its level's,
 * the class-C self-pay share: the AVG_COST and SELF_PAY_RATIO rules' own definitions) beside the
 * suspects about its visits of the range and the amounts at stake and confirmed.
 */
export async function institutionIndicators(q: Queryable, from: string, to: string, only: string | null) {
  return q.query<InstitutionIndicatorRow>(
    `WITH s AS (
       SELECT s.fixmedins_code, count(*) AS stays, sum(s.medfee_sumamt) AS total, sum(s.fulamt_ownpay_amt) AS own
         FROM settlement s
        WHERE s.clr_type = '21' AND s.kind = 'settlement' AND s.reversed_by IS NULL AND s.setl_date BETWEEN $1 AND $2
        GROUP BY s.fixmedins_code),
     lv AS (SELECT coalesce(i.level, 1) AS lvl, sum(s.total) / sum(s.stays) AS avg
              FROM s JOIN institution i ON i.code = s.fixmedins_code GROUP BY 1),
     sus AS (
       SELECT x.fixmedins_code, count(*) AS n, count(*) FILTER (WHERE c.closed_at IS NULL) AS open,
              sum(x.amount_fen) AS at_stake, coalesce(sum(x.confirmed_fen) FILTER (WHERE c.state = 'violation'), 0) AS confirmed
         FROM supervision_suspect x JOIN workflow_case c ON c.id = x.case_id
         LEFT JOIN visit v ON v.mdtrt_id = x.mdtrt_id
        WHERE coalesce(v.begin_date, x.created_at::date) BETWEEN $1 AND $2
        GROUP BY x.fixmedins_code)
     SELECT i.code, i.name, coalesce(i.level, 1)::int AS level, coalesce(s.stays, 0)::int AS stays,
            round(s.total / nullif(s.stays, 0))::float8 AS "averageFen", round(lv.avg)::float8 AS "levelAverageFen",
            round(s.own * 10000.0 / nullif(s.total, 0))::int AS "selfPayBp",
            coalesce(sus.n, 0)::int AS suspects, coalesce(sus.open, 0)::int AS "openSuspects",
            coalesce(sus.at_stake, 0)::float8 AS "atStakeFen", coalesce(sus.confirmed, 0)::float8 AS "confirmedFen"
       FROM institution i
       LEFT JOIN s ON s.fixmedins_code = i.code
       LEFT JOIN lv ON lv.lvl = coalesce(i.level, 1)
       LEFT JOIN sus ON sus.fixmedins_code = i.code
      WHERE (s.stays IS NOT NULL OR sus.n IS NOT NULL) AND ($3::text IS NULL OR i.code = $3)
      ORDER BY coalesce(sus.at_stake, 0) DESC, i.code`,
    [from, to, only],
  );
}

/** The thresholds the institution rules apply (the admin's parameters, or the templates' defaults). */
export async function indicatorThresholds(q: Queryable) {
  const rows = await q.query<{ template: string; params: Record<string, unknown>; enabled: boolean }>(
    `SELECT template, params, enabled FROM supervision_rule WHERE template IN ('AVG_COST', 'SELF_PAY_RATIO')`,
  );
  const of = (t: string, k: string, d: number) => {
    const v = rows.find((r) => r.template === t)?.params[k];
    return typeof v === 'number' ? v : d;
  };
  return {
    avgCostFactorBp: of('AVG_COST', 'factorBp', 15000),
    selfPayRatioBp: of('SELF_PAY_RATIO', 'ratioBp', 2000),
    minStays: of('AVG_COST', 'minVisits', 20),
  };
}
