// Identity spells (特殊人员身份): add a spell, end a spell; never delete (history is evidence for
// subsidies already paid).
import type { Queryable } from '../../db/types.ts';
import { checkEndSpell, checkNewSpell, type Spell } from '../../domain/registry/identity-rules.ts';
import { badRequest, notFound } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';

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

async function findSpell(q: Queryable, id: number, forUpdate = false): Promise<IdentitySpellRow | null> {
  const [row] = await q.query<IdentitySpellRow>(
    `SELECT ${COLUMNS} FROM person_identity i JOIN identity_type t ON t.code = i.identity_code
      WHERE i.id = $1${forUpdate ? ' FOR UPDATE OF i' : ''}`,
    [id],
  );
  return row ?? null;
}

export interface NewSpellInput {
  identityCode: string;
  sourceDept: string;
  validFrom: string;
  validTo?: string | null;
  sourceRef?: string | null;
}

export async function addIdentitySpell(tx: Queryable, actor: Actor, psnNo: string, input: NewSpellInput) {
  const [person] = await tx.query<{ admdvs: string }>(
    'SELECT admdvs FROM person WHERE psn_no = $1 FOR UPDATE',
    [psnNo],
  );
  if (!person) throw notFound('PERSON_NOT_FOUND', `人员 ${psnNo} 不存在`, { field: 'psnNo' });
  const [type] = await tx.query('SELECT 1 FROM identity_type WHERE code = $1', [input.identityCode]);
  if (!type) {
    throw badRequest('IDENTITY_TYPE_UNKNOWN', '所填身份类别不存在', {
      identity: input.identityCode,
      field: 'identityCode',
    });
  }
  const existing = await personIdentities(tx, psnNo);
  const validTo = input.validTo ?? null;
  const err = checkNewSpell({ code: input.identityCode, validFrom: input.validFrom, validTo }, existing);
  if (err) throw err;
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO person_identity (psn_no, admdvs, identity_code, source_dept, valid_from, valid_to, source_ref)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      psnNo,
      person.admdvs,
      input.identityCode,
      input.sourceDept,
      input.validFrom,
      validTo,
      input.sourceRef ?? null,
    ],
  );
  const after = await findSpell(tx, row.id);
  await audit(tx, actor, 'identity.add', 'person_identity', row.id, null, after);
  return after as IdentitySpellRow;
}

export async function endIdentitySpell(
  tx: Queryable,
  actor: Actor,
  id: number,
  input: { validTo: string; reason: string },
): Promise<IdentitySpellRow> {
  const before = await findSpell(tx, id, true);
  if (!before) throw notFound('IDENTITY_NOT_FOUND', `身份记录 ${id} 不存在`);
  const err = checkEndSpell(before, input.validTo);
  if (err) throw err;
  await tx.query('UPDATE person_identity SET valid_to = $2, end_reason = $3 WHERE id = $1', [
    id,
    input.validTo,
    input.reason,
  ]);
  const after = await findSpell(tx, id);
  await audit(tx, actor, 'identity.end', 'person_identity', id, before, after);
  return after as IdentitySpellRow;
}
