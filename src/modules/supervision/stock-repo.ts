// All SQL of 进销存 (supervision_stock): the import (a month imported again replaces the row and keeps
// the old one in the history), the list, and the institutions missing from the registry.
import type { Queryable, Tx } from '../../db/types.ts';
import type { StockInput } from '../../domain/supervision/stock.ts';
import type { StockRow } from './contract.ts';

/** The codes among `codes` that name no institution. */
export async function unknownInstitutions(q: Queryable, codes: string[]): Promise<string[]> {
  const rows = await q.query<{ code: string }>(
    `SELECT c AS code FROM unnest($1::text[]) c WHERE NOT EXISTS (SELECT 1 FROM institution i WHERE i.code = c) ORDER BY c`,
    [codes],
  );
  return rows.map((r) => r.code);
}

/** Insert or replace the rows; returns how many were new and how many replaced an earlier import. */
export async function upsertStock(
  q: Tx,
  rows: StockInput[],
  batch: string,
  by: string,
  at: Date,
): Promise<{ created: number; replaced: number }> {
  const json = JSON.stringify(rows);
  const input = `SELECT x->>'fixmedinsCode' AS fixmedins_code, x->>'itemCode' AS item_code, ((x->>'month') || '-01')::date AS month,
                        (x->>'opening')::numeric AS opening_qty, (x->>'purchased')::numeric AS purchased_qty,
                        (x->>'closing')::numeric AS closing_qty
                   FROM jsonb_array_elements($1::jsonb) x`;
  const replaced = await q.query<{ n: number }>(
    `WITH old AS (
       INSERT INTO supervision_stock_history (fixmedins_code, item_code, month, opening_qty, purchased_qty, closing_qty, batch,
                                              imported_at, imported_by, replaced_at, replaced_by)
       SELECT s.fixmedins_code, s.item_code, s.month, s.opening_qty, s.purchased_qty, s.closing_qty, s.batch, s.imported_at,
              s.imported_by, $2, $3
         FROM supervision_stock s JOIN (${input}) i USING (fixmedins_code, item_code, month)
       RETURNING 1)
     SELECT count(*)::int AS n FROM old`,
    [json, at, by],
  );
  await q.query(
    `INSERT INTO supervision_stock (fixmedins_code, item_code, month, opening_qty, purchased_qty, closing_qty, batch, imported_at, imported_by)
     SELECT i.*, $4, $2, $3 FROM (${input}) i
     ON CONFLICT (fixmedins_code, item_code, month) DO UPDATE
       SET opening_qty = excluded.opening_qty, purchased_qty = excluded.purchased_qty, closing_qty = excluded.closing_qty,
           batch = excluded.batch, imported_at = excluded.imported_at, imported_by = excluded.imported_by`,
    [json, at, by, batch],
  );
  const n = replaced[0]!.n;
  return { created: rows.length - n, replaced: n };
}

export async function listStock(
  q: Queryable,
  f: { institution: string | null; month: string | null },
  limit: number,
  offset: number,
): Promise<{ total: number; items: StockRow[] }> {
  const rows = await q.query<StockRow & { total: number }>(
    `SELECT s.fixmedins_code AS "fixmedinsCode", i.name AS "institutionName", s.item_code AS "itemCode",
            to_char(s.month, 'YYYY-MM') AS month, s.opening_qty::float8 AS opening, s.purchased_qty::float8 AS purchased,
            s.closing_qty::float8 AS closing, s.batch, s.imported_at AS "importedAt", s.imported_by AS "importedBy",
            count(*) OVER ()::int AS total
       FROM supervision_stock s LEFT JOIN institution i ON i.code = s.fixmedins_code
      WHERE ($1::text IS NULL OR s.fixmedins_code = $1) AND ($2::text IS NULL OR s.month = ($2 || '-01')::date)
      ORDER BY s.month DESC, s.fixmedins_code, s.item_code LIMIT $3 OFFSET $4`,
    [f.institution, f.month, limit, offset],
  );
  return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...r }) => r) };
}

/**
 * The lines the fund settled in a month (`month`: the SQL of a 'yyyy-MM' text), by institution and
 * item: fixmedins_code, item_code, qty. Callers narrow and group it.
 */
export const settledInMonth = (month: string, where = 'true') =>
  `SELECT v.fixmedins_code, f.med_list_codg AS item_code, sum(f.cnt) AS qty
     FROM fee_line f JOIN visit v ON v.mdtrt_id = f.mdtrt_id
    WHERE v.status = 'settled' AND NOT f.cancelled AND (${where})
      AND f.fee_date BETWEEN (${month} || '-01')::date AND ((${month} || '-01')::date + interval '1 month - 1 day')::date
    GROUP BY 1, 2`;

/** What the fund settled of each item at each institution in a month (lines of settled visits). */
export async function settledByItem(
  q: Queryable,
  month: string,
): Promise<{ fixmedinsCode: string; itemCode: string; quantity: number }[]> {
  return q.query(
    `SELECT fixmedins_code AS "fixmedinsCode", item_code AS "itemCode", qty::float8 AS quantity
       FROM (${settledInMonth('$1')}) s ORDER BY 1, 2`,
    [month],
  );
}
