// All SQL of the self-service tables: login codes, person sessions, attempt windows, the demo SMS
// sink and the uploaded photos.
import type { Db, Queryable, Tx } from '../../db/types.ts';

/** One code per person: a new one replaces the old (its tries start again). */
export async function putCode(
  q: Tx,
  c: { psnNo: string; codeHash: string; at: Date; expiresAt: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO selfservice_code (psn_no, code_hash, tries, created_at, expires_at) VALUES ($1, $2, 0, $3, $4)
     ON CONFLICT (psn_no) DO UPDATE SET code_hash = EXCLUDED.code_hash, tries = 0,
       created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at`,
    [c.psnNo, c.codeHash, c.at, c.expiresAt],
  );
}

/** Count one try on the person's code (atomically) and return it, or null when there is none. */
export async function countTry(
  q: Db,
  psnNo: string,
): Promise<{ codeHash: string; tries: number; expiresAt: string } | null> {
  const rows = await q.query<{ codeHash: string; tries: number; expiresAt: string | Date }>(
    `UPDATE selfservice_code SET tries = tries + 1 WHERE psn_no = $1
     RETURNING code_hash AS "codeHash", tries, expires_at AS "expiresAt"`,
    [psnNo],
  );
  const r = rows[0];
  return r ? { ...r, expiresAt: new Date(r.expiresAt).toISOString() } : null;
}

export async function deleteCode(q: Tx, psnNo: string): Promise<void> {
  await q.query('DELETE FROM selfservice_code WHERE psn_no = $1', [psnNo]);
}

/** Count an attempt in the key's window; returns the count including this one. */
export async function countAttempt(q: Db, key: string, windowMinutes: number, now: Date): Promise<number> {
  const rows = await q.query<{ count: number }>(
    `INSERT INTO selfservice_throttle AS t (key, count, window_start) VALUES ($1, 1, $2::timestamptz)
     ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN t.window_start <= $2::timestamptz - make_interval(mins => $3::int) THEN 1 ELSE t.count + 1 END,
       window_start = CASE WHEN t.window_start <= $2::timestamptz - make_interval(mins => $3::int)
                           THEN $2::timestamptz ELSE t.window_start END
     RETURNING count`,
    [key, now.toISOString(), windowMinutes],
  );
  return rows[0].count;
}

export async function insertSession(
  q: Tx,
  s: { tokenHash: string; psnNo: string; at: Date; expiresAt: Date },
): Promise<void> {
  await q.query(
    'INSERT INTO selfservice_session (token_hash, psn_no, created_at, expires_at) VALUES ($1, $2, $3, $4)',
    [s.tokenHash, s.psnNo, s.at, s.expiresAt],
  );
}

export async function sessionPerson(q: Queryable, tokenHash: string, now: Date): Promise<string | null> {
  const rows = await q.query<{ psnNo: string }>(
    'SELECT psn_no AS "psnNo" FROM selfservice_session WHERE token_hash = $1 AND expires_at > $2',
    [tokenHash, now],
  );
  return rows[0]?.psnNo ?? null;
}

export async function deleteSession(q: Tx, tokenHash: string): Promise<void> {
  await q.query('DELETE FROM selfservice_session WHERE token_hash = $1', [tokenHash]);
}

export async function insertSink(
  q: Tx,
  m: { psnNo: string; phone: string; text: string; at: Date },
): Promise<void> {
  await q.query('INSERT INTO selfservice_sms_sink (psn_no, phone, text, sent_at) VALUES ($1, $2, $3, $4)', [
    m.psnNo,
    m.phone,
    m.text,
    m.at,
  ]);
}

export async function lastSink(
  q: Queryable,
  psnNo: string,
): Promise<{ phone: string; text: string; sentAt: string } | null> {
  const rows = await q.query<{ phone: string; text: string; sentAt: string | Date }>(
    `SELECT phone, text, sent_at AS "sentAt" FROM selfservice_sms_sink WHERE psn_no = $1 ORDER BY id DESC LIMIT 1`,
    [psnNo],
  );
  const r = rows[0];
  return r ? { ...r, sentAt: new Date(r.sentAt).toISOString() } : null;
}

export async function insertUpload(
  q: Tx,
  u: { psnNo: string; material: string; contentType: string; bytes: Buffer; at: Date },
): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO selfservice_upload (psn_no, material, content_type, size, bytes, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::int AS id`,
    [u.psnNo, u.material, u.contentType, u.bytes.length, u.bytes, u.at],
  );
  return rows[0].id;
}

export interface UploadRow {
  id: number;
  material: string;
  contentType: string;
  size: number;
  matterId: number | null;
}

const UPLOAD = `SELECT id::int AS id, material, content_type AS "contentType", size, matter_id::int AS "matterId"
  FROM selfservice_upload`;

/** The person's own unattached uploads among `ids` (others' ids are simply not found). */
export async function ownFreeUploads(
  q: Queryable,
  psnNo: string,
  ids: readonly number[],
): Promise<UploadRow[]> {
  if (!ids.length) return [];
  return q.query<UploadRow>(
    `${UPLOAD} WHERE psn_no = $1 AND matter_id IS NULL AND id = ANY($2::bigint[]) ORDER BY id`,
    [psnNo, ids],
  );
}

export async function attachUploads(q: Tx, ids: readonly number[], matterId: number): Promise<void> {
  await q.query('UPDATE selfservice_upload SET matter_id = $2 WHERE id = ANY($1::bigint[])', [ids, matterId]);
}

export async function matterUploads(q: Queryable, matterId: number): Promise<UploadRow[]> {
  return q.query<UploadRow>(`${UPLOAD} WHERE matter_id = $1 ORDER BY id`, [matterId]);
}
