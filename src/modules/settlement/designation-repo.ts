// All SQL of person_designation (人员定点备案: HIS 2505 / 2506, 5302, and the workbench's list).
import type { Queryable, Tx } from '../../db/types.ts';
import type { DesignationFiling } from '../../domain/his/inputs.ts';
import type { DesignationRecord } from '../../domain/his/records.ts';
import type { DesignationRow } from './contract.ts';

/** A live designation of the person for the business in that order, if any. */
export async function liveDesignation(
  q: Queryable,
  d: { psnNo: string; bizType: string; order: string },
): Promise<{ id: number } | null> {
  const rows = await q.query<{ id: number }>(
    `SELECT id::int FROM person_designation
      WHERE psn_no = $1 AND biz_appy_type = $2 AND fix_srt_no = $3 AND cancelled_at IS NULL`,
    [d.psnNo, d.bizType, d.order],
  );
  return rows[0] ?? null;
}

export async function insertDesignation(
  tx: Tx,
  d: DesignationFiling,
  f: { filedBy: string; msgid: string; now: string },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO person_designation (psn_no, biz_appy_type, fix_srt_no, fixmedins_code, begin_date, end_date, detail,
                                     filed_by, msgid, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10) RETURNING id::int`,
    [
      d.psnNo,
      d.bizType,
      d.order,
      d.institution,
      d.beginDate,
      d.endDate,
      JSON.stringify(d.detail),
      f.filedBy,
      f.msgid,
      f.now,
    ],
  );
  return row!.id;
}

/** A designation as it was before a cancellation (the audit's before). */
export interface CancelledDesignation {
  id: number;
  psnNo: string;
  bizType: string;
  order: string;
  fixmedinsCode: string;
  beginDate: string;
  endDate: string | null;
  filedBy: string;
}

/**
 * Cancels a live designation: by the institution that filed it (`filedBy`, for 2506; with the
 * person it is for) or by anyone (a clerk). Returns the row as it was, or null.
 */
export async function cancelDesignationRow(
  tx: Tx,
  c: { id: number; psnNo?: string; filedBy?: string; by: string; reason: string | null; now: string },
): Promise<CancelledDesignation | null> {
  const rows = await tx.query<CancelledDesignation>(
    `UPDATE person_designation SET cancelled_at = $2, cancelled_by = $3, cancel_reason = $4
      WHERE id = $1 AND cancelled_at IS NULL AND ($5::text IS NULL OR psn_no = $5) AND ($6::text IS NULL OR filed_by = $6)
      RETURNING id::int, psn_no AS "psnNo", biz_appy_type AS "bizType", fix_srt_no AS "order",
                fixmedins_code AS "fixmedinsCode", begin_date::text AS "beginDate", end_date::text AS "endDate",
                filed_by AS "filedBy"`,
    [c.id, c.now, c.by, c.reason, c.psnNo ?? null, c.filedBy ?? null],
  );
  return rows[0] ?? null;
}

/** Designations by person (and village), newest first: live only, or every one. */
export async function designationRows(
  q: Queryable,
  f: { psnNo: string | null; village: string | null; live: boolean },
  limit: number,
  offset: number,
): Promise<{ items: DesignationRow[]; total: number }> {
  const from = `FROM person_designation d JOIN person p ON p.psn_no = d.psn_no
      LEFT JOIN institution i ON i.code = d.fixmedins_code
     WHERE ($1::text IS NULL OR d.psn_no = $1) AND ($2::text IS NULL OR p.village_code = $2)
       AND (NOT $3 OR d.cancelled_at IS NULL)`;
  const params = [f.psnNo, f.village, f.live];
  const total = await q.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params);
  const items = await q.query<DesignationRow>(
    `SELECT d.id::int, d.psn_no AS "psnNo", p.name AS "psnName", d.biz_appy_type AS "bizType",
            d.fix_srt_no AS "order", d.fixmedins_code AS "fixmedinsCode", i.name AS "fixmedinsName",
            d.begin_date::text AS "beginDate", d.end_date::text AS "endDate", d.detail->>'memo' AS memo,
            d.filed_by AS "filedBy", d.created_at AS "createdAt", d.cancelled_at AS "cancelledAt",
            d.cancel_reason AS "cancelReason"
       ${from} ORDER BY d.id DESC LIMIT $4 OFFSET $5`,
    [...params, limit, offset],
  );
  return { items, total: total[0]!.n };
}

/**
 * 5302: the person's live designations not ended before `today`, of one business or all, in the
 * person's order, with the insurance type the person is enrolled in today; null: no such person.
 */
export async function designationsOf(
  q: Queryable,
  f: { psnNo: string; bizType: string | null; today: string },
): Promise<DesignationRecord[] | null> {
  const rows = await q.query<{ rows: DesignationRecord[] }>(
    `SELECT coalesce((
       SELECT json_agg(json_build_object(
                'psnNo', d.psn_no, 'insutype', e.insutype, 'order', d.fix_srt_no, 'fixmedinsCode', d.fixmedins_code,
                'fixmedinsName', i.name, 'beginDate', d.begin_date::text, 'endDate', d.end_date::text,
                'memo', d.detail->>'memo')
              ORDER BY d.biz_appy_type, d.fix_srt_no, d.id)
         FROM person_designation d LEFT JOIN institution i ON i.code = d.fixmedins_code
        WHERE d.psn_no = p.psn_no AND d.cancelled_at IS NULL AND ($2::text IS NULL OR d.biz_appy_type = $2)
          AND (d.end_date IS NULL OR d.end_date >= $3::date)), '[]') AS rows
       FROM person p
       LEFT JOIN LATERAL (SELECT e.insutype FROM enrollment e
                           WHERE e.psn_no = p.psn_no AND e.begin_date <= $3::date AND e.end_date >= $3::date
                             AND e.status = 'active'
                           ORDER BY e.insutype LIMIT 1) e ON true
      WHERE p.psn_no = $1`,
    [f.psnNo, f.bizType, f.today],
  );
  return rows[0]?.rows ?? null;
}
