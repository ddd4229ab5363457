// Shapes of the settlement API (src/modules/settlement/contract.ts) as the pages use
// them. Money is integer fen, ratios basis points, dates YYYY-MM-DD, times ISO; psnName comes
// masked (王*) for roles without full access.
import type { ExplanationStep } from '../../../../src/domain/settlement/types.ts';
import type {
  SettlementDetail as ServerDetail,
  SettlementListItem,
} from '../../../../src/modules/settlement/contract.ts';

export type { SettlementListItem };
export type SettlementStatus = SettlementListItem['status'];

export interface Diagnosis {
  code?: string;
  name?: string;
  type?: string;
  srtNo?: string | number;
}

export interface SettlementHead extends SettlementListItem {
  admdvs: string;
  clrType: string;
  benefitYear: number;
  reversesSetlId: string | null;
  reversedBy: string | null;
  assistanceIdentity: string | null;
  assistanceIdentityName: string | null;
  /** always masked (4109**********1234) */
  certno: string | null;
  gender: string | null;
  institutionLevel: number | null;
  visitBeginDate: string | null;
  visitEndDate: string | null;
  inpatient: boolean;
  iptOtpNo: string | null;
  diagnoses: Diagnosis[] | null;
  fulamtOwnpayAmt: number;
  overlmtSelfpay: number;
  preselfpayAmt: number;
  inscpScpAmt: number;
  actPayDedc: number;
  poolPropSelfpay: number;
  hifobPay: number;
  othPay: number;
  psnPartAmt: number;
  /** the institution's operator who settled (HIS), or the clerk (manual) */
  opter: string | null;
  opterName: string | null;
  channel: 'his' | 'manual' | 'cross_region';
  /** the pooling region's name: the bureau is its 医疗保障局 */
  regionName: string | null;
  /** where the year stood after this settlement, and the policy's limits */
  yearBasicPaidFen: number | null;
  yearCriticalBaseFen: number | null;
  yearCriticalPaidFen: number | null;
  basicCapFen: number | null;
  criticalDeductibleFen: number | null;
}

/** A fee line as classified by the engine, with the server's Chinese names of its reasons. */
export type SettlementLine = ServerDetail['lines'][number] & { reasonNames?: (string | null)[] };

export type { ExplanationStep };

/** The settlement's columns arrive as an open record on the server's side; here they are named. */
export interface SettlementDetail extends Omit<ServerDetail, 'settlement' | 'lines'> {
  settlement: SettlementHead;
  lines: SettlementLine[];
}
