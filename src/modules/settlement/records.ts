// An institution reads back its own visits: a person's visits of a period (5201), a visit's
// diagnoses (5202) and its fee lines, all or one settlement's (5204). Another institution's visit
// answers as one that does not exist: nothing of a person is told to a hospital they did not visit.
import type { Queryable } from '../../db/types.ts';
import { type Entitlement, entitlements } from '../../domain/settlement/entitlement.ts';
import type { Insutype } from '../../domain/settlement/types.ts';
import { badRequest, notFound } from '../../domain/shared/errors.ts';
import { activePolicy } from '../policy/index.ts';
import { type Caller, personNotFound, visitNotFound } from './caller.ts';
import { findPersonContext } from './context-repo.ts';
import {
  type ChronicDrugLine,
  checkQueryPeriod,
  type FeeLineRecord,
  type InHospitalRecord,
  type QualificationRecord,
  type ReferralRecord,
  type VisitRecord,
} from '../../domain/settlement/records.ts';
import {
  chronicDrugLines,
  enrollmentPeriod,
  inHospitalStays,
  linesOfVisit,
  qualificationsOf,
  referralsOf,
  visitsOfPerson,
} from './record-repo.ts';
import { settlementsOf } from './settlement-repo.ts';

export type {
  ChronicDrugLine,
  FeeLineRecord,
  InHospitalRecord,
  QualificationRecord,
  ReferralRecord,
  VisitRecord,
} from '../../domain/settlement/records.ts';

export async function personVisits(
  q: Queryable,
  c: Caller,
  r: { psnNo: string; from: string; to: string; medType: string | null; mdtrtId: string | null },
): Promise<VisitRecord[]> {
  checkQueryPeriod(r.from, r.to);
  return visitsOfPerson(q, { fixmedinsCode: c.institution.code, ...r });
}

/** One visit of the caller's, of this person (any state, cancelled ones too). */
export async function ownVisitRecord(
  q: Queryable,
  c: Caller,
  r: { psnNo: string; mdtrtId: string },
): Promise<VisitRecord> {
  const [v] = await visitsOfPerson(q, {
    fixmedinsCode: c.institution.code,
    psnNo: r.psnNo,
    from: '0001-01-01',
    to: '9999-12-31',
    medType: null,
    mdtrtId: r.mdtrtId,
  });
  if (!v) throw visitNotFound(r.mdtrtId);
  return v;
}

/**
 * The fee lines of a visit, or of one settlement (then the visit may be left out: the
 * settlement names it). Lines of a settled visit carry its setl_id.
 */
export async function visitLines(
  q: Queryable,
  c: Caller,
  r: { psnNo: string; setlId: string | null; mdtrtId: string | null },
): Promise<{ visit: VisitRecord; lines: FeeLineRecord[] }> {
  let mdtrtId = r.mdtrtId;
  if (r.setlId) {
    const [s] = await settlementsOf(q, {
      fixmedinsCode: c.institution.code,
      psnNo: r.psnNo,
      setlId: r.setlId,
      mdtrtId: r.mdtrtId,
    });
    if (!s) {
      throw notFound(
        'SETTLEMENT_SETTLEMENT_NOT_FOUND',
        `结算记录 ${r.setlId} 不存在，或不属于本机构的人员 ${r.psnNo}`,
      );
    }
    mdtrtId = s.mdtrtId;
  }
  if (!mdtrtId) {
    throw badRequest('SETTLEMENT_QUERY_KEY_MISSING', '结算 ID setl_id 与就诊 ID mdtrt_id 至少填写一个');
  }
  const visit = await ownVisitRecord(q, c, { psnNo: r.psnNo, mdtrtId });
  return { visit, lines: await linesOfVisit(q, mdtrtId, r.setlId) };
}

/** 2001 待遇享受检查: the funds the person may draw on for care on the date, each with its reason. */
export async function entitlementCheck(
  q: Queryable,
  r: { psnNo: string; insutype: Insutype; onDate: string },
): Promise<Entitlement[]> {
  const p = await findPersonContext(q, r.psnNo, r.insutype, r.onDate);
  if (!p) throw personNotFound(r.psnNo);
  const policy = await activePolicy(q, p.insuredAdmdvs ?? p.admdvs, r.insutype, r.onDate);
  return entitlements({
    insutype: r.insutype,
    onDate: r.onDate,
    name: p.name,
    deathDate: p.deathDate,
    enrollment: p.enrollmentId === null ? null : await enrollmentPeriod(q, p.enrollmentId),
    policy: policy?.policy ?? null,
    identities: p.identities,
  });
}

/** What a person query found, or its refusal when there is no such person (null). */
function known<T>(found: T | null, psnNo: string): T {
  if (!found) throw personNotFound(psnNo);
  return found;
}

/** 5301 人员慢特病备案查询: the person's qualifications in force on the date or after it. */
export async function qualifications(
  q: Queryable,
  r: { psnNo: string; onDate: string },
): Promise<QualificationRecord[]> {
  return known(await qualificationsOf(q, r.psnNo, r.onDate), r.psnNo);
}

/** 5303 在院信息查询: the person's stays in hospital now, admitted within the period if one is given. */
export async function inHospital(
  q: Queryable,
  r: { psnNo: string; from: string | null; to: string | null },
): Promise<InHospitalRecord[]> {
  return known(await inHospitalStays(q, r), r.psnNo);
}

/** 5304 转院信息查询: the person's live referral filings in force at some time of the period (dates). */
export async function referrals(
  q: Queryable,
  r: { psnNo: string; from: string | null; to: string | null },
): Promise<ReferralRecord[]> {
  return known(await referralsOf(q, r), r.psnNo);
}

/** 5205 人员慢特病用药记录查询: the person's chronic-care drug lines of a period (instants, ISO). */
export async function chronicDrugs(
  q: Queryable,
  r: { psnNo: string; from: string; to: string },
): Promise<ChronicDrugLine[]> {
  checkQueryPeriod(r.from, r.to);
  return chronicDrugLines(q, r);
}
