// All SQL of person_identity (identity spells with their type's name).
import type { Queryable, Tx } from '../../db/types.ts';
import type { Spell } from '../../domain/registry/identity-rules.ts';

export interface IdentitySpellRow extends Spell {
  psnNo: string;
  name: string;
  sourceDept: string;
  endReason: string | null;
  sourceRef: string | null;
}

const COLUMNS = `i.id, i.psn_no AS "psnNo", i.identity_code AS code, t.name, i.source_dept AS "sourceDept",
  i.valid_from::text AS "validFrom", i.valid_to::text AS "validTo", i.end_reason AS "endReason", i.source_ref AS "sourceRef"`;

export function personIdentities(q: Queryable, psnNo: string): Promise<IdentitySpellRow[]> {
  return q.query<IdentitySpellRow>(
    `SELECT ${COLUMNS} FROM person_identity i JOIN identity_type t ON t.code = i.identity_code
      WHERE i.psn_no = $1 ORDER BY i.valid_from, i.id`,
    [psnNo],
  );
}

export function findSpell(q: Queryable, id: number, forUpdate?: false): Promise<IdentitySpellRow | null>;
export function findSpell(q: Tx, id: number, forUpdate: boolean): Promise<IdentitySpellRow | null>;
export async function findSpell(
  q: Queryable,
  id: number,
  forUpdate = false,
): Promise<IdentitySpellRow | null> {
  const [row] = await q.query<IdentitySpellRow>(
    `SELECT ${COLUMNS} FROM person_identity i JOIN identity_type t ON t.code = i.identity_code
      WHERE i.id = $1${forUpdate ? ' FOR UPDATE OF i' : ''}`,
    [id],
  );
  return row ?? null;
}

/** The person's region, the person row locked (a spell is added under it). */
export async function lockPersonRegion(tx: Tx, psnNo: string): Promise<{ admdvs: string } | null> {
  const [person] = await tx.query<{ admdvs: string }>(
    'SELECT admdvs FROM person WHERE psn_no = $1 FOR UPDATE',
    [psnNo],
  );
  return person ?? null;
}

export async function insertSpell(
  tx: Tx,
  s: {
    psnNo: string;
    admdvs: string;
    identityCode: string;
    sourceDept: string;
    validFrom: string;
    validTo: string | null;
    sourceRef: string | null;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO person_identity (psn_no, admdvs, identity_code, source_dept, valid_from, valid_to, source_ref)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [s.psnNo, s.admdvs, s.identityCode, s.sourceDept, s.validFrom, s.validTo, s.sourceRef],
  );
  return row.id;
}

export async function endSpell(tx: Tx, id: number, validTo: string, reason: string): Promise<void> {
  await tx.query('UPDATE person_identity SET valid_to = $2, end_reason = $3 WHERE id = $1', [
    id,
    validTo,
    reason,
  ]);
}
