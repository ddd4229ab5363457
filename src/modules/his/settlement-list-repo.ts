// SQL of his_settlement_list (结算清单, 4101/4101A/4102): one live list per settlement, an earlier
// one ended when the list is uploaded again, never deleted.
import type { Queryable, Tx } from '../../db/types.ts';
import type { SettlementListItem } from './contract.ts';

type Stamp = { fixmedinsCode: string; msgid: string; now: string };

export interface NewSettlementList {
  setlId: string;
  psnNo: string;
  mdtrtId: string;
  mainDiagnosis: { code: string; name: string } | null;
  operations: number;
  document: Record<string, unknown>;
}

/** Ends the settlement's live list, if any; its id. */
export async function endSettlementList(tx: Tx, f: Stamp, setlId: string): Promise<number | null> {
  const rows = await tx.query<{ id: number }>(
    `UPDATE his_settlement_list SET ended_at = $2, ended_msgid = $3
      WHERE fixmedins_code = $1 AND setl_id = $4 AND ended_at IS NULL RETURNING id::int`,
    [f.fixmedinsCode, f.now, f.msgid, setlId],
  );
  return rows[0]?.id ?? null;
}

export async function insertSettlementList(tx: Tx, f: Stamp, l: NewSettlementList): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO his_settlement_list (fixmedins_code, setl_id, psn_no, mdtrt_id, main_diag_code, main_diag_name,
       operations, status, status_at, document, msgid, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $8::text IS NULL THEN NULL ELSE $10::timestamptz END,
             $9, $11, $10)
     RETURNING id::int`,
    [
      f.fixmedinsCode,
      l.setlId,
      l.psnNo,
      l.mdtrtId,
      l.mainDiagnosis?.code ?? null,
      l.mainDiagnosis?.name ?? null,
      l.operations,
      (l.document.setlinfo as { stas_type?: string | null } | undefined)?.stas_type ?? null,
      JSON.stringify(l.document),
      f.now,
      f.msgid,
    ],
  );
  return rows[0]!.id;
}

/** Sets the status of the institution's live lists; the settlements that have none. */
export async function setListStatuses(
  tx: Tx,
  f: Stamp,
  rows: { psnNo: string; setlId: string; status: string }[],
): Promise<string[]> {
  const done = await tx.query<{ setlId: string }>(
    `UPDATE his_settlement_list l SET status = u.status, status_at = $2
       FROM unnest($3::text[], $4::text[], $5::text[]) AS u(setl, psn, status)
      WHERE l.fixmedins_code = $1 AND l.ended_at IS NULL AND l.setl_id = u.setl AND l.psn_no = u.psn
      RETURNING l.setl_id AS "setlId"`,
    [f.fixmedinsCode, f.now, rows.map((r) => r.setlId), rows.map((r) => r.psnNo), rows.map((r) => r.status)],
  );
  const found = new Set(done.map((d) => d.setlId));
  return rows.map((r) => r.setlId).filter((s) => !found.has(s));
}

/** The live list of a settlement, as the workbench shows it (null: none uploaded). */
export async function liveSettlementList(q: Queryable, setlId: string): Promise<SettlementListItem | null> {
  const rows = await q.query<SettlementListItem>(
    `SELECT id::int, setl_id AS "setlId", main_diag_code AS "mainDiagCode", main_diag_name AS "mainDiagName",
            operations, status, created_at AS "uploadedAt", status_at AS "statusAt",
            (SELECT count(*)::int FROM his_settlement_list e WHERE e.setl_id = l.setl_id AND e.ended_at IS NOT NULL)
              AS "replaced",
            document
       FROM his_settlement_list l WHERE setl_id = $1 AND ended_at IS NULL`,
    [setlId],
  );
  return rows[0] ?? null;
}
