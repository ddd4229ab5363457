// SQL of his_medical_record (4301 门急诊诊疗记录, 4302 急诊留观, 4401 病案首页, 4402 医嘱, 4701 电子病历): one live record per visit and form,
// an earlier one ended when the form is uploaded again, never deleted.
import type { Queryable, Tx } from '../../db/types.ts';
import type { MedicalRecordItem } from './contract.ts';

type Stamp = { fixmedinsCode: string; msgid: string; now: string };

/** Ends the visit's live record of the form, if any; its id. */
export async function endMedicalRecord(
  tx: Tx,
  f: Stamp,
  r: { infno: string; mdtrtId: string },
): Promise<number | null> {
  const rows = await tx.query<{ id: number }>(
    `UPDATE his_medical_record SET ended_at = $2, ended_msgid = $3
      WHERE fixmedins_code = $1 AND mdtrt_id = $4 AND infno = $5 AND ended_at IS NULL RETURNING id::int`,
    [f.fixmedinsCode, f.now, f.msgid, r.mdtrtId, r.infno],
  );
  return rows[0]?.id ?? null;
}

export async function insertMedicalRecord(
  tx: Tx,
  f: Stamp,
  r: { infno: string; mdtrtId: string; psnNo: string; document: Record<string, unknown> },
): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO his_medical_record (fixmedins_code, infno, mdtrt_id, psn_no, document, msgid, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::int`,
    [f.fixmedinsCode, r.infno, r.mdtrtId, r.psnNo, JSON.stringify(r.document), f.msgid, f.now],
  );
  return rows[0]!.id;
}

/**
 * The live records of a visit, named by its mdtrt_id or by one of its settlements, by form;
 * with the visit's person and institution (null: no such visit or settlement).
 */
export async function visitMedicalRecords(
  q: Queryable,
  ref: { mdtrtId: string | null; setlId: string | null },
): Promise<{ mdtrtId: string; psnNo: string; fixmedinsCode: string; records: MedicalRecordItem[] } | null> {
  const rows = await q.query<{
    mdtrtId: string;
    psnNo: string;
    fixmedinsCode: string;
    records: MedicalRecordItem[];
  }>(
    `WITH v AS (
       SELECT mdtrt_id, psn_no, fixmedins_code FROM visit
        WHERE mdtrt_id = coalesce($1::text, (SELECT mdtrt_id FROM settlement WHERE setl_id = $2::text)))
     SELECT v.mdtrt_id AS "mdtrtId", v.psn_no AS "psnNo", v.fixmedins_code AS "fixmedinsCode",
            coalesce((SELECT jsonb_agg(jsonb_build_object(
                       'id', r.id, 'infno', r.infno, 'uploadedAt', r.created_at, 'msgid', r.msgid,
                       'replaced', (SELECT count(*)::int FROM his_medical_record e
                                     WHERE e.mdtrt_id = r.mdtrt_id AND e.infno = r.infno AND e.ended_at IS NOT NULL),
                       'document', r.document) ORDER BY r.infno)
                        FROM his_medical_record r WHERE r.mdtrt_id = v.mdtrt_id AND r.ended_at IS NULL),
                     '[]'::jsonb) AS records
       FROM v`,
    [ref.mdtrtId, ref.setlId],
  );
  const r = rows[0];
  if (!r) return null;
  // timestamps inside jsonb come back as PostgreSQL's text: the same instant as ISO
  return {
    ...r,
    records: r.records.map((x) => ({ ...x, uploadedAt: new Date(x.uploadedAt).toISOString() })),
  };
}
