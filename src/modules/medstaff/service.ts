// The 医保医师 registry: register and import staff, score points from a case outcome (the year's
// standing decides suspension or termination), and refuse a settlement by a barred staff member.
import type { Queryable, Tx } from '../../db/types.ts';
import { chinaDay } from '../../domain/shared/calendar.ts';
import { badRequest, conflict, notFound } from '../../domain/shared/errors.ts';
import { checkPoints, type PointBand, standing } from '../../domain/medstaff/points.ts';
import { type Actor, audit } from '../audit/index.ts';
import type { StaffBody } from './contract.ts';
import * as repo from './repo.ts';

export async function registerStaff(tx: Tx, s: StaffBody, actor: Actor, now: Date) {
  if (!(await repo.institutionExists(tx, s.fixmedinsCode)))
    throw badRequest('MEDSTAFF_INSTITUTION_UNKNOWN', `定点机构 ${s.fixmedinsCode} 不存在`, {
      field: 'fixmedinsCode',
    });
  const day = chinaDay(now);
  const barred = await repo.barredRegistration(tx, s.staffCode, day);
  if (barred)
    throw conflict(
      'MEDSTAFF_REGISTRATION_BARRED',
      `人员 ${s.staffCode} 的医保支付资格已终止，${barred.barredUntil} 前不得重新登记`,
      { field: 'staffCode', barredUntil: barred.barredUntil },
    );
  const r = await repo.upsertStaff(tx, s, now);
  const reinstated = !r.created && (await repo.reinstateIfBarEnded(tx, r.id, day, now));
  await audit(
    tx,
    actor,
    r.created ? 'medstaff.register' : reinstated ? 'medstaff.reregister' : 'medstaff.update',
    'medstaff',
    r.id,
    null,
    s,
    now,
  );
  return r;
}

export interface PointInput {
  staffId: number;
  caseworkId: number | null;
  /** the institution the case is against: the staff member must be registered there */
  fixmedinsCode: string | null;
  band: PointBand;
  points: number;
  /** YYYY-MM-DD, the day of the decision */
  on: string;
  reason: string;
}

/** Score points and bring the qualification up to date with the year's standing. */
export async function assignPoints(tx: Tx, p: PointInput, actor: Actor & { id: number }, now: Date) {
  checkPoints(p.band, p.points);
  await repo.lockStaff(tx, p.staffId);
  const s = await repo.findStaff(tx, p.staffId);
  if (!s) throw notFound('MEDSTAFF_NOT_FOUND', `医保医师 ${p.staffId} 不存在`);
  if (p.fixmedinsCode !== null && s.fixmedinsCode !== p.fixmedinsCode)
    throw badRequest('MEDSTAFF_NOT_OF_INSTITUTION', `${s.name} 不是本案定点机构的登记人员`, {
      field: 'staffId',
    });
  if (s.status === 'terminated')
    throw conflict('MEDSTAFF_TERMINATED', `${s.name} 的医保支付资格已终止，不能再记分`);
  const id = await repo.insertPoint(tx, p, actor.id, now);
  const events = (await repo.pointsOfStaff(tx, p.staffId)).map((e) => ({ on: e.on, points: e.points }));
  const y = standing(events, Number(p.on.slice(0, 4)), p.on);
  const next = {
    status: y.status,
    suspendedUntil: y.status === 'suspended' ? y.suspendedUntil : s.suspendedUntil,
    barredUntil: y.barredUntil ?? s.barredUntil,
  };
  if (y.status === 'normal' && s.status === 'suspended') next.status = 'suspended'; // a running suspension stays
  await repo.setQualification(tx, p.staffId, next, now);
  await audit(
    tx,
    actor,
    'medstaff.points',
    'medstaff',
    p.staffId,
    { status: s.status },
    { pointId: id, ...p, total: y.total, ...next },
    now,
  );
  return { pointId: id, total: y.total, ...next };
}

/**
 * Refuses a settlement (2207/2304) when a doctor named on the visit has no payment qualification on
 * `onDate` (YYYY-MM-DD); emergencies are settled regardless.
 */
export async function refuseIfStaffBarred(
  q: Queryable,
  fixmedinsCode: string,
  mdtrtId: string,
  onDate: string,
  o: { emergency?: boolean } = {},
): Promise<void> {
  if (o.emergency) return;
  const barred = await repo.barredStaffOfVisit(q, fixmedinsCode, mdtrtId, onDate);
  if (barred.length === 0) return;
  const who = barred
    .map((b) =>
      b.status === 'terminated'
        ? `医师 ${b.name}（${b.staffCode}）的医保支付资格已终止`
        : `医师 ${b.name}（${b.staffCode}）的医保支付资格已暂停至 ${b.suspendedUntil}`,
    )
    .join('；');
  throw conflict('SETTLEMENT_STAFF_BARRED', `${who}，不予结算（急诊除外）`, {
    staff: barred.map((b) => b.staffCode),
  });
}

export const listStaff = repo.listStaff;
export const findStaff = repo.findStaff;
export const pointsOfCase = repo.pointsOfCase;
export const pointsOfStaff = repo.pointsOfStaff;
export const pointsByInstitution = repo.pointsByInstitution;
export const staffOfInstitution = repo.staffOfInstitution;
