// Identity spells (特殊人员身份): add a spell, end a spell; never delete (history is evidence for
// subsidies already paid).
import type { Tx } from '../../db/types.ts';
import { checkEndSpell, checkNewSpell } from '../../domain/registry/identity-rules.ts';
import { badRequest, notFound } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';
import {
  endSpell,
  findSpell,
  type IdentitySpellRow,
  insertSpell,
  lockPersonRegion,
  personIdentities,
} from './identity-repo.ts';
import { identityTypeExists } from './identity-type-repo.ts';

export type { IdentitySpellRow };

export { personIdentities };

export interface NewSpellInput {
  identityCode: string;
  sourceDept: string;
  validFrom: string;
  validTo?: string | null;
  sourceRef?: string | null;
}

export async function addIdentitySpell(tx: Tx, actor: Actor, psnNo: string, input: NewSpellInput) {
  const person = await lockPersonRegion(tx, psnNo);
  if (!person) throw notFound('PERSON_NOT_FOUND', `人员 ${psnNo} 不存在`, { field: 'psnNo' });
  if (!(await identityTypeExists(tx, input.identityCode))) {
    throw badRequest('IDENTITY_TYPE_UNKNOWN', '所填身份类别不存在', {
      identity: input.identityCode,
      field: 'identityCode',
    });
  }
  const existing = await personIdentities(tx, psnNo);
  const validTo = input.validTo ?? null;
  const err = checkNewSpell({ code: input.identityCode, validFrom: input.validFrom, validTo }, existing);
  if (err) throw err;
  const id = await insertSpell(tx, {
    psnNo,
    admdvs: person.admdvs,
    identityCode: input.identityCode,
    sourceDept: input.sourceDept,
    validFrom: input.validFrom,
    validTo,
    sourceRef: input.sourceRef ?? null,
  });
  const after = await findSpell(tx, id);
  await audit(tx, actor, 'identity.add', 'person_identity', id, null, after);
  return after as IdentitySpellRow;
}

export async function endIdentitySpell(
  tx: Tx,
  actor: Actor,
  id: number,
  input: { validTo: string; reason: string },
): Promise<IdentitySpellRow> {
  const before = await findSpell(tx, id, true);
  if (!before) throw notFound('IDENTITY_NOT_FOUND', `身份记录 ${id} 不存在`);
  const err = checkEndSpell(before, input.validTo);
  if (err) throw err;
  await endSpell(tx, id, input.validTo, input.reason);
  const after = await findSpell(tx, id);
  await audit(tx, actor, 'identity.end', 'person_identity', id, before, after);
  return after as IdentitySpellRow;
}
