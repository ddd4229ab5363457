// 一户一档: households and their membership history. Moving a person closes the current
// membership row (to_date = the day before the move, inclusive like every period here) and opens a
// new one; person.household_no and person.village_code follow the household. A household has one
// current head (a unique index guards it); a head cannot move out while others still live there.
import type { Tx } from '../../db/types.ts';
import { isIsoDate } from '../../domain/registry/enrollment-rules.ts';
import { badRequest, conflict, notFound } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';
import {
  closeMembership,
  hasHead,
  householdExists,
  insertHousehold,
  insertMembership,
  lockCurrentMembership,
  lockHousehold,
  lockPersonPlace,
  otherMembers,
  placePerson,
} from './household-repo.ts';
import { villageAdmdvs } from './place-repo.ts';

export { RELATIONS } from '../../domain/registry/relations.ts';
export const HEAD = '户主';

function dayBefore(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

/** Put a person into a household from a date, closing any current membership. */
export async function moveMember(
  tx: Tx,
  actor: Actor,
  householdNo: string,
  input: { psnNo: string; relation: string; fromDate: string },
) {
  const h = await lockHousehold(tx, householdNo);
  if (!h) throw notFound('HOUSEHOLD_NOT_FOUND', `家庭户 ${householdNo} 不存在`, { field: 'householdNo' });
  const p = await lockPersonPlace(tx, input.psnNo);
  if (!p) throw notFound('PERSON_NOT_FOUND', `人员 ${input.psnNo} 不存在`, { field: 'psnNo' });
  if (!isIsoDate(input.fromDate)) {
    throw badRequest('PERIOD_INVALID', `迁入日期 ${input.fromDate} 不是有效日期`, { field: 'fromDate' });
  }
  const old = await lockCurrentMembership(tx, input.psnNo);
  if (old?.householdNo === householdNo) {
    throw conflict('HOUSEHOLD_ALREADY_MEMBER', `该人员已是家庭户 ${householdNo} 的成员`, { field: 'psnNo' });
  }
  if (input.relation === HEAD) {
    if (await hasHead(tx, householdNo))
      throw conflict('HOUSEHOLD_HEAD_EXISTS', '该户已有户主', { field: 'relation' });
  }
  if (old) {
    if (input.fromDate <= old.fromDate) {
      throw badRequest('PERIOD_INVALID', `迁入日期应晚于原户的加入日期 ${old.fromDate}`, {
        field: 'fromDate',
      });
    }
    if (old.relation === HEAD) {
      if ((await otherMembers(tx, old.householdNo, input.psnNo)) > 0) {
        throw conflict(
          'HOUSEHOLD_HEAD_HAS_MEMBERS',
          `该人员是户 ${old.householdNo} 的户主，请先变更原户户主`,
          {
            field: 'psnNo',
          },
        );
      }
    }
    await closeMembership(tx, old.id, dayBefore(input.fromDate));
  }
  const memberId = await insertMembership(tx, householdNo, input.psnNo, input.relation, input.fromDate);
  await placePerson(tx, input.psnNo, householdNo, h.villageCode);
  const after = {
    psnNo: input.psnNo,
    householdNo,
    relation: input.relation,
    fromDate: input.fromDate,
    memberId,
  };
  await audit(
    tx,
    actor,
    'household.member_move',
    'household',
    householdNo,
    { psnNo: input.psnNo, householdNo: p.householdNo, villageCode: p.villageCode, membership: old },
    after,
  );
  return after;
}

export async function createHousehold(
  tx: Tx,
  actor: Actor,
  input: { villageCode: string; address?: string | null; headPsnNo: string; householdNo?: string | null },
  today: string,
) {
  const admdvs = await villageAdmdvs(tx, input.villageCode);
  if (admdvs === null)
    throw badRequest('VILLAGE_NOT_FOUND', `村（社区）${input.villageCode} 不存在`, { field: 'villageCode' });
  if (input.householdNo) {
    if (await householdExists(tx, input.householdNo))
      throw conflict('HOUSEHOLD_DUPLICATE', `户编号 ${input.householdNo} 已存在`, { field: 'householdNo' });
  }
  const householdNo = await insertHousehold(tx, {
    householdNo: input.householdNo ?? null,
    admdvs,
    villageCode: input.villageCode,
    address: input.address ?? null,
  });
  await audit(tx, actor, 'household.create', 'household', householdNo, null, {
    householdNo,
    villageCode: input.villageCode,
    address: input.address ?? null,
    headPsnNo: input.headPsnNo,
  });
  await moveMember(tx, actor, householdNo, { psnNo: input.headPsnNo, relation: HEAD, fromDate: today });
  return householdNo;
}

export { listHouseholds } from './household-repo.ts';
