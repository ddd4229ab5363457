// SQL of the 事前/事中 analysis: the catalogue entries and knowledge points of the ordered items,
// the rules enabled for a stage, the warnings given and the decisions fed back.
import type { Db, Queryable, RidingRead, RidingWrite, Tx } from '../../db/types.ts';
import type { ItemFacts, ItemKnowledge } from '../../domain/supervision/line-rules.ts';

export interface ItemRow extends ItemFacts {
  code: string;
  knowledge: ItemKnowledge;
}

/**
 * An item's knowledge points (rows k of supervision_knowledge, grouped by item) as one ItemKnowledge
 * object: the 事前/事中 analysis and the 事后 scan read them the same way.
 */
export const ITEM_KNOWLEDGE = `jsonb_strip_nulls(jsonb_build_object(
    'schemes', (array_agg(k.value->'insutypes') FILTER (WHERE k.template = 'SCHEME'))[1],
    'minLevel', max((k.value->>'minLevel')::int) FILTER (WHERE k.template = 'INSTITUTION_LEVEL'),
    'indications', (array_agg(k.value->'diagnoses') FILTER (WHERE k.template = 'INDICATION'))[1],
    'maxQuantity', min((k.value->>'max')::numeric) FILTER (WHERE k.template = 'QUANTITY'),
    'maxCourse', min((k.value->>'max')::numeric) FILTER (WHERE k.template = 'COURSE')))`;

export interface StageRule {
  code: string;
  name: string;
  template: string;
  resultType: string;
  severity: number;
}

export interface AnalysisFacts {
  items: Map<string, ItemRow>;
  deaths: Map<string, string>;
  rules: StageRule[];
}

export interface FactsAsk {
  codes: string[];
  on: string;
  patients: string[];
  stage: 'before' | 'during';
}

/**
 * What 3101/3102 and the payment audit check orders against, as one jsonb (it is on the HIS's
 * charging path): the catalogue facts and knowledge points of the items valid on a date (items
 * unknown are absent), the death dates of the patients recorded dead, and the line rules enabled
 * for the stage. Read on its own, or riding in the HIS gateway's statement (no round trip).
 */
export function analysisFactsRead(a: FactsAsk): RidingRead {
  return { sql: factsSql, params: [a.codes, a.on, a.patients, a.stage] };
}

// one function for every read (the statement riding it is composed once per text, not per call)
const factsSql = (n: number) => `(SELECT jsonb_build_object(
       'items', coalesce((
         SELECT jsonb_agg(jsonb_build_object('code', u.code, 'genderLimit', c.gender_limit, 'minAge', c.min_age,
                  'maxAge', c.max_age, 'inpatientOnly', coalesce(c.inpatient_only, false),
                  'priceCapFen', c.price_cap_fen::int,
                  'knowledge', coalesce((SELECT ${ITEM_KNOWLEDGE}
                                           FROM supervision_knowledge k
                                          WHERE k.item_code = u.code AND k.valid_from <= $${n + 1}::date
                                            AND (k.valid_to IS NULL OR k.valid_to >= $${n + 1}::date)), '{}')))
           FROM (SELECT DISTINCT unnest($${n}::text[]) AS code) u
           LEFT JOIN LATERAL (SELECT * FROM catalogue_item c WHERE c.code = u.code AND c.valid_from <= $${n + 1}::date
                                AND (c.valid_to IS NULL OR c.valid_to >= $${n + 1}::date)
                               ORDER BY c.valid_from DESC LIMIT 1) c ON true), '[]'),
       'deaths', (SELECT coalesce(jsonb_object_agg(p.psn_no, p.death_date), '{}') FROM person p
                   WHERE p.psn_no = ANY($${n + 2}::text[]) AND p.death_date IS NOT NULL),
       'rules', (SELECT coalesce(jsonb_agg(jsonb_build_object('code', r.code, 'name', r.name, 'template', r.template,
                                   'resultType', r.result_type, 'severity', r.severity) ORDER BY r.code), '[]')
                   FROM supervision_rule r WHERE r.enabled AND $${n + 3}::text = ANY(r.stages) AND r.grain = 'line')))`;

/** The facts as analysisFactsRead's jsonb gives them. */
export function factsOf(j: {
  items: (ItemRow & { code: string })[];
  deaths: Record<string, string>;
  rules: StageRule[];
}): AnalysisFacts {
  return {
    items: new Map(j.items.map((r) => [r.code, r])),
    deaths: new Map(Object.entries(j.deaths)),
    rules: j.rules,
  };
}

/** The facts, read on their own (one round trip). */
export async function analysisFacts(q: Queryable, a: FactsAsk): Promise<AnalysisFacts> {
  const read = analysisFactsRead(a);
  const rows = await q.query<{ facts: Parameters<typeof factsOf>[0] }>(
    `SELECT ${read.sql(1)} AS facts`,
    read.params,
  );
  return factsOf(rows[0]!.facts);
}

export interface NewWarning {
  taskId: string | null;
  stage: 'before' | 'during';
  fixmedinsCode: string;
  patnId: string;
  mdtrtId: string | null;
  ruleCode: string;
  amountFen: number;
  items: string[];
}

/** n fresh serials of the warnings' sequence (jr_id = 'JR' + time + serial). */
export async function takeWarningSerials(q: Db, n: number): Promise<number[]> {
  const rows = await q.query<{ n: string }>(
    `SELECT nextval('supervision_warning_serial')::text AS n FROM generate_series(1, $1::int)`,
    [n],
  );
  return rows.map((r) => Number(r.n));
}

/**
 * The warnings (with their jr_ids) as a write that rides in the statement storing the HIS message:
 * the parameter is their JSON array, empty when the message was not stored.
 */
export function warningsWrite(ws: (NewWarning & { jrId: string })[], at: Date): RidingWrite {
  return { sql: warningsSql, value: JSON.stringify(ws.map((w) => ({ ...w, at: at.toISOString() }))) };
}

const warningsSql = (p: string) =>
  `INSERT INTO supervision_warning (jr_id, task_id, stage, fixmedins_code, patn_id, mdtrt_id, rule_code, amount_fen, items, created_at)
   SELECT w->>'jrId', w->>'taskId', w->>'stage', w->>'fixmedinsCode', w->>'patnId', w->>'mdtrtId', w->>'ruleCode',
          (w->>'amountFen')::bigint, ARRAY(SELECT jsonb_array_elements_text(w->'items')), (w->>'at')::timestamptz
     FROM jsonb_array_elements(${p}) AS w`;

/** 3103: the decision on the institution's own warnings; returns the jr_ids it found. */
export async function decideWarnings(
  q: Tx,
  fixmedinsCode: string,
  ds: { jrId: string; decision: 'continue' | 'revise'; reason: string | null }[],
  at: Date,
): Promise<string[]> {
  const rows = await q.query<{ jrId: string }>(
    `UPDATE supervision_warning w SET decision = d->>'decision', decision_reason = d->>'reason', decided_at = $3
       FROM jsonb_array_elements($2::jsonb) d
      WHERE w.jr_id = d->>'jrId' AND w.fixmedins_code = $1
     RETURNING w.jr_id AS "jrId"`,
    [fixmedinsCode, JSON.stringify(ds), at.toISOString()],
  );
  return rows.map((r) => r.jrId);
}

/** A settled or settling visit as the 事中 rules read it: the person, the encounter, its live lines. */
export async function storedEncounter(q: Queryable, mdtrtId: string) {
  const rows = await q.query<{
    psnNo: string;
    gender: '1' | '2';
    birthDate: string;
    insutype: string;
    inpatient: boolean;
    beginDate: string;
    endDate: string | null;
    fixmedinsCode: string;
    level: number | null;
    diagnoses: string[];
    orders: {
      rxId: string;
      itemCode: string;
      quantity: number;
      unitPriceFen: number;
      amountFen: number;
      date: string;
    }[];
  }>(
    `SELECT v.psn_no AS "psnNo", p.gender, p.birth_date::text AS "birthDate", v.insutype::text AS insutype,
            v.inpatient, v.begin_date::text AS "beginDate", v.end_date::text AS "endDate",
            v.fixmedins_code AS "fixmedinsCode", i.level,
            ARRAY(SELECT d->>'code' FROM jsonb_array_elements(v.diagnoses) d WHERE d->>'code' IS NOT NULL)
              || CASE WHEN v.main_diag_code IS NULL THEN '{}'::text[] ELSE ARRAY[v.main_diag_code] END AS diagnoses,
            COALESCE((SELECT jsonb_agg(jsonb_build_object('rxId', f.feedetl_sn, 'itemCode', f.med_list_codg,
                               'quantity', f.cnt, 'unitPriceFen', f.pric_fen, 'amountFen', f.det_item_fee_sumamt,
                               'date', f.fee_date) ORDER BY f.feedetl_sn)
                        FROM fee_line f WHERE f.mdtrt_id = v.mdtrt_id AND NOT f.cancelled), '[]') AS orders
       FROM visit v JOIN person p ON p.psn_no = v.psn_no JOIN institution i ON i.code = v.fixmedins_code
      WHERE v.mdtrt_id = $1`,
    [mdtrtId],
  );
  return rows[0] ?? null;
}

/** The enabled 事中 rules set to refuse a settlement on a certain violation. */
export async function blockingRules(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ code: string }>(
    `SELECT code FROM supervision_rule
      WHERE enabled AND blocks AND result_type = 'certain' AND 'during' = ANY(stages) AND grain = 'line'`,
  );
  return rows.map((r) => r.code);
}

/**
 * Live settlements made after the cursor, oldest first, leaving out the last `lagSeconds` (a
 * transaction that began earlier may still commit behind them).
 */
export async function settlementsAfter(q: Queryable, limit: number, lagSeconds: number) {
  return q.query<{ setlId: string; mdtrtId: string; createdAt: string }>(
    `SELECT s.setl_id AS "setlId", s.mdtrt_id AS "mdtrtId", s.created_at::text AS "createdAt"
       FROM settlement s
       LEFT JOIN supervision_audit_cursor c ON c.id = 1
      WHERE s.kind = 'settlement' AND s.reversed_by IS NULL
        AND (c.id IS NULL OR (s.created_at, s.setl_id) > (c.last_at, c.last_setl_id))
        AND s.created_at < now() - make_interval(secs => $2)
      ORDER BY s.created_at, s.setl_id LIMIT $1`,
    [limit, lagSeconds],
  );
}

/** The newest live settlement, where the cursor goes when the past counts as audited. */
export async function newestSettlement(q: Queryable) {
  const rows = await q.query<{ setlId: string; createdAt: string }>(
    `SELECT setl_id AS "setlId", created_at::text AS "createdAt" FROM settlement
      WHERE kind = 'settlement' AND reversed_by IS NULL ORDER BY created_at DESC, setl_id DESC LIMIT 1`,
  );
  return rows[0] ?? null;
}

export async function moveCursor(q: Tx, at: string, setlId: string) {
  await q.query(
    `INSERT INTO supervision_audit_cursor (id, last_at, last_setl_id) VALUES (1, $1::timestamptz, $2)
     ON CONFLICT (id) DO UPDATE SET last_at = EXCLUDED.last_at, last_setl_id = EXCLUDED.last_setl_id`,
    [at, setlId],
  );
}

/** Which (visit, rule) pairs already have a 事中 suspect. */
export async function realtimeSuspectsOf(q: Queryable, mdtrtIds: string[]) {
  const rows = await q.query<{ key: string }>(
    `SELECT mdtrt_id || '|' || rule_code AS key FROM supervision_suspect
      WHERE source = 'realtime' AND mdtrt_id = ANY($1::text[])`,
    [mdtrtIds],
  );
  return new Set(rows.map((r) => r.key));
}
