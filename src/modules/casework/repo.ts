// All SQL of violation cases, their outcomes and the money ledger.
import type { Queryable, Tx } from '../../db/types.ts';
import type { ArticleCode } from '../../domain/casework/articles.ts';
import type { CaseSource, LedgerKind, OutcomeKind, ReferralBody } from '../../domain/casework/codes.ts';
import type { CaseState } from '../../domain/casework/machine.ts';

export interface CaseRow {
  id: number;
  caseId: number;
  fixmedinsCode: string;
  institutionName: string | null;
  source: CaseSource;
  suspectIds: number[];
  ticketNo: string | null;
  complaint: string | null;
  violationType: string;
  article: ArticleCode;
  lossFen: number;
  facts: string;
  state: CaseState;
  dueOn: string | null;
  createdAt: string;
}

const CASE_SELECT = `
  SELECT k.id::int, k.case_id::int AS "caseId", k.fixmedins_code AS "fixmedinsCode",
         i.name AS "institutionName", k.source, k.suspect_ids::int[] AS "suspectIds",
         k.ticket_no AS "ticketNo", k.complaint, k.violation_type AS "violationType", k.article,
         k.loss_fen::float8 AS "lossFen", k.facts, c.state, c.due_on::text AS "dueOn",
         k.created_at AS "createdAt"
    FROM casework_case k
    JOIN workflow_case c ON c.id = k.case_id
    LEFT JOIN institution i ON i.code = k.fixmedins_code`;

export type NewCase = Omit<CaseRow, 'id' | 'institutionName' | 'state' | 'dueOn' | 'createdAt'>;

export async function insertCase(q: Tx, c: NewCase, by: number, at: Date): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO casework_case (case_id, fixmedins_code, source, suspect_ids, ticket_no, complaint,
                                violation_type, article, loss_fen, facts, created_by, created_at)
     VALUES ($1, $2, $3, $4::bigint[], $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id::int`,
    [
      c.caseId,
      c.fixmedinsCode,
      c.source,
      c.suspectIds,
      c.ticketNo,
      c.complaint,
      c.violationType,
      c.article,
      c.lossFen,
      c.facts,
      by,
      at,
    ],
  );
  return rows[0].id;
}

export async function findCase(q: Queryable, id: number): Promise<CaseRow | null> {
  return (await q.query<CaseRow>(`${CASE_SELECT} WHERE k.id = $1`, [id]))[0] ?? null;
}

/** Cases that already hold one of these suspects (a suspect goes to one case). */
export async function casesHoldingSuspects(
  q: Queryable,
  ids: number[],
): Promise<{ id: number; suspectId: number }[]> {
  return q.query(
    `SELECT k.id::int, s::int AS "suspectId"
       FROM casework_case k CROSS JOIN LATERAL unnest(k.suspect_ids) AS s
       JOIN workflow_case c ON c.id = k.case_id
      WHERE s = ANY ($1::bigint[]) AND c.state <> 'withdrawn'`,
    [ids],
  );
}

export async function updateFacts(q: Tx, id: number, facts: string | null, lossFen: number | null) {
  await q.query(
    `UPDATE casework_case SET facts = COALESCE($2, facts), loss_fen = COALESCE($3, loss_fen) WHERE id = $1`,
    [id, facts, lossFen],
  );
}

export interface CaseFilter {
  state: CaseState | null;
  institution: string | null;
  /** open cases past their state's limit on this day */
  overdueOn: string | null;
}

export async function listCases(q: Queryable, f: CaseFilter, limit: number, offset: number) {
  const where = `WHERE ($1::text IS NULL OR c.state = $1) AND ($2::text IS NULL OR k.fixmedins_code = $2)
                   AND ($3::date IS NULL OR (c.closed_at IS NULL AND c.due_on < $3::date))`;
  const args = [f.state, f.institution, f.overdueOn];
  const items = await q.query<CaseRow>(`${CASE_SELECT} ${where} ORDER BY k.id DESC LIMIT $4 OFFSET $5`, [
    ...args,
    limit,
    offset,
  ]);
  const total = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM casework_case k JOIN workflow_case c ON c.id = k.case_id ${where}`,
    args,
  );
  return { items, total: total[0].n };
}

export interface OutcomeRow {
  id: number;
  kind: OutcomeKind;
  amountFen: number;
  multipleBp: number | null;
  referralTo: ReferralBody | null;
  note: string;
  period: string | null;
  createdAt: string;
}

export async function insertOutcome(
  q: Tx,
  caseworkId: number,
  o: Omit<OutcomeRow, 'id' | 'createdAt' | 'period'>,
  by: number,
  at: Date,
): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO casework_outcome (casework_id, kind, amount_fen, multiple_bp, referral_to, note, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id::int`,
    [caseworkId, o.kind, o.amountFen, o.multipleBp, o.referralTo, o.note, by, at],
  );
  return rows[0].id;
}

export async function outcomes(q: Queryable, caseworkId: number): Promise<OutcomeRow[]> {
  return q.query(
    `SELECT o.id::int, o.kind, o.amount_fen::float8 AS "amountFen", o.multiple_bp AS "multipleBp",
            o.referral_to AS "referralTo", o.note, l.period::text AS period, o.created_at AS "createdAt"
       FROM casework_outcome o LEFT JOIN casework_ledger l ON l.outcome_id = o.id
      WHERE o.casework_id = $1 ORDER BY o.id`,
    [caseworkId],
  );
}

export async function insertLedger(
  q: Tx,
  e: {
    fixmedinsCode: string;
    caseworkId: number;
    outcomeId: number;
    kind: LedgerKind;
    amountFen: number;
    period: string;
  },
  at: Date,
) {
  await q.query(
    `INSERT INTO casework_ledger (fixmedins_code, casework_id, outcome_id, kind, amount_fen, period, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.fixmedinsCode, e.caseworkId, e.outcomeId, e.kind, e.amountFen, e.period, at],
  );
}

export interface LedgerRow {
  id: number;
  fixmedinsCode: string;
  institutionName: string | null;
  caseworkId: number;
  kind: LedgerKind;
  amountFen: number;
  period: string;
}

export interface PeriodFilter {
  from: string;
  to: string;
  institution: string | null;
}
const PERIOD_WHERE = `WHERE l.period BETWEEN $1 AND $2 AND ($3::text IS NULL OR l.fixmedins_code = $3)`;

export async function ledger(q: Queryable, f: PeriodFilter): Promise<LedgerRow[]> {
  return q.query(
    `SELECT l.id::int, l.fixmedins_code AS "fixmedinsCode", i.name AS "institutionName",
            l.casework_id::int AS "caseworkId", l.kind, l.amount_fen::float8 AS "amountFen", l.period::text AS period
       FROM casework_ledger l LEFT JOIN institution i ON i.code = l.fixmedins_code
      ${PERIOD_WHERE} ORDER BY l.period, l.fixmedins_code, l.id`,
    [f.from, f.to, f.institution],
  );
}

export interface LedgerTotal {
  fixmedinsCode: string;
  institutionName: string | null;
  period: string;
  kind: LedgerKind;
  amountFen: number;
  count: number;
}

/** Totals per institution, period and kind. */
export async function ledgerTotals(q: Queryable, f: PeriodFilter): Promise<LedgerTotal[]> {
  return q.query(
    `SELECT l.fixmedins_code AS "fixmedinsCode", min(i.name) AS "institutionName", l.period::text AS period,
            l.kind, sum(l.amount_fen)::float8 AS "amountFen", count(*)::int AS count
       FROM casework_ledger l LEFT JOIN institution i ON i.code = l.fixmedins_code
      ${PERIOD_WHERE} GROUP BY l.fixmedins_code, l.period, l.kind ORDER BY 1, 3, 4`,
    [f.from, f.to, f.institution],
  );
}

/** Counts and amounts per outcome kind of the outcomes decided in [fromAt, toAt). */
export async function outcomeSummary(q: Queryable, fromAt: Date, toAt: Date) {
  return q.query<{ kind: OutcomeKind; count: number; amountFen: number; cases: number }>(
    `SELECT o.kind, count(*)::int AS count, COALESCE(sum(o.amount_fen), 0)::float8 AS "amountFen",
            count(DISTINCT o.casework_id)::int AS cases
       FROM casework_outcome o
      WHERE o.created_at >= $1 AND o.created_at < $2
      GROUP BY o.kind ORDER BY o.kind`,
    [fromAt, toAt],
  );
}

/** Cases opened and closed in [fromAt, toAt). */
export async function caseCounts(q: Queryable, fromAt: Date, toAt: Date) {
  const rows = await q.query<{ opened: number; closed: number }>(
    `SELECT count(*) FILTER (WHERE k.created_at >= $1 AND k.created_at < $2)::int AS opened,
            count(*) FILTER (WHERE c.state = 'closed' AND c.closed_at >= $1 AND c.closed_at < $2)::int AS closed
       FROM casework_case k JOIN workflow_case c ON c.id = k.case_id`,
    [fromAt, toAt],
  );
  return rows[0];
}

export async function institutionName(q: Queryable, code: string): Promise<string | null> {
  return (
    (await q.query<{ name: string }>(`SELECT name FROM institution WHERE code = $1`, [code]))[0]?.name ?? null
  );
}

/** Per institution: the cases opened in [from, to] (China days) and the ledger of the months it spans. */
export async function institutionFigures(
  q: Queryable,
  from: string,
  to: string,
): Promise<{ fixmedinsCode: string; cases: number; ledgerFen: number }[]> {
  return q.query(
    `WITH c AS (SELECT fixmedins_code, count(*) AS n FROM casework_case
                 WHERE (created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $1::date AND $2::date GROUP BY 1),
          l AS (SELECT fixmedins_code, sum(amount_fen) AS fen FROM casework_ledger
                 WHERE period BETWEEN substr($1::text, 1, 7) AND substr($2::text, 1, 7) GROUP BY 1)
     SELECT coalesce(c.fixmedins_code, l.fixmedins_code) AS "fixmedinsCode", coalesce(c.n, 0)::int AS cases,
            coalesce(l.fen, 0)::float8 AS "ledgerFen"
       FROM c FULL JOIN l ON l.fixmedins_code = c.fixmedins_code`,
    [from, to],
  );
}
