// Opening and closing visits: 2201/2401 register or admit, 2203 visit information, 2402 discharge,
// and the cancellations 2202/2404/2405. Each checks the institution owns the visit, the person
// is alive and enrolled on the visit date, and the visit is in a state the step applies to.
import { staySoFar } from './settlement-repo.ts';
import type { Queryable, Tx } from '../../db/types.ts';
import { CERT_TYPE_NAMES, type Credential, checkVisitCredential } from '../../domain/his/credential.ts';
import type { AdmissionChange, Diagnosis, OpenVisitRequest } from '../../domain/his/inputs.ts';
import { beijingDate, sameWireMoment } from '../../domain/his/wire.ts';
import type { Insutype } from '../../domain/settlement/types.ts';
import { type AppError, badRequest, conflict } from '../../domain/shared/errors.ts';
import { audit } from '../audit/index.ts';
import { type Caller, INSUTYPE_NAMES, personNotFound, visitNotFound } from './caller.ts';
import { findPerson, type PersonRow } from './context-repo.ts';
import { credentialOwner } from './credential-repo.ts';
import {
  countOpenLines,
  findVisit,
  insertVisit,
  mergeAttending,
  updateVisit,
  type VisitRow,
} from './visit-repo.ts';

/**
 * The person exists, was alive and was enrolled in the scheme on the date. With a credential (a
 * visit being opened), it must be the person's own before anything else about them is told.
 */
export async function eligiblePerson(
  q: Queryable,
  psnNo: string,
  insutype: Insutype,
  onDate: string,
  credential?: Credential,
): Promise<PersonRow> {
  const p = await findPerson(q, psnNo, insutype, onDate);
  if (!p) throw personNotFound(psnNo);
  const wrongCredential = credential && (await visitCredentialRefusal(q, p, credential, onDate));
  if (wrongCredential) throw wrongCredential;
  checkAlive(p, onDate);
  if (p.enrollmentId === null) {
    throw badRequest(
      'SETTLEMENT_NOT_ENROLLED',
      `人员 ${p.name} 在 ${onDate} 未参加${INSUTYPE_NAMES[insutype]}，不能享受待遇`,
    );
  }
  return p;
}

/**
 * 02 is the ID number itself; 01/03 must be a token or card the bureau knows for this person, or
 * the person's own ID number: a HIS that read the card for 1101 goes on with type 03 and the ID
 * number (a Foshan HIS sends its patient's certno whatever the type).
 */
async function visitCredentialRefusal(
  q: Queryable,
  p: PersonRow,
  c: Credential,
  onDate: string,
): Promise<AppError | null> {
  if (c.type !== '01' && c.type !== '03') return checkVisitCredential(p, c);
  const owner = await credentialOwner(q, c.type, c.no, onDate);
  const kind = CERT_TYPE_NAMES[c.type];
  if (owner === null && c.no.toUpperCase() === p.certno.toUpperCase()) return null;
  if (owner === null) {
    return badRequest(
      'SETTLEMENT_CERT_UNKNOWN',
      `未找到${kind}（就诊凭证类型 ${c.type}）对应的参保人员，请核对凭证是否有效`,
    );
  }
  if (owner !== p.psnNo) {
    return badRequest(
      'SETTLEMENT_CREDENTIAL_MISMATCH',
      `就诊凭证（${kind}）与人员编号 ${p.psnNo} 不属于同一人，不能办理`,
    );
  }
  return null;
}

export function checkAlive(p: { name: string; deathDate: string | null }, onDate: string): void {
  if (p.deathDate && onDate > p.deathDate) {
    throw badRequest(
      'SETTLEMENT_PERSON_DECEASED',
      `人员 ${p.name} 已于 ${p.deathDate} 死亡，不能办理 ${onDate} 的就诊或费用`,
    );
  }
}

export async function openVisit(tx: Tx, c: Caller, r: OpenVisitRequest): Promise<{ mdtrtId: string }> {
  const now = c.now.toISOString();
  if (r.begin.iso > new Date(c.now.getTime() + 10 * 60_000).toISOString()) {
    throw badRequest('SETTLEMENT_TIME_IN_FUTURE', `就诊时间 ${r.begin.date} 晚于当前时间`);
  }
  const p = await eligiblePerson(tx, r.psnNo, r.insutype, r.begin.date, r.credential);
  const mdtrtId = await insertVisit(
    tx,
    {
      psnNo: p.psnNo,
      admdvs: p.insuredAdmdvs ?? p.admdvs,
      fixmedinsCode: c.institution.code,
      insutype: r.insutype,
      medType: r.medType,
      inpatient: r.inpatient,
      hisVisitNo: r.hisVisitNo,
      beginTime: r.begin.iso,
      beginDate: r.begin.date,
      diagnoses: r.diagnoses,
      mainDiagnosis: r.mainDiagnosis,
      // 就医地 ≠ 参保地: the institution's region is not the person's pooling region
      outOfArea: c.institution.admdvs !== (p.insuredAdmdvs ?? p.admdvs),
      emergency: r.medType === '13',
      attending: r.attending,
      now,
    },
    c.actor,
    r.inpatient ? 'visit.admit' : 'visit.register',
    {
      psnNo: p.psnNo,
      insutype: r.insutype,
      medType: r.medType,
      fixmedinsCode: c.institution.code,
      begin: r.begin.iso,
      msgid: c.msgid,
    },
  );
  if (!mdtrtId) {
    throw conflict(
      'SETTLEMENT_DUPLICATE_VISIT_NO',
      `${r.inpatient ? '住院号' : '门诊号'} ${r.hisVisitNo} 已有未撤销的就诊记录，不能重复${r.inpatient ? '入院' : '挂号'}`,
    );
  }
  return { mdtrtId };
}

/** The caller's own visit of this person and kind, locked; anything else is "not found". */
export function ownVisit(
  tx: Tx,
  c: Caller,
  ref: { mdtrtId: string; psnNo: string },
  inpatient: boolean,
  lock?: boolean,
): Promise<VisitRow>;
/** Unlocked, the visit may be read outside a transaction. */
export function ownVisit(
  q: Queryable,
  c: Caller,
  ref: { mdtrtId: string; psnNo: string },
  inpatient: boolean,
  lock: false,
): Promise<VisitRow>;
export async function ownVisit(
  q: Queryable,
  c: Caller,
  ref: { mdtrtId: string; psnNo: string },
  inpatient: boolean,
  lock = true,
): Promise<VisitRow> {
  // the overloads allow a lock only in a transaction
  return checkOwn(await findVisit(q as Tx, ref.mdtrtId, lock), c, ref, inpatient);
}

/** The visit is the caller's, of this person and of this kind (outpatient / inpatient). */
export function checkOwn<V extends VisitRow>(
  v: V | null,
  c: Caller,
  ref: { mdtrtId: string; psnNo: string },
  inpatient: boolean,
): V {
  if (!v || v.fixmedinsCode !== c.institution.code) throw visitNotFound(ref.mdtrtId);
  if (v.psnNo !== ref.psnNo) {
    throw badRequest('SETTLEMENT_VISIT_PERSON_MISMATCH', `就诊 ${ref.mdtrtId} 不是人员 ${ref.psnNo} 的就诊`);
  }
  if (v.inpatient !== inpatient) {
    throw badRequest(
      'SETTLEMENT_VISIT_KIND_MISMATCH',
      `就诊 ${ref.mdtrtId} 是${v.inpatient ? '住院' : '门诊'}就诊，不能使用${inpatient ? '住院' : '门诊'}交易`,
    );
  }
  return v;
}

const STATUS_NAMES: Record<VisitRow['status'], string> = {
  registered: '已挂号',
  admitted: '在院',
  discharged: '已出院',
  settled: '已结算',
  cancelled: '已撤销',
};

export function requireStatus(v: VisitRow, allowed: VisitRow['status'][], action: string): void {
  if (allowed.includes(v.status)) return;
  const code = v.status === 'settled' ? 'SETTLEMENT_VISIT_SETTLED' : 'SETTLEMENT_VISIT_STATE';
  throw conflict(code, `就诊 ${v.mdtrtId} 当前状态为${STATUS_NAMES[v.status]}，不能${action}`);
}

/** 2202 / 2404: only a visit with no live fee lines and no settlement. */
export async function cancelVisit(
  tx: Tx,
  c: Caller,
  ref: { mdtrtId: string; psnNo: string },
  inpatient: boolean,
): Promise<void> {
  const v = await ownVisit(tx, c, ref, inpatient);
  requireStatus(v, [inpatient ? 'admitted' : 'registered'], inpatient ? '撤销入院' : '撤销挂号');
  if ((await countOpenLines(tx, v.mdtrtId)) > 0) {
    throw conflict('SETTLEMENT_VISIT_HAS_FEES', `就诊 ${v.mdtrtId} 还有未撤销的费用明细，请先撤销费用明细`);
  }
  if (inpatient && (await staySoFar(tx, v.mdtrtId))) {
    throw conflict(
      'SETTLEMENT_VISIT_HAS_SETTLEMENT',
      `住院 ${v.mdtrtId} 已有中途结算，请先撤销中途结算再撤销入院`,
    );
  }
  await updateVisit(tx, v.mdtrtId, { status: 'cancelled' }, c.now.toISOString());
  await audit(
    tx,
    c.actor,
    inpatient ? 'visit.cancel_admission' : 'visit.cancel_registration',
    'visit',
    v.mdtrtId,
    {
      status: v.status,
    },
    { status: 'cancelled', msgid: c.msgid },
    c.now,
  );
}

/** 2203: care type and diagnoses of an outpatient visit before it is settled. */
export async function recordVisitInfo(
  tx: Tx,
  c: Caller,
  r: {
    mdtrtId: string;
    psnNo: string;
    medType: VisitRow['medType'];
    mainDiagnosis: string | null;
    diagnoses: Diagnosis[];
  },
): Promise<void> {
  const v = await ownVisit(tx, c, r, false);
  requireStatus(v, ['registered'], '上传就诊信息');
  await updateVisit(
    tx,
    v.mdtrtId,
    {
      medType: r.medType,
      diagnoses: r.diagnoses,
      mainDiagnosis: r.mainDiagnosis,
      emergency: r.medType === '13',
    },
    c.now.toISOString(),
  );
  await audit(
    tx,
    c.actor,
    'visit.info',
    'visit',
    v.mdtrtId,
    { medType: v.medType, diagnoses: v.diagnoses },
    {
      medType: r.medType,
      diagnoses: r.diagnoses,
      msgid: c.msgid,
    },
    c.now,
  );
}

/**
 * 2403 入院信息变更: a stay not yet settled takes a corrected care type, diagnoses, doctor,
 * department or bed. What decides who the visit is and when it began (person, scheme, admission
 * time, the HIS's stay number) is not changed here: a wrong one is cancelled (2404) and admitted
 * again. The care type stays once part of the stay is settled (中途结算).
 */
export async function changeAdmission(tx: Tx, c: Caller, r: AdmissionChange): Promise<void> {
  const v = await ownVisit(tx, c, r, true);
  requireStatus(v, ['admitted', 'discharged'], '变更入院信息');
  if (r.insutype && r.insutype !== v.insutype) {
    throw badRequest(
      'SETTLEMENT_INSUTYPE_MISMATCH',
      `险种 ${r.insutype} 与入院登记的险种 ${v.insutype} 不一致，险种不能变更，请撤销入院后重新办理`,
    );
  }
  if (r.begin && !sameWireMoment(r.begin, new Date(v.beginTime).toISOString())) {
    throw badRequest(
      'SETTLEMENT_ADMISSION_TIME_CHANGE',
      `入院时间 ${r.begin.date} 与入院登记的时间不一致，入院时间不能变更，请撤销入院后重新办理`,
    );
  }
  if (r.hisVisitNo && r.hisVisitNo !== v.hisVisitNo) {
    throw badRequest(
      'SETTLEMENT_VISIT_NO_MISMATCH',
      `住院号 ${r.hisVisitNo} 与入院登记的住院号 ${v.hisVisitNo} 不一致`,
    );
  }
  const medType = r.medType && r.medType !== v.medType ? r.medType : undefined;
  if (medType && (await staySoFar(tx, v.mdtrtId))) {
    throw conflict('SETTLEMENT_VISIT_HAS_SETTLEMENT', `住院 ${v.mdtrtId} 已有中途结算，医疗类别不能变更`);
  }
  const now = c.now.toISOString();
  if (medType || r.diagnoses) {
    await updateVisit(
      tx,
      v.mdtrtId,
      {
        medType,
        ...(r.diagnoses ? { diagnoses: r.diagnoses, mainDiagnosis: r.mainDiagnosis } : {}),
      },
      now,
    );
  }
  await mergeAttending(tx, v.mdtrtId, r.attending, now);
  await audit(
    tx,
    c.actor,
    'visit.admission-change',
    'visit',
    v.mdtrtId,
    { medType: v.medType, diagnoses: v.diagnoses },
    {
      ...(medType ? { medType } : {}),
      ...(r.diagnoses ? { diagnoses: r.diagnoses } : {}),
      attending: r.attending,
      msgid: c.msgid,
    },
    c.now,
  );
}

export interface Discharge {
  mdtrtId: string;
  psnNo: string;
  insutype: Insutype;
  end: { iso: string; date: string };
  dischargeWay: string | null;
  deathDate: string | null;
  mainDiagnosis: string | null;
  diagnoses: Diagnosis[];
}

/** 2402 */
export async function discharge(tx: Tx, c: Caller, r: Discharge): Promise<void> {
  const v = await ownVisit(tx, c, r, true);
  requireStatus(v, ['admitted'], '办理出院');
  if (v.insutype !== r.insutype) {
    throw badRequest(
      'SETTLEMENT_INSUTYPE_MISMATCH',
      `险种 ${r.insutype} 与入院登记的险种 ${v.insutype} 不一致`,
    );
  }
  if (r.end.iso < v.beginTime)
    throw badRequest('SETTLEMENT_DISCHARGE_BEFORE_ADMISSION', '出院时间早于入院时间');
  if (r.end.iso > new Date(c.now.getTime() + 10 * 60_000).toISOString()) {
    throw badRequest('SETTLEMENT_TIME_IN_FUTURE', `出院时间 ${r.end.date} 晚于当前时间`);
  }
  await updateVisit(
    tx,
    v.mdtrtId,
    {
      status: 'discharged',
      endTime: r.end.iso,
      endDate: r.end.date,
      dischargeWay: r.dischargeWay,
      deathDate: r.deathDate,
      ...(r.diagnoses.length > 0 ? { diagnoses: r.diagnoses, mainDiagnosis: r.mainDiagnosis } : {}),
    },
    c.now.toISOString(),
  );
  await audit(
    tx,
    c.actor,
    'visit.discharge',
    'visit',
    v.mdtrtId,
    { status: v.status },
    {
      status: 'discharged',
      end: r.end.iso,
      dischargeWay: r.dischargeWay,
      msgid: c.msgid,
    },
    c.now,
  );
}

/** 2405: back to in hospital, as long as the stay is not settled. */
export async function cancelDischarge(
  tx: Tx,
  c: Caller,
  ref: { mdtrtId: string; psnNo: string },
): Promise<void> {
  const v = await ownVisit(tx, c, ref, true);
  requireStatus(v, ['discharged'], '撤销出院');
  await updateVisit(tx, v.mdtrtId, { status: 'admitted', endTime: null, endDate: null }, c.now.toISOString());
  await audit(
    tx,
    c.actor,
    'visit.cancel_discharge',
    'visit',
    v.mdtrtId,
    { status: v.status, end: v.endTime },
    {
      status: 'admitted',
      msgid: c.msgid,
    },
    c.now,
  );
}

export const todayOf = (c: Caller) => beijingDate(c.now);
