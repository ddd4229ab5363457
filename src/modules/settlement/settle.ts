// Pre-settlement, settlement and reversal (2206/2207/2208, 2303/2304/2305).
// - Pre-settlement computes exactly what settlement would and writes nothing.
// - Settlement is exactly-once and atomic: it locks the visit, then the person's accumulator row
//   (so one person's settlements serialise), computes with the engine, and writes the settlement,
//   its fund parts, the lines' settlement id, the new accumulators, the visit status and the
//   audit entry in the caller's one transaction.
// - Reversal writes a negated settlement row, gives the accumulators back, reopens the visit's
//   lines, and refuses a settlement already reversed.
import type { Queryable, Tx } from '../../db/types.ts';
import {
  amountsOf,
  clearingType,
  type FundRow,
  fundRows,
  negate,
  type SetlInfoHead,
  type SettlementAmounts,
} from '../../domain/his/fields.ts';
import type { SettleRequest } from '../../domain/his/inputs.ts';
import { beijingDate, wireDateTime } from '../../domain/his/wire.ts';
import { ageOn } from '../../domain/registry/id-number.ts';
import { benefitYearOf, settle } from '../../domain/settlement/engine.ts';
import { withoutSettlement } from '../../domain/settlement/reversal.ts';
import type { Accumulators, CareType, SettlementResult, StaySoFar } from '../../domain/settlement/types.ts';
import { badRequest, conflict, notFound } from '../../domain/shared/errors.ts';
import { fenToYuan, sum } from '../../domain/shared/money.ts';
import { audit } from '../audit/index.ts';
import { lockAccumulators, readAccumulators, writeAccumulators } from './accumulator-repo.ts';
import { type Caller, personNotFound } from './caller.ts';
import {
  findPerson,
  findPersonContext,
  lockPersonAccumulators,
  type OpenLine,
  openLines,
  type PersonContextRow,
} from './context-repo.ts';
import { engineContext, type PolicyInForce, policyFor } from './engine-input.ts';
import {
  findSettlement,
  fundsOf,
  insertReversal,
  insertSettlement,
  laterLiveSettlement,
  type SettlementRow,
  settlementsOf,
  staySoFar,
} from './settlement-repo.ts';
import { findVisit, lockVisitForSettlement, updateVisit, type VisitRow } from './visit-repo.ts';
import { checkAlive, checkOwn, ownVisit, requireStatus } from './visits.ts';

export interface SettlementOutcome {
  head: SetlInfoHead;
  amounts: SettlementAmounts;
  funds: FundRow[];
  warnings: string[];
}

export type SettleCommand = SettleRequest & { midSettlement?: boolean };

interface Computed {
  visit: VisitRow;
  person: PersonContextRow;
  lines: OpenLine[];
  policy: PolicyInForce;
  careType: CareType;
  before: Accumulators;
  result: SettlementResult;
  mid: boolean;
}

// Settlement locks (in its transaction); pre-settlement reads the same figures without a lock.
function compute(tx: Tx, c: Caller, r: SettleCommand, inpatient: boolean, lock: true): Promise<Computed>;
function compute(
  q: Queryable,
  c: Caller,
  r: SettleCommand,
  inpatient: boolean,
  lock: false,
): Promise<Computed>;
async function compute(
  q: Queryable,
  c: Caller,
  r: SettleCommand,
  inpatient: boolean,
  lock: boolean,
): Promise<Computed> {
  const tx = q as Tx; // used only when lock, which the overloads allow only in a transaction
  const mid = r.midSettlement === true;
  if (mid && !inpatient) throw badRequest('SETTLEMENT_MID_SETTLEMENT', '中途结算只适用于住院');
  const batch = r.batchNo && r.batchNo !== '0000' ? r.batchNo : null;
  const v = lock
    ? checkOwn(await lockVisitForSettlement(tx, r.mdtrtId, c.institution.code, batch), c, r, inpatient)
    : await ownVisit(q, c, r, inpatient, false);
  requireStatus(
    v,
    [mid ? 'admitted' : inpatient ? 'discharged' : 'registered'],
    mid
      ? '中途结算（中途结算只适用于在院患者，已出院的请办理出院结算）'
      : inpatient
        ? '结算（住院须先办理出院）'
        : '结算',
  );
  if (v.insutype !== r.insutype) {
    throw badRequest(
      'SETTLEMENT_INSUTYPE_MISMATCH',
      `险种 ${r.insutype} 与就诊登记的险种 ${v.insutype} 不一致`,
    );
  }
  const careType = r.medType ?? v.medType;
  // a mid-stay settlement settles the stay up to today
  const endDate = mid ? maxDate(v.beginDate, beijingDate(c.now)) : (v.endDate ?? v.beginDate);
  const year = benefitYearOf(endDate);
  // the accumulator row is locked with the person context: settlements of one person serialise here
  const locked = lock
    ? await lockPersonAccumulators(tx, v.psnNo, v.insutype, v.beginDate, year, endDate)
    : null;
  const person = locked ?? (await findPersonContext(q, v.psnNo, v.insutype, v.beginDate));
  if (!person) throw personNotFound(v.psnNo);
  const before = locked
    ? locked.accumulators
    : lock
      ? await lockAccumulators(tx, v.psnNo, v.insutype, year)
      : await readAccumulators(q, v.psnNo, v.insutype, year);
  checkAlive(person, v.beginDate);
  if (person.enrollmentId === null) {
    throw badRequest('SETTLEMENT_NOT_ENROLLED', `人员 ${person.name} 在 ${v.beginDate} 未参保，不能结算`);
  }
  const lines = 'lines' in v ? (v.lines as OpenLine[]) : await openLines(q, v.mdtrtId, batch);
  if (lines.length === 0)
    throw badRequest('SETTLEMENT_NO_FEE_LINES', `就诊 ${v.mdtrtId} 没有待结算的费用明细`);
  const uploaded = sum(lines.map((l) => l.amountFen));
  if (uploaded !== r.totalFen) {
    throw badRequest(
      'SETTLEMENT_TOTAL_MISMATCH',
      `医疗费总额 medfee_sumamt ${fenToYuan(r.totalFen)} 与已上传费用明细合计 ${fenToYuan(uploaded)} 不一致`,
    );
  }
  const policy = locked?.policy ?? (await policyFor(q, person, v.insutype, endDate));
  const { visit, personContext } = engineContext(v, c.institution, person, endDate, careType);
  if (inpatient)
    visit.stayBefore = 'stay' in v ? (v.stay as StaySoFar | null) : await staySoFar(q, v.mdtrtId);
  const result = settle(
    {
      visit,
      lines: lines.map(({ id: _id, ...l }) => l),
      person: personContext,
      accumulators: before,
      useAccount: r.useAccount,
    },
    policy.policy,
  );
  return { visit: v, person, lines, policy, careType, before, result, mid };
}

const maxDate = (a: string, b: string) => (a > b ? a : b);

function headOf(x: Computed, setlId: string, setlTime: Date): SetlInfoHead {
  const endDate = x.visit.endDate ?? x.visit.beginDate;
  return {
    mdtrtId: x.visit.mdtrtId,
    setlId,
    psnNo: x.person.psnNo,
    psnName: x.person.name,
    certno: x.person.certno,
    gender: x.person.gender,
    birthDate: x.person.birthDate,
    age: ageOn(x.person.birthDate, endDate),
    insutype: x.visit.insutype,
    psnType: psnTypeOf(x.visit.insutype),
    medType: x.careType,
    setlTime: wireDateTime(setlTime),
    clearingRegion: x.person.insuredAdmdvs ?? x.person.admdvs,
    clearingType: clearingType(x.careType, x.visit.inpatient),
    balanceFen: 0,
  };
}

/** national psn_type: 11 employee in service, 1501 urban and rural resident */
export const psnTypeOf = (insutype: string) => (insutype === '310' ? '11' : '1501');

/** 2206 / 2303: the same computation as settlement; nothing is locked or written. */
export async function preSettle(
  q: Queryable,
  c: Caller,
  r: SettleCommand,
  inpatient: boolean,
): Promise<SettlementOutcome> {
  const x = await compute(q, c, r, inpatient, false);
  const amounts = amountsOf(x.result);
  return {
    head: headOf(x, '', c.now),
    amounts,
    funds: fundRows(x.visit.insutype, amounts),
    warnings: x.result.warnings,
  };
}

/** 2207 / 2304 */
export async function settleVisit(
  tx: Tx,
  c: Caller,
  r: SettleCommand,
  inpatient: boolean,
): Promise<SettlementOutcome> {
  const x = await compute(tx, c, r, inpatient, true);
  const amounts = amountsOf(x.result);
  const funds = fundRows(x.visit.insutype, amounts);
  const now = c.now.toISOString();
  const head = headOf(x, '', c.now);
  const setlId = await insertSettlement(tx, {
    mdtrtId: x.visit.mdtrtId,
    psnNo: x.visit.psnNo,
    admdvs: head.clearingRegion,
    fixmedinsCode: c.institution.code,
    insutype: x.visit.insutype,
    medType: x.careType,
    clearingType: head.clearingType,
    setlTime: now,
    setlDate: beijingDate(c.now),
    benefitYear: x.result.benefitYear,
    policyVersionId: x.policy.id,
    policyVersion: x.result.policyVersion,
    amounts,
    assistanceIdentity: x.result.assistanceIdentity,
    lines: x.result.lines,
    steps: x.result.steps,
    accBefore: x.before,
    accAfter: x.result.accumulatorsAfter,
    msgid: c.msgid || null,
    channel: c.channel ?? 'his',
    opter: c.opter || null,
    opterName: c.opterName ?? (c.channel && c.channel !== 'his' ? c.actor.name : null),
    funds,
    lineIds: x.lines.map((l) => l.id),
    midStay: x.mid,
    actor: c.actor,
    audit: {
      mdtrtId: x.visit.mdtrtId,
      psnNo: x.visit.psnNo,
      medfeeSumamt: amounts.medfee_sumamt,
      fundPaySumamt: amounts.fund_pay_sumamt,
      psnPartAmt: amounts.psn_part_amt,
      policyVersion: x.result.policyVersion,
      msgid: c.msgid || null,
      channel: c.channel ?? 'his',
      midStay: x.mid,
    },
  });
  return { head: { ...head, setlId }, amounts, funds, warnings: x.result.warnings };
}

/** 2208 / 2305 */
export async function reverseSettlement(
  tx: Tx,
  c: Caller,
  r: { setlId: string; mdtrtId: string; psnNo: string },
  inpatient: boolean,
): Promise<SettlementOutcome> {
  const v = await ownVisit(tx, c, r, inpatient);
  const s = await findSettlement(tx, r.setlId, true);
  if (!s || s.fixmedinsCode !== c.institution.code || s.mdtrtId !== v.mdtrtId) {
    throw notFound(
      'SETTLEMENT_SETTLEMENT_NOT_FOUND',
      `结算记录 ${r.setlId} 不存在，或不属于本机构的就诊 ${r.mdtrtId}`,
    );
  }
  if (s.kind === 'reversal')
    throw conflict('SETTLEMENT_REVERSAL_OF_REVERSAL', `${r.setlId} 是撤销记录，不能再撤销`);
  if (s.reversedBy) {
    throw conflict(
      'SETTLEMENT_ALREADY_REVERSED',
      `结算 ${r.setlId} 已于此前撤销（撤销记录 ${s.reversedBy}），不能重复撤销`,
    );
  }
  const later = await laterLiveSettlement(tx, s);
  if (later) {
    throw conflict(
      'SETTLEMENT_LATER_SETTLEMENT',
      `就诊 ${v.mdtrtId} 在结算 ${r.setlId} 之后还有结算 ${later}，请先撤销后面的结算`,
    );
  }
  const now = c.now.toISOString();
  const current = await lockAccumulators(tx, s.psnNo, s.insutype, s.benefitYear);
  const restored = s.accBefore && s.accAfter ? withoutSettlement(current, s.accBefore, s.accAfter) : current;
  const reversalId = await insertReversal(tx, s.setlId, {
    time: now,
    date: beijingDate(c.now),
    msgid: c.msgid || null,
    channel: c.channel ?? 'his',
  });
  await writeAccumulators(tx, s.psnNo, s.insutype, restored, now);
  // a mid-stay part leaves the stay as it is (still admitted, or discharged since)
  if (!s.midStay) await updateVisit(tx, v.mdtrtId, { status: inpatient ? 'discharged' : 'registered' }, now);
  await audit(
    tx,
    c.actor,
    'settlement.reverse',
    'settlement',
    s.setlId,
    { reversedBy: null },
    {
      reversedBy: reversalId,
      medfeeSumamt: -s.medfee_sumamt,
      msgid: c.msgid,
    },
    c.now,
  );
  return {
    head: await headOfRow(tx, s, v, reversalId, c.now),
    amounts: negate(s),
    funds: (await fundsOf(tx, s.setlId)).map((f) => ({ ...f, fundFen: -f.fundFen })),
    warnings: [],
  };
}

/** The setlinfo head of a stored settlement row. */
async function headOfRow(q: Queryable, s: SettlementRow, v: VisitRow, setlId: string, setlTime: Date) {
  const person = await findPerson(q, s.psnNo, v.insutype, v.beginDate);
  const endDate = v.endDate ?? v.beginDate;
  return {
    mdtrtId: v.mdtrtId,
    setlId,
    psnNo: s.psnNo,
    psnName: person?.name ?? '',
    certno: person?.certno ?? '',
    gender: person?.gender ?? '9',
    birthDate: person?.birthDate ?? '',
    age: person ? ageOn(person.birthDate, endDate) : 0,
    insutype: s.insutype,
    psnType: psnTypeOf(s.insutype),
    medType: s.medType,
    setlTime: wireDateTime(setlTime),
    clearingRegion: s.admdvs,
    clearingType: s.clrType,
    balanceFen: 0,
  };
}

export interface StoredSettlement extends SettlementOutcome {
  /** the msgid of the request that settled (medins_setl_id) */
  msgid: string | null;
  kind: 'settlement' | 'reversal';
  reversedBy: string | null;
  midStay: boolean;
  /** the visit's span and its diagnoses (the main one first), for the settlement's printout */
  visit: Pick<VisitRow, 'beginTime' | 'endTime' | 'diagnoses'>;
}

/**
 * 5203: a stored settlement of the caller's, by setl_id, or the newest live one of a visit — how a
 * HIS that lost a settlement's answer learns its setl_id (with a new msgid).
 */
export async function findStoredSettlement(
  q: Queryable,
  c: Caller,
  r: { psnNo: string; setlId: string | null; mdtrtId: string | null },
): Promise<StoredSettlement> {
  const rows = await settlementsOf(q, { fixmedinsCode: c.institution.code, ...r });
  const s = r.setlId
    ? rows[0]
    : [...rows].reverse().find((x) => x.kind === 'settlement' && x.reversedBy === null);
  if (!s) {
    throw notFound(
      'SETTLEMENT_SETTLEMENT_NOT_FOUND',
      r.setlId
        ? `结算记录 ${r.setlId} 不存在，或不属于本机构的人员 ${r.psnNo}`
        : `就诊 ${r.mdtrtId} 没有有效的结算记录`,
    );
  }
  const v = await findVisit(q, s.mdtrtId, false);
  if (!v) throw notFound('SETTLEMENT_VISIT_NOT_FOUND', `就诊记录 ${s.mdtrtId} 不存在`);
  return {
    head: await headOfRow(q, s, v, s.setlId, new Date(s.setlTime)),
    amounts: s,
    funds: await fundsOf(q, s.setlId),
    warnings: [],
    msgid: s.msgid,
    kind: s.kind,
    reversedBy: s.reversedBy,
    midStay: s.midStay,
    visit: { beginTime: v.beginTime, endTime: v.endTime, diagnoses: v.diagnoses },
  };
}
