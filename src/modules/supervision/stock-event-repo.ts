// All SQL of 进销存 as institutions report it through the HIS (supervision_stock_event): the live
// 批次流水号 among an upload's, the insert, 3507's deletion and the workbench's list.
import type { Queryable, Tx } from '../../db/types.ts';
import type { StockEventInput, StockEventKind } from '../../domain/supervision/stock-events.ts';
import type { StockEventRow, StockMonthRow } from './contract.ts';
import { settledInMonth } from './stock-repo.ts';

export interface Stamp {
  fixmedinsCode: string;
  msgid: string;
  now: Date;
}

/** The (kind, 批次流水号) pairs among `events` that are live already. */
export async function liveBatches(
  q: Queryable,
  fixmedinsCode: string,
  events: readonly Pick<StockEventInput, 'kind' | 'bchno'>[],
): Promise<{ kind: StockEventKind; bchno: string }[]> {
  return q.query(
    `SELECT e.kind, e.bchno FROM supervision_stock_event e
       JOIN unnest($2::text[], $3::text[]) AS x(kind, bchno) ON x.kind = e.kind AND x.bchno = e.bchno
      WHERE e.fixmedins_code = $1 AND e.deleted_at IS NULL
      ORDER BY e.bchno`,
    [fixmedinsCode, events.map((e) => e.kind), events.map((e) => e.bchno)],
  );
}

export async function insertEvents(tx: Tx, s: Stamp, events: readonly StockEventInput[]): Promise<void> {
  await tx.query(
    `INSERT INTO supervision_stock_event (fixmedins_code, kind, item_code, hilist_id, hilist_name, bchno, quantity, price,
                                          occurred_at, occurred_on, detail, trace_codes, msgid, received_at)
     SELECT $1, x->>'kind', x->>'itemCode', x->>'hilistId', x->>'hilistName', x->>'bchno', (x->>'quantity')::numeric,
            (x->>'price')::numeric, (x->>'occurredAt')::timestamptz, (x->>'occurredOn')::date, x->'detail',
            ARRAY(SELECT jsonb_array_elements_text(x->'traceCodes')), $2, $3
       FROM jsonb_array_elements($4::jsonb) x`,
    [s.fixmedinsCode, s.msgid, s.now, JSON.stringify(events)],
  );
}

/** Mark the live records of these kinds under one 批次流水号 deleted; how many were. */
export async function deleteEvents(
  tx: Tx,
  s: Stamp,
  kinds: readonly StockEventKind[],
  bchno: string,
): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `WITH d AS (
       UPDATE supervision_stock_event SET deleted_at = $4, deleted_msgid = $5
        WHERE fixmedins_code = $1 AND kind = ANY($2::text[]) AND bchno = $3 AND deleted_at IS NULL
       RETURNING 1)
     SELECT count(*)::int AS n FROM d`,
    [s.fixmedinsCode, kinds, bchno, s.now, s.msgid],
  );
  return rows[0]!.n;
}

export interface StockEventFilter {
  institution: string | null;
  kind: StockEventKind | null;
  item: string | null;
  from: string | null;
  to: string | null;
  /** deleted records too (3507) */
  deleted: boolean;
}

export async function listEvents(
  q: Queryable,
  f: StockEventFilter,
  limit: number,
  offset: number,
): Promise<{ total: number; items: StockEventRow[] }> {
  const rows = await q.query<StockEventRow & { total: number }>(
    `SELECT e.id::text AS id, e.fixmedins_code AS "fixmedinsCode", i.name AS "institutionName", e.kind,
            e.item_code AS "itemCode", e.hilist_id AS "hilistId", e.hilist_name AS "hilistName", e.bchno,
            e.quantity::text AS quantity, e.price::text AS price, e.occurred_at AS "occurredAt",
            e.occurred_on::text AS "occurredOn", e.detail, e.trace_codes AS "traceCodes", e.msgid,
            e.received_at AS "receivedAt",
            e.deleted_at AS "deletedAt", e.deleted_msgid AS "deletedMsgid", count(*) OVER ()::int AS total
       FROM supervision_stock_event e LEFT JOIN institution i ON i.code = e.fixmedins_code
      WHERE ($1::text IS NULL OR e.fixmedins_code = $1) AND ($2::text IS NULL OR e.kind = $2)
        AND ($3::text IS NULL OR e.item_code = $3 OR e.hilist_id = $3)
        AND ($4::date IS NULL OR e.occurred_on >= $4) AND ($5::date IS NULL OR e.occurred_on <= $5)
        AND ($6::boolean OR e.deleted_at IS NULL)
      ORDER BY e.occurred_at DESC, e.id DESC LIMIT $7 OFFSET $8`,
    [f.institution, f.kind, f.item, f.from, f.to, f.deleted, limit, offset],
  );
  return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...r }) => r) };
}

/**
 * A month of reported records per institution and item beside what the fund settled: purchased
 * (采购 − 采购退货), sold (销售 − 销售退货), the last count of the month (summed over its batches)
 * and the quantity of settled visits' lines. Only items with records that month.
 */
export async function monthComparison(
  q: Queryable,
  f: { institution: string | null; month: string },
): Promise<StockMonthRow[]> {
  return q.query<StockMonthRow>(
    `WITH ev AS (
       SELECT fixmedins_code, item_code, max(hilist_name) AS hilist_name,
              sum(CASE kind WHEN 'purchase' THEN quantity WHEN 'purchase_return' THEN -quantity ELSE 0 END) AS purchased,
              sum(CASE kind WHEN 'sale' THEN quantity WHEN 'sale_return' THEN -quantity ELSE 0 END) AS sold,
              max(occurred_on) FILTER (WHERE kind = 'count') AS counted_on
         FROM supervision_stock_event
        WHERE deleted_at IS NULL AND ($1::text IS NULL OR fixmedins_code = $1)
          AND occurred_on BETWEEN ($2 || '-01')::date AND (($2 || '-01')::date + interval '1 month - 1 day')::date
        GROUP BY 1, 2),
     counted AS (
       SELECT e.fixmedins_code, e.item_code, sum(e.quantity) AS qty
         FROM supervision_stock_event e JOIN ev USING (fixmedins_code, item_code)
        WHERE e.kind = 'count' AND e.deleted_at IS NULL AND e.occurred_on = ev.counted_on
        GROUP BY 1, 2),
     settled AS (${settledInMonth(
       '$2',
       'f.med_list_codg IN (SELECT item_code FROM ev) AND v.fixmedins_code IN (SELECT fixmedins_code FROM ev)',
     )})
     SELECT ev.fixmedins_code AS "fixmedinsCode", i.name AS "institutionName", ev.item_code AS "itemCode",
            ev.hilist_name AS "hilistName", ev.purchased::float8 AS purchased, ev.sold::float8 AS sold,
            ev.counted_on::text AS "countedOn", c.qty::float8 AS counted, COALESCE(s.qty, 0)::float8 AS settled
       FROM ev LEFT JOIN counted c USING (fixmedins_code, item_code)
               LEFT JOIN settled s USING (fixmedins_code, item_code)
               LEFT JOIN institution i ON i.code = ev.fixmedins_code
      ORDER BY ev.fixmedins_code, ev.item_code`,
    [f.institution, f.month],
  );
}
