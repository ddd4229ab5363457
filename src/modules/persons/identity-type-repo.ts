// SQL of the identity types (特殊人员身份类别) and their need-to-know flag.
import type { Queryable, Tx } from '../../db/types.ts';

export interface IdentityTypeRow {
  code: string;
  name: string;
  department: string;
  subsidisesEnrollment: boolean;
  sensitive: boolean;
}

const COLUMNS = `code, name, department, subsidises_enrollment AS "subsidisesEnrollment", sensitive`;

export function listIdentityTypes(q: Queryable, withSensitive: boolean): Promise<IdentityTypeRow[]> {
  return q.query<IdentityTypeRow>(
    `SELECT ${COLUMNS} FROM identity_type WHERE $1 OR NOT sensitive ORDER BY code`,
    [withSensitive],
  );
}

export async function lockIdentityType(tx: Tx, code: string): Promise<IdentityTypeRow | null> {
  const rows = await tx.query<IdentityTypeRow>(
    `SELECT ${COLUMNS} FROM identity_type WHERE code = $1 FOR UPDATE`,
    [code],
  );
  return rows[0] ?? null;
}

export async function setSensitive(tx: Tx, code: string, sensitive: boolean): Promise<IdentityTypeRow> {
  const rows = await tx.query<IdentityTypeRow>(
    `UPDATE identity_type SET sensitive = $2 WHERE code = $1 RETURNING ${COLUMNS}`,
    [code, sensitive],
  );
  return rows[0];
}

export async function sensitiveIdentityCodes(q: Queryable): Promise<string[]> {
  return (await q.query<{ code: string }>('SELECT code FROM identity_type WHERE sensitive')).map(
    (r) => r.code,
  );
}

export async function identityTypeExists(q: Queryable, code: string): Promise<boolean> {
  const [t] = await q.query('SELECT 1 FROM identity_type WHERE code = $1', [code]);
  return t !== undefined;
}
