// Fee-line SQL for the amount bounds and return lines (issue 9): the bounds row with the visit's
// current live total, the original lines a return nets (locked), and the netted line's update.
import type { Queryable } from '../../db/types.ts';

export interface AmountLimits {
  lineMaxFen: number;
  visitMaxFen: number;
  /** the visit's live (uncancelled) lines as they stand, as text: a sum is numeric */
  visitTotal: string;
}

/** The bounds as read with the visit (no his_limits row: the wire's own width N(16,2) is the only bound). */
export function amountLimits(
  row: { lineMaxFen: string; visitMaxFen: string } | null,
  visitTotal: string,
): AmountLimits {
  if (!row) return { lineMaxFen: Number.MAX_SAFE_INTEGER, visitMaxFen: Number.MAX_SAFE_INTEGER, visitTotal };
  return { lineMaxFen: Number(row.lineMaxFen), visitMaxFen: Number(row.visitMaxFen), visitTotal };
}

export interface OriginalLine {
  id: number;
  sn: string;
  itemCode: string;
  date: string;
  cnt: string;
  pricFen: number;
  amountFen: number;
  fullySelfPaidFen: number;
  overCapFen: number;
  firstShareFen: number;
  inScopeFen: number;
  settled: boolean;
  detail: Record<string, unknown> | null;
}

/** The live lines a return names, locked for the netting. */
export async function lockOriginalLines(
  q: Queryable,
  mdtrtId: string,
  sns: string[],
): Promise<OriginalLine[]> {
  if (sns.length === 0) return [];
  return q.query<OriginalLine>(
    `SELECT id::int AS id, feedetl_sn AS sn, med_list_codg AS "itemCode", fee_date::text AS date, cnt::text AS cnt,
            pric_fen::float8 AS "pricFen", det_item_fee_sumamt::float8 AS "amountFen",
            fulamt_ownpay_amt::float8 AS "fullySelfPaidFen", overlmt_amt::float8 AS "overCapFen",
            preselfpay_amt::float8 AS "firstShareFen", inscp_scp_amt::float8 AS "inScopeFen",
            setl_id IS NOT NULL AS settled, detail
       FROM fee_line WHERE mdtrt_id = $1 AND NOT cancelled AND feedetl_sn = ANY($2::text[])
      ORDER BY id FOR UPDATE`,
    [mdtrtId, sns],
  );
}

export interface NettedLine {
  id: number;
  cnt: string;
  amountFen: number;
  chargeClass: string | null;
  fullySelfPaidFen: number;
  overCapFen: number;
  firstShareFen: number;
  inScopeFen: number;
  reasons: string[];
  /** the return lines applied, kept on the original line's detail */
  returns: { sn: string; cnt: string; amountFen: number }[];
}

export async function updateNettedLines(q: Queryable, lines: NettedLine[]): Promise<void> {
  for (const l of lines) {
    await q.query(
      `UPDATE fee_line SET cnt = $2::numeric, det_item_fee_sumamt = $3, chrgitm_lv = $4, fulamt_ownpay_amt = $5,
              overlmt_amt = $6, preselfpay_amt = $7, inscp_scp_amt = $8, reasons = $9::text[],
              detail = coalesce(detail, '{}'::jsonb) || jsonb_build_object('returns',
                coalesce(detail -> 'returns', '[]'::jsonb) || $10::jsonb)
        WHERE id = $1`,
      [
        l.id,
        l.cnt,
        l.amountFen,
        l.chargeClass,
        l.fullySelfPaidFen,
        l.overCapFen,
        l.firstShareFen,
        l.inScopeFen,
        l.reasons,
        JSON.stringify(l.returns),
      ],
    );
  }
}
