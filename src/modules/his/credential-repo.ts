// All SQL of institution_credential's life cycle (issue, rotate, revoke, status).
import type { Queryable, Tx } from '../../db/types.ts';

export interface CredentialRow {
  fixmedinsCode: string;
  paasid: string;
  authScheme: string;
  issuedAt: string;
  rotatedAt: string | null;
  revokedAt: string | null;
}

const COLUMNS = `fixmedins_code AS "fixmedinsCode", paasid, auth_scheme AS "authScheme",
  created_at AS "issuedAt", rotated_at AS "rotatedAt", revoked_at AS "revokedAt"`;

export function findCredential(q: Queryable, code: string, lock?: false): Promise<CredentialRow | null>;
export function findCredential(q: Tx, code: string, lock: boolean): Promise<CredentialRow | null>;
export async function findCredential(
  q: Queryable,
  code: string,
  lock = false,
): Promise<CredentialRow | null> {
  const [row] = await q.query<CredentialRow>(
    `SELECT ${COLUMNS} FROM institution_credential WHERE fixmedins_code = $1${lock ? ' FOR UPDATE' : ''}`,
    [code],
  );
  return row ?? null;
}

export async function institutionExists(q: Tx, code: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM institution WHERE code = $1 FOR SHARE', [code]);
  return rows.length > 0;
}

/** A new credential, or a fresh one in place of a revoked one (new paasid and secret). */
export async function writeIssued(q: Tx, code: string, paasid: string, secret: string, at: Date) {
  await q.query(
    `INSERT INTO institution_credential (fixmedins_code, paasid, secret, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (fixmedins_code) DO UPDATE
       SET paasid = EXCLUDED.paasid, secret = EXCLUDED.secret, created_at = EXCLUDED.created_at,
           rotated_at = NULL, revoked_at = NULL`,
    [code, paasid, secret, at.toISOString()],
  );
}

/** A credential with a chosen paasid and secret (the demo county, tests): inserted, or replaced in
 * place (revocation lifted). True when it was new. */
export async function upsertChosen(q: Tx, code: string, paasid: string, secret: string): Promise<boolean> {
  const rows = await q.query<{ inserted: boolean }>(
    `INSERT INTO institution_credential (fixmedins_code, paasid, secret) VALUES ($1, $2, $3)
     ON CONFLICT (fixmedins_code) DO UPDATE SET paasid = EXCLUDED.paasid, secret = EXCLUDED.secret, revoked_at = NULL
     RETURNING (xmax = 0) AS inserted`,
    [code, paasid, secret],
  );
  return rows[0].inserted;
}

export async function writeRotated(q: Tx, code: string, secret: string, at: Date): Promise<void> {
  await q.query('UPDATE institution_credential SET secret = $2, rotated_at = $3 WHERE fixmedins_code = $1', [
    code,
    secret,
    at.toISOString(),
  ]);
}

export async function writeRevoked(q: Tx, code: string, at: Date): Promise<void> {
  await q.query('UPDATE institution_credential SET revoked_at = $2 WHERE fixmedins_code = $1', [
    code,
    at.toISOString(),
  ]);
}
