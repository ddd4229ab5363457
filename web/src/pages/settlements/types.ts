// Shapes of the settlement API (src/modules/settlement/routes.ts, queries.ts) as the pages use
// them. Money is integer fen, ratios basis points, dates YYYY-MM-DD, times ISO.

export type SettlementStatus = 'settled' | 'reversed' | 'reversal';

export interface SettlementListItem {
  setlId: string;
  mdtrtId: string;
  psnNo: string;
  /** masked by the server for roles without full access (王*) */
  psnName: string;
  fixmedinsCode: string;
  fixmedinsName: string;
  insutype: string;
  medType: string;
  setlTime: string;
  setlDate: string;
  kind: 'settlement' | 'reversal';
  medfeeSumamt: number;
  fundPaySumamt: number;
  hifpPay: number;
  hifmiPay: number;
  mafPay: number;
  acctPay: number;
  psnCashPay: number;
  status: SettlementStatus;
}

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
}

export interface SettlementLine {
  lineNo: string;
  itemCode: string;
  itemName: string | null;
  quantity: number | null;
  unitPriceFen: number | null;
  amountFen: number;
  chargeClass: '01' | '02' | '03' | null;
  priceCapFen: number | null;
  firstShareBp: number;
  fullySelfPaidFen: number;
  overCapFen: number;
  firstShareFen: number;
  inScopeFen: number;
  reasons: string[];
  reasonNames?: (string | null)[];
}

/** One step of the engine's explanation, as stored with the settlement. */
export interface ExplanationStep {
  rule: string;
  title: string;
  baseFen: number;
  ratioBp: number | null;
  amountFen: number;
  note: string;
}

export interface SettlementDetail {
  settlement: SettlementHead;
  lines: SettlementLine[];
  funds: { fundPayType: string; fundPayamt: number; inscpScpAmt: number }[];
  steps: ExplanationStep[];
  policyVersion: { id: number | null; version: string | null; name: string | null; year: number | null };
}
