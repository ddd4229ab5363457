// Designated institutions (两定机构): admin create and update, checked by the domain rule, placed in
// a known region and village, and audited.
import type { Tx } from '../../db/types.ts';
import { checkInstitution } from '../../domain/registry/reference-rules.ts';
import { badRequest, conflict, notFound } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';
import type { InstitutionValues } from './contract.ts';
import {
  findInstitution,
  insertInstitution,
  regionExists,
  updateInstitutionRow,
  villageExists,
} from './repo.ts';

async function validate(tx: Tx, v: InstitutionValues): Promise<void> {
  const err = checkInstitution(v);
  if (err) throw err;
  if (!(await regionExists(tx, v.admdvs)))
    throw badRequest('REGION_NOT_FOUND', `医保区划 ${v.admdvs} 不存在`, { field: 'admdvs' });
  if (v.villageCode && !(await villageExists(tx, v.villageCode)))
    throw badRequest('VILLAGE_NOT_FOUND', `村（社区）${v.villageCode} 不存在`, { field: 'villageCode' });
}

export async function createInstitution(tx: Tx, actor: Actor, v: InstitutionValues) {
  await validate(tx, v);
  if (await findInstitution(tx, v.code)) {
    throw conflict('INSTITUTION_DUPLICATE', `机构编码 ${v.code} 已存在`, { field: 'code' });
  }
  await insertInstitution(tx, v);
  const after = await findInstitution(tx, v.code);
  await audit(tx, actor, 'institution.create', 'institution', v.code, null, after);
  return after as InstitutionValues;
}

export async function updateInstitution(tx: Tx, actor: Actor, v: InstitutionValues) {
  const before = await findInstitution(tx, v.code, true);
  if (!before) throw notFound('INSTITUTION_NOT_FOUND', `机构 ${v.code} 不存在`, { field: 'code' });
  await validate(tx, v);
  await updateInstitutionRow(tx, v);
  const after = await findInstitution(tx, v.code);
  await audit(tx, actor, 'institution.update', 'institution', v.code, before, after);
  return after as InstitutionValues;
}
