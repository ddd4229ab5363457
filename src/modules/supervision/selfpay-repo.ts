// SQL of the self-paid visits institutions report (supervision_selfpay_visit / _line, migration 043).
import type { Queryable, Tx } from '../../db/types.ts';
import type { SelfPayLine, SelfPayVisit } from '../../domain/his/selfpay-inputs.ts';
import type { SelfPayVisitDetail, SelfPayVisitRow } from './contract.ts';

type Stamp = { fixmedinsCode: string; msgid: string; now: string };

/**
 * The visit stored or replaced: its id, and whether the certificate named a person of the registry
 * and whether that person was insured on the visit's first day (Beijing). The certificate is only
 * compared, never stored.
 */
export async function upsertVisit(
  tx: Tx,
  f: Stamp,
  v: SelfPayVisit,
): Promise<{ id: number; psnNo: string | null; insured: boolean }> {
  const main = v.diagnoses.find((d) => d.main) ?? null;
  const rows = await tx.query<{ id: number; psnNo: string | null; insured: boolean }>(
    `WITH p AS (SELECT psn_no FROM person WHERE certno = $4),
          d AS (SELECT (($6::timestamptz) AT TIME ZONE 'Asia/Shanghai')::date AS day)
     INSERT INTO supervision_selfpay_visit AS s (fixmedins_code, fixmedins_mdtrt_id, inpatient, med_type,
            begin_at, begin_date, psn_no, insured, told_total_fen, main_diag_code, main_diag_name, diagnoses,
            msgid, created_at, updated_at)
     SELECT $1, $2, $3, $5, $6, d.day, (SELECT psn_no FROM p),
            EXISTS (SELECT 1 FROM enrollment e, p WHERE e.psn_no = p.psn_no AND e.status = 'active'
                       AND d.day BETWEEN e.begin_date AND e.end_date),
            $7, $8, $9, $10, $11, $12, $12
       FROM d
     ON CONFLICT (fixmedins_code, fixmedins_mdtrt_id) DO UPDATE
        SET inpatient = EXCLUDED.inpatient, med_type = EXCLUDED.med_type, begin_at = EXCLUDED.begin_at,
            begin_date = EXCLUDED.begin_date, psn_no = EXCLUDED.psn_no, insured = EXCLUDED.insured,
            told_total_fen = EXCLUDED.told_total_fen, main_diag_code = EXCLUDED.main_diag_code,
            main_diag_name = EXCLUDED.main_diag_name, diagnoses = EXCLUDED.diagnoses,
            msgid = EXCLUDED.msgid, updated_at = EXCLUDED.updated_at
     RETURNING id::int, psn_no AS "psnNo", insured`,
    [
      f.fixmedinsCode,
      v.mdtrtId,
      v.inpatient,
      v.certno,
      v.medType,
      v.beginAt,
      v.totalFen,
      main?.code ?? null,
      main?.name ?? null,
      JSON.stringify(v.diagnoses),
      f.msgid,
      f.now,
    ],
  );
  return rows[0]!;
}

export interface ReportedVisit {
  id: number;
  inpatient: boolean;
  medType: string;
  createdAt: string;
  receivedAt: string;
}

/** The institution's visit by its own id (null: not reported). */
export async function findVisit(
  q: Queryable,
  fixmedinsCode: string,
  mdtrtId: string,
): Promise<ReportedVisit | null> {
  const rows = await q.query<ReportedVisit>(
    `SELECT id::int, inpatient, med_type AS "medType", created_at AS "createdAt", updated_at AS "receivedAt"
       FROM supervision_selfpay_visit WHERE fixmedins_code = $1 AND fixmedins_mdtrt_id = $2`,
    [fixmedinsCode, mdtrtId],
  );
  return rows[0] ?? null;
}

/** Lines stored; a 记账流水号 reported again replaces its line. The number replaced. */
export async function upsertLines(
  tx: Tx,
  visitId: number,
  msgid: string,
  ls: readonly SelfPayLine[],
): Promise<number> {
  const col = <K extends keyof SelfPayLine>(k: K) => ls.map((l) => l[k]);
  const rows = await tx.query<{ replaced: boolean }>(
    `INSERT INTO supervision_selfpay_line AS l (visit_id, bkkp_sn, occurred_at, item_code, hilist_code, hilist_name,
            chrgitm_type, cnt, price, amount_fen, full_own_fen, inscp_fen, memo, msgid)
     SELECT $1, u.sn, u.at, u.item, u.hcode, u.hname, u.type, u.cnt, u.price, u.amount, u.own, u.inscp, u.memo, $2
       FROM unnest($3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::numeric[],
                   $10::numeric[], $11::bigint[], $12::bigint[], $13::bigint[], $14::text[])
            AS u(sn, at, item, hcode, hname, type, cnt, price, amount, own, inscp, memo)
     ON CONFLICT (visit_id, bkkp_sn) DO UPDATE
        SET occurred_at = EXCLUDED.occurred_at, item_code = EXCLUDED.item_code, hilist_code = EXCLUDED.hilist_code,
            hilist_name = EXCLUDED.hilist_name, chrgitm_type = EXCLUDED.chrgitm_type, cnt = EXCLUDED.cnt,
            price = EXCLUDED.price, amount_fen = EXCLUDED.amount_fen, full_own_fen = EXCLUDED.full_own_fen,
            inscp_fen = EXCLUDED.inscp_fen, memo = EXCLUDED.memo, msgid = EXCLUDED.msgid
     RETURNING (xmax <> 0) AS replaced`,
    [
      visitId,
      msgid,
      col('sn'),
      col('occurredAt'),
      col('itemCode'),
      col('hilistCode'),
      col('hilistName'),
      col('chrgitmType'),
      col('cnt'),
      col('price'),
      col('amountFen'),
      col('fullOwnFen'),
      col('inscpFen'),
      col('memo'),
    ],
  );
  return rows.filter((r) => r.replaced).length;
}

export async function setCompleted(tx: Tx, visitId: number, at: string | null): Promise<void> {
  await tx.query(`UPDATE supervision_selfpay_visit SET completed_at = $2 WHERE id = $1`, [visitId, at]);
}

export interface SelfPayFilter {
  institution: string | null;
  from: string | null;
  to: string | null;
  /** only visits of persons insured that day */
  insured: boolean;
  /** one visit */
  id?: number;
}

export async function listVisits(
  q: Queryable,
  f: SelfPayFilter,
  limit: number,
  offset: number,
): Promise<{ total: number; items: SelfPayVisitRow[] }> {
  const rows = await q.query<SelfPayVisitRow & { total: number }>(
    `SELECT s.id::int, s.fixmedins_code AS "fixmedinsCode", i.name AS "institutionName",
            s.fixmedins_mdtrt_id AS "mdtrtId", s.inpatient, s.med_type AS "medType", s.begin_at AS "beginAt",
            s.psn_no AS "psnNo", p.name AS "psnName", s.insured, s.main_diag_code AS "mainDiagCode",
            s.main_diag_name AS "mainDiagName", s.told_total_fen::float8 AS "toldTotalFen",
            coalesce(l.lines, 0)::int AS lines, coalesce(l.amount, 0)::float8 AS "amountFen",
            coalesce(l.inscp, 0)::float8 AS "inscpFen", s.completed_at AS "completedAt",
            s.updated_at AS "receivedAt", count(*) OVER ()::int AS total
       FROM supervision_selfpay_visit s
       LEFT JOIN institution i ON i.code = s.fixmedins_code
       LEFT JOIN person p ON p.psn_no = s.psn_no
       LEFT JOIN LATERAL (SELECT count(*) AS lines, sum(amount_fen) AS amount, sum(inscp_fen) AS inscp
                            FROM supervision_selfpay_line WHERE visit_id = s.id) l ON true
      WHERE ($1::text IS NULL OR s.fixmedins_code = $1)
        AND ($2::date IS NULL OR s.begin_date >= $2) AND ($3::date IS NULL OR s.begin_date <= $3)
        AND (NOT $4::boolean OR s.insured) AND ($7::bigint IS NULL OR s.id = $7)
      ORDER BY s.begin_at DESC, s.id DESC LIMIT $5 OFFSET $6`,
    [f.institution, f.from, f.to, f.insured, limit, offset, f.id ?? null],
  );
  return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...r }) => r) };
}

/** One visit's diagnoses (as reported) and lines, in 记账流水号 order. */
export async function visitDetail(
  q: Queryable,
  id: number,
): Promise<Omit<SelfPayVisitDetail, 'visit'> | null> {
  const rows = await q.query<Omit<SelfPayVisitDetail, 'visit'>>(
    `SELECT v.diagnoses,
            coalesce((SELECT jsonb_agg(jsonb_build_object(
                       'sn', l.bkkp_sn, 'occurredAt', l.occurred_at, 'itemCode', l.item_code, 'hilistCode', l.hilist_code,
                       'hilistName', l.hilist_name, 'chrgitmType', l.chrgitm_type, 'cnt', l.cnt::text, 'price', l.price::text,
                       'amountFen', l.amount_fen, 'fullOwnFen', l.full_own_fen, 'inscpFen', l.inscp_fen, 'memo', l.memo)
                       ORDER BY length(l.bkkp_sn), l.bkkp_sn)
                        FROM supervision_selfpay_line l WHERE l.visit_id = v.id), '[]'::jsonb) AS lines
       FROM supervision_selfpay_visit v WHERE v.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** A visit's lines deleted: the one named, or all of them (sn null); what went, in 记账流水号 order. */
export async function deleteLines(
  tx: Tx,
  visitId: number,
  sn: string | null,
): Promise<{ sn: string; amountFen: number }[]> {
  const rows = await tx.query<{ sn: string; amountFen: number }>(
    `DELETE FROM supervision_selfpay_line WHERE visit_id = $1 AND ($2::text IS NULL OR bkkp_sn = $2)
     RETURNING bkkp_sn AS sn, amount_fen::float8 AS "amountFen"`,
    [visitId, sn],
  );
  return rows.sort((a, b) => a.sn.length - b.sn.length || (a.sn < b.sn ? -1 : a.sn > b.sn ? 1 : 0));
}
