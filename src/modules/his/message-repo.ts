// SQL of the HIS message log beyond the gateway's lookups: what 2601 冲正 reads and marks, and the
// files of 9101/9102.
import type { Queryable, Tx } from '../../db/types.ts';
import type { Undo } from '../../domain/his/correction.ts';

export interface LoggedMessage {
  infno: string;
  undo: Undo | null;
  reversedBy: string | null;
}

/** The logged message of an institution's msgid, locked (a 2601 and the original's retry serialise). */
export async function lockMessage(
  q: Tx,
  fixmedinsCode: string,
  msgid: string,
): Promise<LoggedMessage | null> {
  const rows = await q.query<LoggedMessage>(
    `SELECT infno, undo, reversed_by AS "reversedBy" FROM his_message
      WHERE fixmedins_code = $1 AND msgid = $2 FOR UPDATE`,
    [fixmedinsCode, msgid],
  );
  return rows[0] ?? null;
}

export async function markReversed(q: Tx, fixmedinsCode: string, msgid: string, by: string): Promise<void> {
  await q.query(`UPDATE his_message SET reversed_by = $3 WHERE fixmedins_code = $1 AND msgid = $2`, [
    fixmedinsCode,
    msgid,
    by,
  ]);
}

/**
 * A 2601 for a msgid Yibao never processed: the msgid is taken (reversed before it arrived), so
 * the original arriving late is refused instead of settling after the HIS gave it up.
 */
export async function reserveReversed(
  q: Tx,
  m: { fixmedinsCode: string; msgid: string; infno: string; by: string; response: string; at: Date },
): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO his_message (msgid, fixmedins_code, infno, body_sha256, response, created_at, reversed_by)
     VALUES ($1, $2, $3, 'reversed-before-arrival', $4::jsonb, $5, $6)
     ON CONFLICT DO NOTHING RETURNING msgid`,
    [m.msgid, m.fixmedinsCode, m.infno, m.response, m.at.toISOString(), m.by],
  );
  return rows.length === 1;
}

export interface StoredFile {
  fileQueryNo: string;
  filename: string;
  content: Buffer;
}

/** A file kept for a day; its query number (30 characters) is 'F' + time + a 15-digit serial. */
export async function insertFile(
  q: Tx,
  f: { fixmedinsCode: string; filename: string; content: Buffer; at: Date; stamp: string },
): Promise<{ fileQueryNo: string; expiresAt: string }> {
  const rows = await q.query<{ fileQueryNo: string; expiresAt: string }>(
    `INSERT INTO his_file (file_qury_no, fixmedins_code, filename, content, created_at, expires_at)
     VALUES ('F' || $5 || lpad(nextval('his_file_serial')::text, 15, '0'), $1, $2, $3, $4,
             $4::timestamptz + interval '1 day')
     RETURNING file_qury_no AS "fileQueryNo", expires_at AS "expiresAt"`,
    [f.fixmedinsCode, f.filename, f.content, f.at.toISOString(), f.stamp],
  );
  return rows[0]!;
}

export async function findFile(
  q: Queryable,
  fixmedinsCode: string,
  fileQueryNo: string,
  at: Date,
): Promise<StoredFile | null> {
  const rows = await q.query<StoredFile>(
    `SELECT file_qury_no AS "fileQueryNo", filename, content FROM his_file
      WHERE fixmedins_code = $1 AND file_qury_no = $2 AND expires_at > $3`,
    [fixmedinsCode, fileQueryNo, at.toISOString()],
  );
  const r = rows[0];
  return r ? { ...r, content: Buffer.from(r.content) } : null;
}
