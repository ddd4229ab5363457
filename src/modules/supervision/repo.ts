// SQL of the supervision module's own tables: rules and their history, knowledge points, runs, hits.
import type { Db, Queryable, Tx } from '../../db/types.ts';
import type { Template } from '../../domain/supervision/templates.ts';
import type { HitRow, KnowledgeRow, RuleRow, RunRow } from './contract.ts';

export type { HitRow, KnowledgeRow, RuleRow, RunRow };

const RULE = `code, template, name, national_class AS "nationalClass", grain, result_type AS "resultType", stages,
  severity, params, enabled, blocks, updated_at AS "updatedAt", updated_by AS "updatedBy"`;

/** One rule per template with its default parameters, where none exists yet (first use, upgrades). */
export async function seedRules(q: Tx, templates: readonly Template[], at: Date, by: string): Promise<void> {
  await q.query(
    `INSERT INTO supervision_rule (code, template, name, national_class, grain, result_type, stages, severity, params, updated_at, updated_by)
     SELECT t->>'code', t->>'code', t->>'name', t->>'nationalClass', t->>'grain', t->>'resultType',
            ARRAY(SELECT jsonb_array_elements_text(t->'stages')), (t->>'severity')::smallint, t->'params', $2, $3
       FROM jsonb_array_elements($1::jsonb) t
     ON CONFLICT (code) DO NOTHING`,
    [JSON.stringify(templates), at.toISOString(), by],
  );
}

export async function listRules(q: Queryable): Promise<RuleRow[]> {
  return q.query<RuleRow>(`SELECT ${RULE} FROM supervision_rule ORDER BY code`);
}

export async function lockRule(q: Tx, code: string): Promise<RuleRow | null> {
  const rows = await q.query<RuleRow>(`SELECT ${RULE} FROM supervision_rule WHERE code = $1 FOR UPDATE`, [
    code,
  ]);
  return rows[0] ?? null;
}

export async function updateRule(
  q: Tx,
  before: RuleRow,
  after: { enabled: boolean; severity: number; params: Record<string, unknown>; blocks: boolean },
  at: Date,
  by: string,
  reason: string,
): Promise<void> {
  await q.query(
    `WITH u AS (UPDATE supervision_rule SET enabled = $2, severity = $3, params = $4, updated_at = $5, updated_by = $6, blocks = $10
                 WHERE code = $1)
     INSERT INTO supervision_rule_history (rule_code, changed_at, changed_by, before, after, reason)
     VALUES ($1, $5, $6, $7, $8, $9)`,
    [
      before.code,
      after.enabled,
      after.severity,
      JSON.stringify(after.params),
      at.toISOString(),
      by,
      JSON.stringify({
        enabled: before.enabled,
        severity: before.severity,
        params: before.params,
        blocks: before.blocks,
      }),
      JSON.stringify(after),
      reason,
      after.blocks,
    ],
  );
}

export async function ruleHistory(q: Queryable, code: string) {
  return q.query(
    `SELECT changed_at AS "changedAt", changed_by AS "changedBy", before, after, reason
       FROM supervision_rule_history WHERE rule_code = $1 ORDER BY id DESC`,
    [code],
  );
}

export async function insertKnowledge(q: Tx, rows: KnowledgeRow[], at: Date): Promise<number> {
  const r = await q.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO supervision_knowledge (template, item_code, value, batch, valid_from, valid_to, created_at)
       SELECT x->>'template', x->>'itemCode', x->'value', x->>'batch', (x->>'validFrom')::date, (x->>'validTo')::date, $2
         FROM jsonb_array_elements($1::jsonb) x
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [JSON.stringify(rows), at.toISOString()],
  );
  return r[0]!.n;
}

export async function listKnowledge(q: Queryable, template: string | null, limit: number, offset: number) {
  const rows = await q.query<KnowledgeRow & { total: number }>(
    `SELECT id::int, template, item_code AS "itemCode", value, batch, valid_from::text AS "validFrom",
            valid_to::text AS "validTo", count(*) OVER ()::int AS total
       FROM supervision_knowledge WHERE $1::text IS NULL OR template = $1
      ORDER BY template, item_code, valid_from LIMIT $2 OFFSET $3`,
    [template, limit, offset],
  );
  return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...r }) => r) };
}

/** A knowledge point, locked for a change. */
export async function lockKnowledge(q: Tx, id: number): Promise<KnowledgeRow | null> {
  const rows = await q.query<KnowledgeRow>(
    `SELECT id::int, template, item_code AS "itemCode", value, batch, valid_from::text AS "validFrom",
            valid_to::text AS "validTo"
       FROM supervision_knowledge WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0] ?? null;
}

export async function endKnowledge(q: Tx, id: number, validTo: string): Promise<void> {
  await q.query(`UPDATE supervision_knowledge SET valid_to = $2 WHERE id = $1`, [id, validTo]);
}

const RUN = `id::int, from_date::text AS "fromDate", to_date::text AS "toDate", status, rules, chunks_total AS "chunksTotal",
  chunks_done AS "chunksDone", hits, error, started_by AS "startedBy", started_at AS "startedAt", finished_at AS "finishedAt",
  visits_checked AS "visitsChecked", visits_reused AS "visitsReused"`;

export async function insertRun(
  q: Tx,
  r: { from: string; to: string; rules: string[]; chunks: number; by: string; at: Date },
): Promise<RunRow> {
  const rows = await q.query<RunRow>(
    `INSERT INTO supervision_run (from_date, to_date, status, rules, chunks_total, started_by, started_at)
     VALUES ($1, $2, 'running', $3, $4, $5, $6) RETURNING ${RUN}`,
    [r.from, r.to, r.rules, r.chunks, r.by, r.at.toISOString()],
  );
  return rows[0]!;
}

export async function findRun(q: Queryable, id: number): Promise<RunRow | null> {
  const rows = await q.query<RunRow>(`SELECT ${RUN} FROM supervision_run WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function listRuns(q: Queryable, limit: number): Promise<RunRow[]> {
  return q.query<RunRow>(`SELECT ${RUN} FROM supervision_run ORDER BY id DESC LIMIT $1`, [limit]);
}

/** A stage done: its hits counted, the next stage to do recorded (a restart begins there). */
export async function stageDone(q: Tx, id: number, stage: number, hits: number): Promise<void> {
  await q.query(`UPDATE supervision_run SET chunks_done = $2, hits = hits + $3 WHERE id = $1`, [
    id,
    stage,
    hits,
  ]);
}

/** A stage's partial hits, removed before the stage runs again. */
export async function clearStage(q: Tx, id: number, rules: string[]): Promise<void> {
  await q.query(`DELETE FROM supervision_hit WHERE run_id = $1 AND rule_code = ANY($2::text[])`, [id, rules]);
}

export async function finishRun(
  q: Db,
  id: number,
  status: 'done' | 'failed',
  at: Date,
  error: string | null,
): Promise<void> {
  await q.query(`UPDATE supervision_run SET status = $2, finished_at = $3, error = $4 WHERE id = $1`, [
    id,
    status,
    at.toISOString(),
    error,
  ]);
}

export async function listHits(
  q: Queryable,
  f: { runId: number; rule: string | null; institution: string | null },
  limit: number,
  offset: number,
): Promise<{ total: number; items: HitRow[] }> {
  const rows = await q.query<HitRow & { total: number }>(
    `SELECT h.id::int, h.rule_code AS "ruleCode", r.name AS "ruleName", h.mdtrt_id AS "mdtrtId", h.psn_no AS "psnNo",
            h.fixmedins_code AS "fixmedinsCode", i.name AS "institutionName", h.amount_fen::int AS "amountFen",
            h.lines, h.detail, count(*) OVER ()::int AS total
       FROM supervision_hit h
       LEFT JOIN supervision_rule r ON r.code = h.rule_code
       LEFT JOIN institution i ON i.code = h.fixmedins_code
      WHERE h.run_id = $1 AND ($2::text IS NULL OR h.rule_code = $2) AND ($3::text IS NULL OR h.fixmedins_code = $3)
      ORDER BY h.amount_fen DESC, h.id LIMIT $4 OFFSET $5`,
    [f.runId, f.rule, f.institution, limit, offset],
  );
  return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...r }) => r) };
}

export async function hitSummary(q: Queryable, runId: number) {
  return q.query<{ ruleCode: string; ruleName: string; hits: number; amountFen: number }>(
    `SELECT h.rule_code AS "ruleCode", min(r.name) AS "ruleName", count(*)::int AS hits, sum(h.amount_fen)::int AS "amountFen"
       FROM supervision_hit h LEFT JOIN supervision_rule r ON r.code = h.rule_code
      WHERE h.run_id = $1 GROUP BY h.rule_code ORDER BY h.rule_code`,
    [runId],
  );
}
