// 异地就医备案 (filings) and 门慢门特 qualifications: person facts the engine reads at settlement.
// Recorded by clerks (or admins), each with an audit entry in the same transaction.
import type { Queryable, Tx } from '../../db/types.ts';
import { badRequest, notFound } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';
import type { ReferralDetail } from '../../domain/settlement/records.ts';
import { qualificationEndRefusal } from '../../domain/settlement/qualification-end.ts';
import type { FilingType } from '../../domain/settlement/types.ts';
import { chinaDay } from '../../domain/shared/calendar.ts';
import type { Caller } from './caller.ts';
import {
  cancelFilingById,
  cancelInstitutionFiling,
  insertFiling,
  insertQualification,
  institutionRegion,
  knownInstitutions,
  personExists,
  qualificationForUpdate,
  setQualificationEnd,
} from './filing-repo.ts';

export { listFilings, listQualifications } from './filing-repo.ts';

export { FILING_TYPE_NAMES, FILING_TYPES } from '../../domain/settlement/types.ts';

export interface NewFiling {
  psnNo: string;
  type: FilingType;
  destination: string;
  beginDate: string;
  endDate?: string | null;
  /** filed by an institution's HIS (2501), with that message and what it told */
  fixmedinsCode?: string;
  msgid?: string;
  detail?: ReferralDetail;
  /** when it was recorded (the request's clock) */
  filedAt: Date;
}

export async function requirePerson(q: Queryable, psnNo: string): Promise<void> {
  if (!(await personExists(q, psnNo)))
    throw notFound('PERSON_NOT_FOUND', `人员编号 ${psnNo} 不存在`, { field: 'psnNo' });
}

function checkPeriod(from: string, to: string | null | undefined, field: string): void {
  if (to && to < from) throw badRequest('PERIOD_INVALID', '结束日期不能早于开始日期', { field });
}

export async function addFiling(tx: Tx, actor: Actor, f: NewFiling) {
  await requirePerson(tx, f.psnNo);
  checkPeriod(f.beginDate, f.endDate, 'endDate');
  const id = await insertFiling(tx, f);
  const filing = { id, ...f, endDate: f.endDate ?? null };
  await audit(tx, actor, 'filing.create', 'filing', filing.id, null, filing, f.filedAt);
  return filing;
}

/**
 * 2501 转院备案 from the referring institution's HIS: a referral filing for the place of care it
 * names (mdtrtarea_admdvs, else the region of the institution referred to), in force at once.
 */
export async function fileReferral(
  tx: Tx,
  c: Caller,
  r: {
    psnNo: string;
    careRegion: string | null;
    toInstitution: string | null;
    beginDate: string;
    endDate: string | null;
    detail: Omit<ReferralDetail, 'opterNo' | 'opterName'>;
  },
): Promise<{ id: number }> {
  const destination = r.careRegion ?? (r.toInstitution ? await institutionRegion(tx, r.toInstitution) : null);
  if (!destination) {
    throw badRequest(
      'FILING_DESTINATION_UNKNOWN',
      `无法确定转往地：请填写就医地行政区划 mdtrtarea_admdvs，或医保已登记的转往机构编号（${r.toInstitution ?? '未填写'}）`,
    );
  }
  const f: NewFiling = {
    psnNo: r.psnNo,
    type: 'referral',
    destination,
    beginDate: r.beginDate,
    endDate: r.endDate,
    fixmedinsCode: c.institution.code,
    msgid: c.msgid,
    detail: { ...r.detail, opterNo: c.opter || null, opterName: c.opterName ?? null },
    filedAt: c.now,
  };
  await requirePerson(tx, f.psnNo);
  checkPeriod(f.beginDate, f.endDate, 'enddate');
  const id = await insertFiling(tx, f);
  await audit(
    tx,
    c.actor,
    'filing.create',
    'filing',
    id,
    null,
    { id, ...f, toInstitution: r.toInstitution },
    c.now,
  );
  return { id };
}

/** 2502 转院备案撤销: only the institution that filed it, and only a live one. */
export async function cancelReferral(tx: Tx, c: Caller, r: { id: number; psnNo: string }): Promise<void> {
  const done = await cancelInstitutionFiling(tx, {
    ...r,
    fixmedinsCode: c.institution.code,
    now: c.now.toISOString(),
  });
  if (!done) {
    throw notFound(
      'FILING_NOT_FOUND',
      `备案 ${r.id} 不存在、已撤销，或不是本机构为人员 ${r.psnNo} 办理的备案`,
    );
  }
  await audit(tx, c.actor, 'filing.cancel', 'filing', r.id, null, { msgid: c.msgid }, c.now);
}

/** A clerk cancels a live filing (any, a HIS's too), with the reason; audited. */
export async function cancelFiling(
  tx: Tx,
  actor: Actor,
  id: number,
  reason: string,
  now: Date,
): Promise<void> {
  const before = await cancelFilingById(tx, id, now.toISOString());
  if (!before) throw notFound('FILING_NOT_FOUND', `备案 ${id} 不存在或已撤销`);
  await audit(tx, actor, 'filing.cancel', 'filing', id, before, { reason }, now);
}

export interface NewQualification {
  psnNo: string;
  diseaseCode: string;
  institutionCodes: string[];
  validFrom: string;
  validTo?: string | null;
}

export async function addQualification(tx: Tx, actor: Actor, d: NewQualification) {
  await requirePerson(tx, d.psnNo);
  checkPeriod(d.validFrom, d.validTo, 'validTo');
  const known = await knownInstitutions(tx, d.institutionCodes);
  const missing = d.institutionCodes.filter((c) => !known.some((k) => k.code === c));
  if (missing.length > 0) {
    throw badRequest('INSTITUTION_NOT_FOUND', `定点机构 ${missing.join('、')} 不存在`, {
      field: 'institutionCodes',
    });
  }
  const id = await insertQualification(tx, d);
  const q = { id, ...d, validTo: d.validTo ?? null };
  await audit(tx, actor, 'disease_qualification.create', 'disease_qualification', q.id, null, q);
  return q;
}

/**
 * A clerk ends a qualification early (from `validTo` on, the engine no longer applies it), with the
 * reason; the period only shortens and never before today. Audited with the end it had.
 */
export async function endQualification(
  tx: Tx,
  actor: Actor,
  id: number,
  end: { validTo: string; reason: string },
  now: Date,
): Promise<{ id: number; validFrom: string; validTo: string }> {
  const q = await qualificationForUpdate(tx, id);
  if (!q) throw notFound('QUALIFICATION_NOT_FOUND', `门慢门特资格 ${id} 不存在`);
  const refusal = qualificationEndRefusal(q, end.validTo, chinaDay(now));
  if (refusal) throw refusal;
  await setQualificationEnd(tx, id, end.validTo);
  await audit(
    tx,
    actor,
    'disease_qualification.end',
    'disease_qualification',
    id,
    { validTo: q.validTo },
    { validTo: end.validTo, reason: end.reason },
    now,
  );
  return { id, validFrom: q.validFrom, validTo: end.validTo };
}
