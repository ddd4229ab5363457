// infno → what it reads, whether it writes, and how its output nodes are built. Writing
// transactions run in one database transaction together with their his_message row; reading
// ones (1101, 2206, 2303, 3201) write nothing, except 1101's audit entry of who looked whom up.
import type { z } from 'zod';
import type { Queryable } from '../../db/types.ts';
import type { Infno } from '../../domain/his/envelope.ts';
import { feeResult, setldetail, setlinfo } from '../../domain/his/fields.ts';
import * as inputs from '../../domain/his/inputs.ts';
import { beijingDate, wireDateTime } from '../../domain/his/wire.ts';
import type { Caller } from '../settlement/caller.ts';
import { cancelFees, type UploadedLine, uploadFees } from '../settlement/fees.ts';
import { reconcile } from '../settlement/reconcile.ts';
import { preSettle, reverseSettlement, type SettlementOutcome, settleVisit } from '../settlement/settle.ts';
import { cancelDischarge, cancelVisit, discharge, openVisit, recordVisitInfo } from '../settlement/visits.ts';
import { personInfo } from './person-info.ts';
import type { PersonQueryLimiter } from './person-query-limit.ts';
import { signIn, signOut } from './sign.ts';

export interface Outcome {
  output: Record<string, unknown>;
  warnings?: string[];
}

export interface Transaction {
  schema: z.ZodType;
  writes: boolean;
  /** needs an open sign-in (everything but 9001) */
  signedIn: boolean;
  run(q: Queryable, c: Caller, input: unknown, services: HisServices): Promise<Outcome>;
}

/** State the endpoint keeps across requests (one per app). */
export interface HisServices {
  personQueries: PersonQueryLimiter;
}

function tx<S extends z.ZodType>(
  schema: S,
  writes: boolean,
  run: (q: Queryable, c: Caller, input: z.output<S>, services: HisServices) => Promise<Outcome>,
  signedIn = true,
): Transaction {
  return { schema, writes, signedIn, run: run as Transaction['run'] };
}

const settlementOutput = (o: SettlementOutcome): Outcome => ({
  output: { setlinfo: setlinfo(o.head, o.amounts), setldetail: setldetail(o.funds, o.amounts) },
  warnings: o.warnings,
});

const feeOutput = (rows: UploadedLine[]): Outcome => ({
  output: {
    result: rows.map((r) =>
      feeResult(r.result, {
        quantityText: r.line.quantity.text,
        unitPriceFen: r.line.unitPriceFen,
        unitPriceText: r.line.unitPrice.text,
        medChrgitmType: r.medChrgitmType,
        restricted: r.restricted,
      }),
    ),
  },
});

const none: Outcome = { output: {} };

export const TRANSACTION_TABLE: Record<Infno, Transaction> = {
  '9001': tx(
    inputs.signInInput,
    true,
    async (q, c, i) => {
      const { signNo } = await signIn(q, c, i);
      return { output: { signinoutb: { sign_time: wireDateTime(c.now), sign_no: signNo } } };
    },
    false,
  ),
  '9002': tx(inputs.signOutInput, true, async (q, c, i) => {
    await signOut(q, c, i);
    return { output: { signoutoutb: { sign_time: wireDateTime(c.now) } } };
  }),
  '1101': tx(inputs.personInfoInput, false, async (q, c, i, s) => ({
    output: await personInfo(q, c, i, beijingDate(c.now), s.personQueries),
  })),
  '2201': tx(inputs.registrationInput, true, async (q, c, i) => {
    const { mdtrtId } = await openVisit(q, c, i);
    return { output: { data: { mdtrt_id: mdtrtId, psn_no: i.psnNo, ipt_otp_no: i.hisVisitNo } } };
  }),
  '2202': tx(inputs.registrationCancelInput, true, async (q, c, i) => {
    await cancelVisit(q, c, i, false);
    return none;
  }),
  '2203': tx(inputs.visitInfoInput, true, async (q, c, i) => {
    await recordVisitInfo(q, c, i);
    return none;
  }),
  '2204': tx(inputs.outpatientFeesInput, true, async (q, c, i) =>
    feeOutput(await uploadFees(q, c, i, false)),
  ),
  '2205': tx(inputs.outpatientFeesCancelInput, true, async (q, c, i) => {
    await cancelFees(q, c, i, false);
    return none;
  }),
  '2206': tx(inputs.outpatientSettleInput, false, async (q, c, i) =>
    settlementOutput(await preSettle(q, c, i, false)),
  ),
  '2207': tx(inputs.outpatientSettleInput, true, async (q, c, i) =>
    settlementOutput(await settleVisit(q, c, i, false)),
  ),
  '2208': tx(inputs.reversalInput, true, async (q, c, i) =>
    settlementOutput(await reverseSettlement(q, c, i, false)),
  ),
  '2301': tx(inputs.inpatientFeesInput, true, async (q, c, i) => feeOutput(await uploadFees(q, c, i, true))),
  '2302': tx(inputs.inpatientFeesCancelInput, true, async (q, c, i) => {
    await cancelFees(q, c, i, true);
    return none;
  }),
  '2303': tx(inputs.inpatientSettleInput, false, async (q, c, i) =>
    settlementOutput(await preSettle(q, c, i, true)),
  ),
  '2304': tx(inputs.inpatientSettleInput, true, async (q, c, i) =>
    settlementOutput(await settleVisit(q, c, i, true)),
  ),
  '2305': tx(inputs.reversalInput, true, async (q, c, i) =>
    settlementOutput(await reverseSettlement(q, c, i, true)),
  ),
  '2401': tx(inputs.admissionInput, true, async (q, c, i) => {
    const { mdtrtId } = await openVisit(q, c, i);
    return { output: { result: { mdtrt_id: mdtrtId } } };
  }),
  '2402': tx(inputs.dischargeInput, true, async (q, c, i) => {
    await discharge(q, c, i);
    return none;
  }),
  '2404': tx(inputs.visitRefInput, true, async (q, c, i) => {
    await cancelVisit(q, c, i, true);
    return none;
  }),
  '2405': tx(inputs.visitRefInput, true, async (q, c, i) => {
    await cancelDischarge(q, c, i);
    return none;
  }),
  '3201': tx(inputs.reconciliationInput, false, async (q, c, i) => {
    const r = await reconcile(q, c, i);
    return {
      output: {
        stmtinfo: {
          setl_optins: r.clearingRegion,
          stmt_rslt: r.agrees ? '0' : '1',
          stmt_rslt_dscr: r.description,
        },
      },
    };
  }),
};
