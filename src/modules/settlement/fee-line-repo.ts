// Fee-line SQL: an upload's lines in one statement with its audit entry, a cancel, and for the
// amount bounds and return lines (issue 9) the bounds row with the visit's current live total, the
// original lines a return nets (locked), and the netted line's update.
import type { Tx } from '../../db/types.ts';
import type { UploadLine } from '../../domain/his/inputs.ts';
import type { LineResult } from '../../domain/settlement/types.ts';
import { sum } from '../../domain/shared/money.ts';
import { auditParams, auditPart } from '../audit/index.ts';
import type { Caller } from './caller.ts';
import type { VisitRow } from './visit-repo.ts';

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
export async function lockOriginalLines(q: Tx, mdtrtId: string, sns: string[]): Promise<OriginalLine[]> {
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

export async function updateNettedLines(q: Tx, lines: NettedLine[]): Promise<void> {
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

/** All lines in one statement (unnest), with the batch's audit entry. */
export async function insertLines(
  tx: Tx,
  v: VisitRow,
  c: Caller,
  lines: UploadLine[],
  items: { id: number; medChrgitmType: string }[],
  results: LineResult[],
): Promise<void> {
  await tx.query(
    `WITH l AS (
       INSERT INTO fee_line (mdtrt_id, psn_no, feedetl_sn, chrg_bchno, med_list_codg, medins_list_codg, catalogue_item_id,
         fee_ocur_time, fee_date, cnt, pric_fen, pric_e4fen, det_item_fee_sumamt, chrgitm_lv, med_chrgitm_type, fulamt_ownpay_amt,
         overlmt_amt, preselfpay_amt, inscp_scp_amt, reasons, detail, created_at)
       SELECT $1, $2, u.sn, u.batch, u.code, u.his_code, u.item, u.t, u.d, u.cnt, u.pric, u.pric_e4, u.amt, u.lv, u.mct, u.full_amt,
              u.over_amt, u.pre, u.inscp, string_to_array(u.reasons, ','), u.detail::jsonb, $3
         FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::timestamptz[], $10::date[],
                     $11::numeric[], $12::bigint[], $13::bigint[], $14::text[], $15::text[], $16::bigint[], $17::bigint[],
                     $18::bigint[], $19::bigint[], $20::text[], $21::text[], $22::bigint[])
           AS u(sn, batch, code, his_code, item, t, d, cnt, pric, amt, lv, mct, full_amt, over_amt, pre, inscp, reasons, detail,
                pric_e4)
       RETURNING 1)
     ${auditPart(23, '$1', '(SELECT 1 WHERE EXISTS (SELECT 1 FROM l)) AS x')}`,
    [
      v.mdtrtId,
      v.psnNo,
      c.now.toISOString(),
      lines.map((l) => l.lineNo),
      lines.map((l) => l.batchNo),
      lines.map((l) => l.itemCode),
      lines.map((l) => l.hisItemCode),
      items.map((i) => i.id),
      lines.map((l) => l.time.iso),
      lines.map((l) => l.time.date),
      lines.map((l) => l.quantity.text),
      lines.map((l) => l.unitPriceFen),
      lines.map((l) => l.amountFen),
      results.map((r) => r.chargeClass),
      items.map((i) => i.medChrgitmType),
      results.map((r) => r.fullySelfPaidFen),
      results.map((r) => r.overCapFen),
      results.map((r) => r.firstShareFen),
      results.map((r) => r.inScopeFen),
      results.map((r) => r.reasons.join(',')),
      lines.map((l) => JSON.stringify(l.detail)),
      lines.map((l) => l.unitPrice.e4fen.toString()),
      ...auditParams(
        c.actor,
        'fee_line.upload',
        'visit',
        {
          lines: lines.length,
          totalFen: sum(lines.map((l) => l.amountFen)),
          batches: [...new Set(lines.map((l) => l.batchNo))],
          msgid: c.msgid,
        },
        c.now,
      ),
    ],
  );
}

/** Cancel unsettled lines: all of them, a charge batch, or lines by number; the numbers cancelled. */
export function cancelLines(
  tx: Tx,
  mdtrtId: string,
  all: boolean,
  batchNo: string | null,
  lineNos: string[],
): Promise<{ sn: string }[]> {
  return tx.query<{ sn: string }>(
    `UPDATE fee_line SET cancelled = true
      WHERE mdtrt_id = $1 AND NOT cancelled AND setl_id IS NULL
        AND ($2 OR ($3::text IS NOT NULL AND chrg_bchno = $3) OR feedetl_sn = ANY($4::text[]))
      RETURNING feedetl_sn AS sn`,
    [mdtrtId, all, batchNo, lineNos],
  );
}
