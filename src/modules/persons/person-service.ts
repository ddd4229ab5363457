// Persons at the counter: register, correct contact details, reveal full PII (audited), and the
// person file (一人一档) view. Resident ID and phone leave this module masked unless revealed.
import type { Queryable, Tx } from '../../db/types.ts';
import { enrollmentState } from '../../domain/registry/enrollment-state.ts';
import { ageOn } from '../../domain/registry/id-number.ts';
import { checkPersonId, checkPhone } from '../../domain/registry/person-rules.ts';
import { AppError, badRequest, conflict, notFound } from '../../domain/shared/errors.ts';
import { maskIdNumber, maskPhone } from '../../domain/shared/masking.ts';
import { type Actor, audit } from '../audit/index.ts';
import { moveMember } from './household-service.ts';
import { householdDetail } from './household-view.ts';
import { personIdentities } from './identity-service.ts';
import {
  findPerson,
  findPersonByCertno,
  insertPerson,
  type PersonRow,
  statusHistory,
  updatePersonFields,
} from './person-repo.ts';
import { personEnrollments } from '../enrollment/index.ts';
import { villageAdmdvs as admdvsOfVillage } from './place-repo.ts';

/** The person as every API response shows it: certno and phone masked, age on today. */
export function publicPerson<T extends PersonRow>(p: T, today: string) {
  return { ...p, certno: maskIdNumber(p.certno), phone: maskPhone(p.phone), age: ageOn(p.birthDate, today) };
}

async function villageAdmdvs(q: Queryable, villageCode: string): Promise<string> {
  const admdvs = await admdvsOfVillage(q, villageCode);
  if (admdvs === null)
    throw badRequest('VILLAGE_NOT_FOUND', `村（社区）${villageCode} 不存在`, { field: 'villageCode' });
  return admdvs;
}

function phoneOrNull(raw: string | null | undefined): string | null {
  if (raw === undefined || raw === null || raw.trim() === '') return null;
  const phone = checkPhone(raw);
  if (phone instanceof AppError) throw phone;
  return phone;
}

export interface NewPersonInput {
  certno: string;
  name: string;
  gender?: string | null;
  birthDate?: string | null;
  phone?: string | null;
  villageCode: string;
  householdNo?: string | null;
  relation?: string | null;
}

export async function registerPerson(tx: Tx, actor: Actor, input: NewPersonInput, today: string) {
  const id = checkPersonId(input, today);
  if (id instanceof AppError) throw id;
  const phone = phoneOrNull(input.phone);
  const name = input.name.trim();
  if (!name) throw badRequest('PERSON_NAME_REQUIRED', '请填写姓名', { field: 'name' });
  const admdvs = await villageAdmdvs(tx, input.villageCode);
  const dup = await findPersonByCertno(tx, id.idNumber);
  if (dup) {
    throw conflict('PERSON_DUPLICATE_CERTNO', `身份证号码已登记（人员编号 ${dup.psnNo}）`, {
      field: 'certno',
      psnNo: dup.psnNo,
    });
  }
  const psnNo = await insertPerson(tx, {
    admdvs,
    certno: id.idNumber,
    name,
    gender: id.gender,
    birthDate: id.birthDate,
    phone,
    villageCode: input.villageCode,
    householdNo: null,
  }).catch((e: { code?: string }) => {
    // a parallel registration of the same ID got there first (the unique key on certno decides)
    if (e.code === '23505')
      throw conflict('PERSON_DUPLICATE_CERTNO', '身份证号码已登记', { field: 'certno' });
    throw e;
  });
  await audit(tx, actor, 'person.create', 'person', psnNo, null, await findPerson(tx, psnNo));
  if (input.householdNo) {
    await moveMember(tx, actor, input.householdNo, {
      psnNo,
      relation: input.relation ?? '其他',
      fromDate: today,
    });
  }
  return (await findPerson(tx, psnNo)) as PersonRow;
}

export async function updatePerson(
  tx: Tx,
  actor: Actor,
  psnNo: string,
  input: { phone?: string | null; villageCode?: string; name?: string },
) {
  const before = await findPerson(tx, psnNo, true);
  if (!before) throw notFound('PERSON_NOT_FOUND', `人员 ${psnNo} 不存在`, { field: 'psnNo' });
  const fields: { phone?: string | null; villageCode?: string; name?: string } = {};
  if (input.phone !== undefined) fields.phone = phoneOrNull(input.phone);
  if (input.villageCode !== undefined) {
    await villageAdmdvs(tx, input.villageCode);
    fields.villageCode = input.villageCode;
  }
  if (input.name !== undefined) {
    if (!input.name.trim()) throw badRequest('PERSON_NAME_REQUIRED', '请填写姓名', { field: 'name' });
    fields.name = input.name.trim();
  }
  await updatePersonFields(tx, psnNo, fields);
  const after = (await findPerson(tx, psnNo)) as PersonRow;
  await audit(tx, actor, 'person.update', 'person', psnNo, before, after);
  return after;
}

/** Full resident ID and phone, for roles allowed to see them; every reveal leaves an audit entry. */
export async function revealPerson(tx: Tx, actor: Actor, psnNo: string) {
  const p = await findPerson(tx, psnNo);
  if (!p) throw notFound('PERSON_NOT_FOUND', `人员 ${psnNo} 不存在`, { field: 'psnNo' });
  await audit(tx, actor, 'person.reveal', 'person', psnNo, null, { fields: ['certno', 'phone'] });
  return { certno: p.certno, phone: p.phone };
}

/** The person file: person, household, identity spells, enrollments and status history. */
export async function personFile(q: Queryable, psnNo: string, today: string) {
  const p = await findPerson(q, psnNo);
  if (!p) throw notFound('PERSON_NOT_FOUND', `人员 ${psnNo} 不存在`, { field: 'psnNo' });
  const household = p.householdNo ? await householdDetail(q, p.householdNo, today) : null;
  return {
    person: publicPerson(p, today),
    household: household && { householdNo: household.household.householdNo, members: household.members },
    identities: await personIdentities(q, psnNo),
    enrollments: (await personEnrollments(q, psnNo)).map((e) => ({ ...e, state: enrollmentState(e, today) })),
    statusHistory: await statusHistory(q, psnNo),
  };
}
