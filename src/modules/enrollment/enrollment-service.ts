// 参保登记 at the counter: enroll, correct, stop. The person row is locked (SELECT … FOR UPDATE)
// before the rules read the person's other periods, so two parallel entries for one person are
// serialised and cannot both pass the overlap check.
import type { Tx } from '../../db/types.ts';
import { checkContribution } from '../../domain/registry/contribution-rules.ts';
import { checkEnrollment, defaultEndDate, stopDateProblem } from '../../domain/registry/enrollment-rules.ts';
import { badRequest, conflict, notFound } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';
import {
  type EnrollmentRow,
  contributionStandardOn,
  type EnrollmentValues,
  enrollmentContextOf,
  findEnrollment,
  insertEnrollment,
  stopEnrollment,
  updateEnrollment,
} from './enrollment-repo.ts';
import { findPerson, identityTypeExists, type PersonRow } from '../persons/index.ts';

export interface EnrollmentInput {
  psnNo: string;
  insutype: string;
  beginDate: string;
  endDate?: string | null;
  personalFen: number;
  fiscalFen: number;
  assistedFen: number;
  assistedPayer?: string | null;
  assistedIdentity?: string | null;
  employerCode?: string | null;
  employerName?: string | null;
  /** 缴费说明: why the amounts are off the year's standard or zero (kept and audited) */
  contributionReason?: string | null;
}

export async function lockPerson(tx: Tx, psnNo: string): Promise<PersonRow> {
  const person = await findPerson(tx, psnNo, true);
  if (!person) throw notFound('PERSON_NOT_FOUND', `人员 ${psnNo} 不存在`, { field: 'psnNo' });
  return person;
}

/** Check the input against the rules; returns the values to store. */
export async function checked(
  tx: Tx,
  person: PersonRow,
  input: EnrollmentInput,
  excludeId?: number,
): Promise<EnrollmentValues> {
  const ctx = await enrollmentContextOf(tx, person.psnNo);
  const candidate = {
    insutype: input.insutype,
    beginDate: input.beginDate,
    endDate: input.endDate ?? null,
    assistedFen: input.assistedFen,
    assistedIdentity: input.assistedIdentity ?? null,
    employerName: input.employerName ?? null,
  };
  const err = checkEnrollment(
    candidate,
    { person: { status: person.status, deathDate: person.deathDate, birthDate: person.birthDate }, ...ctx },
    excludeId,
  );
  if (err) throw err;
  const reason = input.contributionReason?.trim() || null;
  const paid = checkContribution(
    { ...input, assistedIdentity: input.assistedIdentity ?? null, reason },
    input.insutype === '390' ? await contributionStandardOn(tx, person.admdvs, input.beginDate) : null,
    Number(input.beginDate.slice(0, 4)),
  );
  if (paid) throw paid;
  if (input.assistedIdentity) {
    if (!(await identityTypeExists(tx, input.assistedIdentity))) {
      throw badRequest('IDENTITY_TYPE_UNKNOWN', '所填资助身份类别不存在', {
        field: 'assistedIdentity',
        identity: input.assistedIdentity,
      });
    }
  }
  return {
    insutype: input.insutype,
    beginDate: input.beginDate,
    endDate: defaultEndDate(input.insutype, input.beginDate, input.endDate) as string,
    personalFen: input.personalFen,
    fiscalFen: input.fiscalFen,
    assistedFen: input.assistedFen,
    assistedPayer: input.assistedPayer ?? null,
    assistedIdentity: input.assistedIdentity ?? null,
    employerCode: input.employerCode ?? null,
    employerName: input.employerName?.trim() || null,
    contributionReason: reason,
  };
}

export async function enroll(tx: Tx, actor: Actor, input: EnrollmentInput, _today: string) {
  const person = await lockPerson(tx, input.psnNo);
  const values = await checked(tx, person, input);
  return writeEnrollment(tx, actor, person, values);
}

/** Store checked values and audit them (the single and the household enrollment). */
export async function writeEnrollment(tx: Tx, actor: Actor, person: PersonRow, values: EnrollmentValues) {
  const id = await insertEnrollment(tx, person.psnNo, person.admdvs, values);
  const after = await findEnrollment(tx, id);
  await audit(tx, actor, 'enrollment.create', 'enrollment', id, null, after);
  return after as EnrollmentRow;
}

export async function correctEnrollment(tx: Tx, actor: Actor, id: number, input: EnrollmentInput) {
  const before = await findEnrollment(tx, id);
  if (!before) throw notFound('ENROLLMENT_NOT_FOUND', `参保记录 ${id} 不存在`);
  if (before.psnNo !== input.psnNo) {
    throw badRequest(
      'ENROLLMENT_PERSON_CHANGED',
      '更正参保记录不能更换参保人，请停保后为正确的人员重新登记',
      {
        field: 'psnNo',
      },
    );
  }
  const person = await lockPerson(tx, before.psnNo);
  const locked = (await findEnrollment(tx, id, true)) as EnrollmentRow;
  if (locked.status !== 'active') {
    throw conflict('ENROLLMENT_STOPPED', `该参保记录已于 ${locked.stoppedOn} 停保，不能更正`);
  }
  const values = await checked(tx, person, input, id);
  await updateEnrollment(tx, id, values);
  const after = await findEnrollment(tx, id);
  await audit(tx, actor, 'enrollment.correct', 'enrollment', id, locked, after);
  return after as EnrollmentRow;
}

export async function stopEnrollmentById(
  tx: Tx,
  actor: Actor,
  id: number,
  input: { stoppedOn: string; reason: string },
) {
  const before = await findEnrollment(tx, id, true);
  if (!before) throw notFound('ENROLLMENT_NOT_FOUND', `参保记录 ${id} 不存在`);
  if (before.status !== 'active') {
    throw conflict('ENROLLMENT_STOPPED', `该参保记录已于 ${before.stoppedOn} 停保`);
  }
  const badDate = stopDateProblem(input.stoppedOn, before);
  if (badDate) throw badDate;
  await stopEnrollment(tx, id, input.stoppedOn, input.reason);
  const after = await findEnrollment(tx, id);
  await audit(tx, actor, 'enrollment.stop', 'enrollment', id, before, after);
  return after as EnrollmentRow;
}
