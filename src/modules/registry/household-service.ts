// 一户一档: households and their membership history. Moving a person closes the current
// membership row (to_date = the day before the move, inclusive like every period here) and opens a
// new one; person.household_no and person.village_code follow the household. A household has one
// current head (a unique index guards it); a head cannot move out while others still live there.
import type { Queryable } from '../../db/types.ts';
import { isIsoDate } from '../../domain/registry/enrollment-rules.ts';
import { badRequest, conflict, notFound } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';

export { RELATIONS } from '../../domain/registry/relations.ts';
export const HEAD = '户主';

interface Membership {
  id: number;
  householdNo: string;
  relation: string;
  fromDate: string;
  toDate: string | null;
}

function dayBefore(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

async function currentMembership(tx: Queryable, psnNo: string): Promise<Membership | null> {
  const [m] = await tx.query<Membership>(
    `SELECT id, household_no AS "householdNo", relation, from_date::text AS "fromDate", to_date::text AS "toDate"
       FROM household_member WHERE psn_no = $1 AND to_date IS NULL FOR UPDATE`,
    [psnNo],
  );
  return m ?? null;
}

/** Put a person into a household from a date, closing any current membership. */
export async function moveMember(
  tx: Queryable,
  actor: Actor,
  householdNo: string,
  input: { psnNo: string; relation: string; fromDate: string },
) {
  const [h] = await tx.query<{ villageCode: string }>(
    'SELECT village_code AS "villageCode" FROM household WHERE household_no = $1 FOR UPDATE',
    [householdNo],
  );
  if (!h) throw notFound('HOUSEHOLD_NOT_FOUND', `家庭户 ${householdNo} 不存在`, { field: 'householdNo' });
  const [p] = await tx.query<{ householdNo: string | null; villageCode: string | null }>(
    'SELECT household_no AS "householdNo", village_code AS "villageCode" FROM person WHERE psn_no = $1 FOR UPDATE',
    [input.psnNo],
  );
  if (!p) throw notFound('PERSON_NOT_FOUND', `人员 ${input.psnNo} 不存在`, { field: 'psnNo' });
  if (!isIsoDate(input.fromDate)) {
    throw badRequest('PERIOD_INVALID', `迁入日期 ${input.fromDate} 不是有效日期`, { field: 'fromDate' });
  }
  const old = await currentMembership(tx, input.psnNo);
  if (old?.householdNo === householdNo) {
    throw conflict('HOUSEHOLD_ALREADY_MEMBER', `该人员已是家庭户 ${householdNo} 的成员`, { field: 'psnNo' });
  }
  if (input.relation === HEAD) {
    const [head] = await tx.query(
      `SELECT 1 FROM household_member WHERE household_no = $1 AND to_date IS NULL AND relation = '户主'`,
      [householdNo],
    );
    if (head) throw conflict('HOUSEHOLD_HEAD_EXISTS', '该户已有户主', { field: 'relation' });
  }
  if (old) {
    if (input.fromDate <= old.fromDate) {
      throw badRequest('PERIOD_INVALID', `迁入日期应晚于原户的加入日期 ${old.fromDate}`, {
        field: 'fromDate',
      });
    }
    if (old.relation === HEAD) {
      const [others] = await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM household_member WHERE household_no = $1 AND to_date IS NULL AND psn_no <> $2`,
        [old.householdNo, input.psnNo],
      );
      if (others.n > 0) {
        throw conflict(
          'HOUSEHOLD_HEAD_HAS_MEMBERS',
          `该人员是户 ${old.householdNo} 的户主，请先变更原户户主`,
          {
            field: 'psnNo',
          },
        );
      }
    }
    await tx.query('UPDATE household_member SET to_date = $2 WHERE id = $1', [
      old.id,
      dayBefore(input.fromDate),
    ]);
  }
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO household_member (household_no, psn_no, relation, from_date) VALUES ($1, $2, $3, $4) RETURNING id`,
    [householdNo, input.psnNo, input.relation, input.fromDate],
  );
  await tx.query(
    'UPDATE person SET household_no = $2, village_code = $3, updated_at = now() WHERE psn_no = $1',
    [input.psnNo, householdNo, h.villageCode],
  );
  const after = {
    psnNo: input.psnNo,
    householdNo,
    relation: input.relation,
    fromDate: input.fromDate,
    memberId: row.id,
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
  tx: Queryable,
  actor: Actor,
  input: { villageCode: string; address?: string | null; headPsnNo: string; householdNo?: string | null },
  today: string,
) {
  const [v] = await tx.query<{ admdvs: string }>('SELECT admdvs FROM village WHERE code = $1', [
    input.villageCode,
  ]);
  if (!v)
    throw badRequest('VILLAGE_NOT_FOUND', `村（社区）${input.villageCode} 不存在`, { field: 'villageCode' });
  if (input.householdNo) {
    const [dup] = await tx.query('SELECT 1 FROM household WHERE household_no = $1', [input.householdNo]);
    if (dup)
      throw conflict('HOUSEHOLD_DUPLICATE', `户编号 ${input.householdNo} 已存在`, { field: 'householdNo' });
  }
  const [h] = await tx.query<{ householdNo: string }>(
    `INSERT INTO household (household_no, admdvs, village_code, address)
     VALUES (COALESCE($1, $3::text || '-' || lpad(nextval('household_serial')::text, 6, '0')), $2, $3, $4)
     RETURNING household_no AS "householdNo"`,
    [input.householdNo ?? null, v.admdvs, input.villageCode, input.address ?? null],
  );
  await audit(tx, actor, 'household.create', 'household', h.householdNo, null, {
    householdNo: h.householdNo,
    villageCode: input.villageCode,
    address: input.address ?? null,
    headPsnNo: input.headPsnNo,
  });
  await moveMember(tx, actor, h.householdNo, { psnNo: input.headPsnNo, relation: HEAD, fromDate: today });
  return h.householdNo;
}

export async function listHouseholds(
  q: Queryable,
  f: { villageCode?: string },
  limit: number,
  offset: number,
) {
  const where = f.villageCode ? 'WHERE h.village_code = $1' : '';
  const params = f.villageCode ? [f.villageCode] : [];
  const [{ total }] = await q.query<{ total: number }>(
    `SELECT count(*)::bigint AS total FROM household h ${where}`,
    params,
  );
  const items = await q.query(
    `SELECT h.household_no AS "householdNo", h.village_code AS "villageCode", v.name AS "villageName", h.address,
            hd.psn_no AS "headPsnNo", hp.name AS "headName",
            (SELECT count(*)::int FROM household_member m WHERE m.household_no = h.household_no AND m.to_date IS NULL)
              AS "memberCount"
       FROM household h JOIN village v ON v.code = h.village_code
       LEFT JOIN household_member hd ON hd.household_no = h.household_no AND hd.to_date IS NULL AND hd.relation = '户主'
       LEFT JOIN person hp ON hp.psn_no = hd.psn_no
      ${where} ORDER BY h.household_no LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return { items, total };
}
