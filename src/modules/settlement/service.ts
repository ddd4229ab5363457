// The channel-neutral settlement service: a HIS call, a clerk's manual settlement at the counter
// and a cross-region claim are one code path. The caller names its channel; the service answers a
// record in the engine's own names (modules/his alone maps it to setlinfo/setldetail).
import type { Queryable, Tx } from '../../db/types.ts';
import type { SettlementAmounts } from '../../domain/his/fields.ts';
import { notFound } from '../../domain/shared/errors.ts';
import type { Actor } from '../audit/index.ts';
import type { Caller, Institution } from './caller.ts';
import { preSettle, reverseSettlement, type SettlementOutcome, settleVisit } from './settle.ts';
import { institutionOfVisit } from './visit-repo.ts';

export const CHANNELS = ['his', 'manual', 'cross_region'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface SettleContext {
  actor: Actor;
  now: Date;
  channel: Channel;
  /** his: the calling institution (it may settle only its own visits); others: the visit's */
  institution?: Institution;
  /** his: the request's msgid (medins_setl_id); others: none */
  msgid?: string | null;
}

/** What to settle, in the engine's words. */
export interface SettlementCommand {
  mdtrtId: string;
  psnNo: string;
  insutype: '310' | '390';
  /** the total the submitter expects; must equal the visit's open lines */
  totalFen: number;
  useAccount: boolean;
  /** 中途结算 of a stay still in hospital */
  midStay?: boolean;
  /** an outpatient charge batch, or null for all open lines */
  batchNo?: string | null;
  medType?: string | null;
}

/** A settlement (or reversal) as the engine names it. */
export interface SettlementRecord {
  setlId: string;
  mdtrtId: string;
  psnNo: string;
  psnName: string;
  insutype: string;
  medType: string;
  time: string;
  totals: {
    totalFen: number;
    fullySelfPaidFen: number;
    overCapFen: number;
    firstShareFen: number;
    inScopeFen: number;
    deductibleFen: number;
    basicFundFen: number;
    coPayFen: number;
    criticalIllnessFen: number;
    assistanceFen: number;
    fundTotalFen: number;
    personTotalFen: number;
    accountFen: number;
    cashFen: number;
  };
  funds: { fundType: string; amountFen: number }[];
  warnings: string[];
}

export function recordOf(o: SettlementOutcome): SettlementRecord {
  const a: SettlementAmounts = o.amounts;
  return {
    setlId: o.head.setlId,
    mdtrtId: o.head.mdtrtId,
    psnNo: o.head.psnNo,
    psnName: o.head.psnName,
    insutype: o.head.insutype,
    medType: o.head.medType,
    time: o.head.setlTime,
    totals: {
      totalFen: a.medfee_sumamt,
      fullySelfPaidFen: a.fulamt_ownpay_amt,
      overCapFen: a.overlmt_selfpay,
      firstShareFen: a.preselfpay_amt,
      inScopeFen: a.inscp_scp_amt,
      deductibleFen: a.act_pay_dedc,
      basicFundFen: a.hifp_pay,
      coPayFen: a.pool_prop_selfpay,
      criticalIllnessFen: a.hifmi_pay,
      assistanceFen: a.maf_pay,
      fundTotalFen: a.fund_pay_sumamt,
      personTotalFen: a.psn_part_amt,
      accountFen: a.acct_pay,
      cashFen: a.psn_cash_pay,
    },
    funds: o.funds.map((f) => ({ fundType: f.fundPayType, amountFen: f.fundFen })),
    warnings: o.warnings,
  };
}

/** The caller the visit services check against: the HIS's own institution, or the visit's. */
async function callerFor(
  q: Queryable,
  mdtrtId: string,
  ctx: SettleContext,
): Promise<{ caller: Caller; inpatient: boolean }> {
  const v = await institutionOfVisit(q, mdtrtId);
  if (!v || (ctx.institution && ctx.institution.code !== v.code)) {
    throw notFound(
      'SETTLEMENT_VISIT_NOT_FOUND',
      `就诊记录 ${mdtrtId} 不存在${ctx.institution ? '或不属于本机构' : ''}`,
    );
  }
  const institution: Institution = ctx.institution ?? {
    code: v.code,
    name: v.name,
    admdvs: v.admdvs,
    level: v.level === 2 || v.level === 3 ? v.level : 1,
    kind: v.kind,
  };
  return {
    caller: { institution, now: ctx.now, msgid: ctx.msgid ?? '', actor: ctx.actor, channel: ctx.channel },
    inpatient: v.inpatient,
  };
}

const request = (c: SettlementCommand) => ({
  psnNo: c.psnNo,
  mdtrtId: c.mdtrtId,
  medType: (c.medType ?? null) as never,
  totalFen: c.totalFen,
  batchNo: c.batchNo ?? null,
  insutype: c.insutype,
  useAccount: c.useAccount,
  midSettlement: c.midStay ?? false,
});

/** Settle a visit's open lines (exactly once, atomically, in the caller's transaction). */
export async function settle(
  tx: Tx,
  command: SettlementCommand,
  ctx: SettleContext,
): Promise<SettlementRecord> {
  const { caller, inpatient } = await callerFor(tx, command.mdtrtId, ctx);
  return recordOf(await settleVisit(tx, caller, request(command), inpatient));
}

/** What settle would answer; writes nothing. */
export async function preview(
  q: Queryable,
  command: SettlementCommand,
  ctx: SettleContext,
): Promise<SettlementRecord> {
  const { caller, inpatient } = await callerFor(q, command.mdtrtId, ctx);
  return recordOf(await preSettle(q, caller, request(command), inpatient));
}

/** Reverse a settlement (a negated record; the accumulators are given back). */
export async function reverse(
  tx: Tx,
  ref: { setlId: string; mdtrtId: string; psnNo: string },
  ctx: SettleContext,
): Promise<SettlementRecord> {
  const { caller, inpatient } = await callerFor(tx, ref.mdtrtId, ctx);
  return recordOf(await reverseSettlement(tx, caller, ref, inpatient));
}
