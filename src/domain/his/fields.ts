// The one mapping between the engine's result and the national settlement fields. The same
// national names are the settlement table's columns, so this table is used for the database row,
// the setlinfo node and the setldetail rows alike.
import type { Insutype, LineReason, LineResult, SettlementResult } from '../settlement/types.ts';
import type { Fen } from '../shared/money.ts';
import { priceCapField } from './reply.ts';
import { ratio, rawNumber, yuan } from './wire.ts';

export const AMOUNT_FIELDS = [
  ['medfee_sumamt', (r) => r.totals.totalFen],
  ['fulamt_ownpay_amt', (r) => r.totals.fullySelfPaidFen],
  ['overlmt_selfpay', (r) => r.totals.overCapFen],
  ['preselfpay_amt', (r) => r.totals.firstShareFen],
  ['inscp_scp_amt', (r) => r.totals.inScopeFen],
  ['act_pay_dedc', (r) => r.totals.deductibleFen],
  ['hifp_pay', (r) => r.funds.basicFundFen],
  ['pool_prop_selfpay', (r) => r.totals.coPayFen],
  ['hifmi_pay', (r) => r.funds.criticalIllnessFen],
  ['hifob_pay', (r) => r.funds.largeAmountFen],
  ['maf_pay', (r) => r.funds.assistanceFen],
  ['oth_pay', (r) => r.funds.otherFen],
  ['fund_pay_sumamt', (r) => r.fundTotalFen],
  ['psn_part_amt', (r) => r.personTotalFen],
  ['acct_pay', (r) => r.accountFen],
  ['psn_cash_pay', (r) => r.cashFen],
] as const satisfies readonly (readonly [string, (r: SettlementResult) => Fen])[];

export type AmountField = (typeof AMOUNT_FIELDS)[number][0];
export type SettlementAmounts = Record<AmountField, Fen>;
export const AMOUNT_NAMES: readonly AmountField[] = AMOUNT_FIELDS.map(([n]) => n);

export function amountsOf(r: SettlementResult): SettlementAmounts {
  return Object.fromEntries(AMOUNT_FIELDS.map(([n, get]) => [n, get(r)])) as SettlementAmounts;
}

export function negate(a: SettlementAmounts): SettlementAmounts {
  return Object.fromEntries(AMOUNT_NAMES.map((n) => [n, -a[n] || 0])) as SettlementAmounts;
}

/** Fund codes of setldetail. */
export { FUND_PAY_TYPE_NAMES as FUND_NAMES } from '../national/codes.ts';
import { FUND_PAY_TYPE_NAMES as FUND_NAMES } from '../national/codes.ts';

export interface FundRow {
  fundPayType: string;
  fundFen: Fen;
}

/** One row per fund that paid (non-zero), the personal account included. */
export function fundRows(insutype: Insutype, a: SettlementAmounts): FundRow[] {
  const employee = insutype === '310';
  const rows: FundRow[] = [
    { fundPayType: employee ? '310100' : '390100', fundFen: a.hifp_pay },
    { fundPayType: employee ? '330100' : '390200', fundFen: employee ? a.hifob_pay : a.hifmi_pay },
    // a resident has no large-amount subsidy and an employee no resident 大病; kept if ever paid
    { fundPayType: employee ? '390200' : '330100', fundFen: employee ? a.hifmi_pay : a.hifob_pay },
    { fundPayType: '610100', fundFen: a.maf_pay },
    { fundPayType: '999999', fundFen: a.oth_pay },
    { fundPayType: '310200', fundFen: a.acct_pay },
  ];
  return rows.filter((r) => r.fundFen !== 0);
}

/** The person and visit facts setlinfo repeats. */
export interface SetlInfoHead {
  mdtrtId: string;
  setlId: string;
  psnNo: string;
  psnName: string;
  certno: string;
  gender: string;
  birthDate: string;
  age: number;
  insutype: string;
  psnType: string;
  medType: string;
  setlTime: string; // yyyy-MM-dd HH:mm:ss
  clearingRegion: string;
  clearingType: string;
  balanceFen: Fen;
}

export function setlinfo(h: SetlInfoHead, a: SettlementAmounts): Record<string, unknown> {
  const money = Object.fromEntries(AMOUNT_NAMES.map((n) => [n, yuan(a[n])]));
  return {
    mdtrt_id: h.mdtrtId,
    setl_id: h.setlId,
    psn_no: h.psnNo,
    psn_name: h.psnName,
    psn_cert_type: '01',
    certno: h.certno,
    gend: h.gender,
    naty: '01',
    brdy: h.birthDate,
    age: h.age,
    insutype: h.insutype,
    psn_type: h.psnType,
    cvlserv_flag: '0',
    med_type: h.medType,
    setl_time: h.setlTime,
    ...money,
    cvlserv_pay: yuan(0),
    hifes_pay: yuan(0),
    hifdm_pay: yuan(0),
    hosp_part_amt: yuan(0),
    acct_mulaid_pay: yuan(0),
    balc: yuan(h.balanceFen),
    clr_optins: h.clearingRegion,
    clr_way: '1',
    clr_type: h.clearingType,
  };
}

export function setldetail(rows: FundRow[], a: SettlementAmounts, notes: Record<string, string> = {}) {
  return rows.map((r) => ({
    fund_pay_type: r.fundPayType,
    inscp_scp_amt: yuan(a.inscp_scp_amt),
    crt_payb_lmt_amt: yuan(r.fundFen),
    fund_payamt: yuan(r.fundFen),
    fund_pay_type_name: FUND_NAMES[r.fundPayType] ?? r.fundPayType,
    setl_proc_info: notes[r.fundPayType] ?? '',
  }));
}

/** 11 outpatient, 21 inpatient, 41 pharmacy: how the bureau clears the settlement. */
export function clearingType(medType: string, inpatient: boolean): string {
  if (inpatient) return '21';
  return medType === '41' ? '41' : '11';
}

export const REASON_NAMES: Record<LineReason, string> = {
  CLASS_C: '丙类项目全自费',
  NOT_IN_CATALOGUE: '目录外项目全自费',
  OVER_PRICE_CAP: '单价超出支付标准',
  CLASS_B_FIRST_SHARE: '乙类先行自付',
  GENDER_RESTRICTED: '限性别使用',
  AGE_RESTRICTED: '限年龄使用',
  INPATIENT_ONLY: '限住院使用',
};

export interface UploadedLineFacts {
  quantityText: string;
  unitPriceFen: Fen;
  /** pric as sent, up to 6 decimals (0.8333); echoed exactly when given */
  unitPriceText?: string;
  medChrgitmType: string | null;
  restricted: boolean;
}

/**
 * A 2204/2301 result[] row from the engine's classification of the line. Its memo stays empty: a
 * HIS (Foshan's) reads a line with a memo as not uploaded and leaves its refund out of the
 * settlement's total; the class, shares and amounts carry the classification.
 */
export function feeResult(l: LineResult, f: UploadedLineFacts): Record<string, unknown> {
  const allSelf = l.amountFen > 0 && l.fullySelfPaidFen === l.amountFen;
  const selfBp = allSelf ? 10000 : l.chargeClass === '02' ? l.firstShareBp : 0;
  return {
    feedetl_sn: l.lineNo,
    det_item_fee_sumamt: yuan(l.amountFen),
    cnt: rawNumber(f.quantityText),
    pric: f.unitPriceText === undefined ? yuan(f.unitPriceFen) : rawNumber(f.unitPriceText),
    pric_uplmt_amt: priceCapField(l.priceCapFen),
    selfpay_prop: ratio(selfBp),
    fulamt_ownpay_amt: yuan(l.fullySelfPaidFen),
    overlmt_amt: yuan(l.overCapFen),
    preselfpay_amt: yuan(l.firstShareFen),
    inscp_scp_amt: yuan(l.inScopeFen),
    chrgitm_lv: l.chargeClass ?? '03',
    med_chrgitm_type: f.medChrgitmType ?? '14',
    lmt_used_flag: f.restricted ? '1' : '0',
    // empty as it was for a line without reasons (a HIS may read its length)
    memo: '',
  };
}
