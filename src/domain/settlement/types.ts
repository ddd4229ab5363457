// The settlement engine's contract: plain data in, plain data out. All money is integer fen,
// all ratios basis points (80 % = 8000), all dates 'YYYY-MM-DD'. The engine is a pure function
//   settle(input: SettlementInput, policy: Policy): SettlementResult
// (src/domain/settlement/engine.ts); the service loads the input, calls it, and stores the result.

import type { Fen } from '../shared/money.ts';

/** 险种: 310 employee basic, 390 resident basic. */
export type { SettledInsutype as Insutype } from '../national/codes.ts';
import type { SettledInsutype as Insutype } from '../national/codes.ts';

/** 医疗类别 (national med_type). */
export type CareType = '11' | '12' | '13' | '14' | '21' | '22' | '23' | '41' | '51' | '52';

export const INPATIENT_CARE_TYPES: readonly CareType[] = ['21', '22', '23', '52'];

/** 收费项目等级: 01 class A, 02 class B, 03 class C. */
export type ChargeClass = '01' | '02' | '03';

export interface CatalogueEntry {
  code: string;
  name: string;
  chargeClass: ChargeClass;
  /** class B 先行自付 share for this item; null → the policy's default. */
  firstShareBp: number | null;
  /** payment standard per unit; a unit price above it is over-cap self-pay. */
  priceCapFen: Fen | null;
  medChrgitmType: string;
  genderLimit: '1' | '2' | null;
  minAge: number | null;
  maxAge: number | null;
  inpatientOnly: boolean;
}

export interface FeeLine {
  /** feedetl_sn */
  lineNo: string;
  itemCode: string;
  date: string;
  /** cnt, up to 4 decimals */
  quantity: number;
  unitPriceFen: Fen;
  /** det_item_fee_sumamt (already checked at the edge: price × quantity within 1 fen) */
  amountFen: Fen;
  /** the catalogue entry valid on the line's date; null when the item is not in the catalogue */
  item: CatalogueEntry | null;
}

export interface Visit {
  careType: CareType;
  institutionCode: string;
  /** 1/2/3; township health centres and village clinics are level 1 */
  institutionLevel: 1 | 2 | 3;
  beginDate: string;
  /** discharge date for stays, the visit date for outpatient; decides the benefit year */
  endDate: string;
  diagnoses: string[];
  /** care outside the pooling area (就医地 ≠ 参保地) */
  outOfArea: boolean;
  emergency: boolean;
  /** admdvs of the place of care, matched against filings' destinations; absent → any valid filing counts */
  institutionAdmdvs?: string | null;
  /**
   * Earlier 中途结算 (mid-stay settlements) of this same stay, not reversed: the stay is one
   * admission, so its deductible is due once, its admission counted once, and tiered ratios go on
   * from the base already settled. Absent for a stay settled in one go.
   */
  stayBefore?: StaySoFar | null;
}

export interface StaySoFar {
  /** mid-stay settlements so far (≥ 1) */
  settlements: number;
  /** 起付线 the stay has paid so far (act_pay_dedc) */
  deductiblePaidFen: Fen;
  /** in-scope amount after the deductible the basic fund has already ratioed (for tiers) */
  pooledBaseFen: Fen;
}

export interface IdentitySpell {
  code: string; // identity_type.code: tekun, dibao, jiance, tuopin …
  validFrom: string;
  validTo: string | null;
}

/** 异地就医备案 types and their Chinese names. */
export const FILING_TYPES = ['resident_elsewhere', 'referral', 'temporary', 'employee_posted'] as const;
export type FilingType = (typeof FILING_TYPES)[number];
export const FILING_TYPE_NAMES: Record<FilingType, string> = {
  resident_elsewhere: '异地长期居住',
  referral: '转诊转院',
  temporary: '临时外出就医',
  employee_posted: '异地工作',
};

export interface Filing {
  /** 异地就医备案 type, e.g. 'resident_elsewhere', 'referral', 'temporary' */
  type: string;
  destination: string; // admdvs of the place of care, or a prefix ('41' = the province)
  beginDate: string;
  endDate: string | null;
}

export interface DiseaseQualification {
  diseaseCode: string; // policy's special-disease code
  institutionCodes: string[];
  validFrom: string;
  validTo: string | null;
}

export interface PersonContext {
  psnNo: string;
  insutype: Insutype;
  gender: '1' | '2';
  birthDate: string;
  identities: IdentitySpell[];
  filings: Filing[];
  diseaseQualifications: DiseaseQualification[];
  /** employees: personal account balance before the visit */
  accountBalanceFen: Fen;
}

/** Per person, per scheme, per benefit year: what caps and deductibles are checked against. */
export interface Accumulators {
  year: number;
  /** settled inpatient admissions this year (the next one is admissions + 1) */
  admissions: number;
  deductiblePaidFen: Fen;
  basicFundPaidFen: Fen;
  outpatientPooledPaidFen: Fen;
  /** the 大病 base: the year's in-scope self-pay so far */
  criticalIllnessBaseFen: Fen;
  criticalIllnessPaidFen: Fen;
  assistanceDeductiblePaidFen: Fen;
  assistancePaidFen: Fen;
  /** per special-disease code: fund paid this year */
  specialDiseasePaidFen: Record<string, Fen>;
  /** general outpatient pooling deductible paid this year (policies with an annual deductible); absent = 0 */
  outpatientDeductiblePaidFen?: Fen;
  /** per special-disease code: annual deductible paid this year; absent = none */
  specialDiseaseDeductiblePaidFen?: Record<string, Fen>;
}

export interface SettlementInput {
  visit: Visit;
  lines: FeeLine[];
  person: PersonContext;
  accumulators: Accumulators;
  /** the HIS asked to pay the person's share from the personal account (acct_used_flag) */
  useAccount: boolean;
}

/** Why a line (or part of it) is self-paid: a stable code on the line. */
export type LineReason =
  | 'CLASS_C'
  | 'NOT_IN_CATALOGUE'
  | 'OVER_PRICE_CAP'
  | 'CLASS_B_FIRST_SHARE'
  | 'GENDER_RESTRICTED'
  | 'AGE_RESTRICTED'
  | 'INPATIENT_ONLY';

export interface LineResult {
  lineNo: string;
  itemCode: string;
  amountFen: Fen;
  chargeClass: ChargeClass | null;
  priceCapFen: Fen | null;
  firstShareBp: number;
  fullySelfPaidFen: Fen; // fulamt_ownpay_amt
  overCapFen: Fen; // overlmt_amt
  firstShareFen: Fen; // preselfpay_amt
  inScopeFen: Fen; // inscp_scp_amt
  reasons: LineReason[];
}

export interface ExplanationStep {
  /** stable rule code, e.g. DEDUCTIBLE, BASIC_FUND, CRITICAL_ILLNESS_TIER, ASSISTANCE */
  rule: string;
  /** Chinese title a clerk reads out, e.g. 起付线 */
  title: string;
  baseFen: Fen;
  ratioBp: number | null;
  amountFen: Fen;
  /** one plain Chinese sentence: what was applied and why */
  note: string;
}

export interface FundParts {
  basicFundFen: Fen; // hifp_pay
  criticalIllnessFen: Fen; // hifmi_pay
  largeAmountFen: Fen; // hifob_pay (employees, later)
  assistanceFen: Fen; // maf_pay
  otherFen: Fen; // oth_pay
}

export interface SettlementTotals {
  totalFen: Fen; // medfee_sumamt
  fullySelfPaidFen: Fen; // fulamt_ownpay_amt
  overCapFen: Fen; // overlmt_selfpay
  firstShareFen: Fen; // preselfpay_amt
  inScopeFen: Fen; // inscp_scp_amt
  deductibleFen: Fen; // act_pay_dedc
  coPayFen: Fen; // pool_prop_selfpay
}

export interface SettlementResult {
  /** the policy version used, recorded with the settlement */
  policyVersion: string;
  benefitYear: number;
  lines: LineResult[];
  totals: SettlementTotals;
  funds: FundParts;
  fundTotalFen: Fen; // fund_pay_sumamt
  personTotalFen: Fen; // psn_part_amt = accountFen + cashFen
  accountFen: Fen; // acct_pay
  cashFen: Fen; // psn_cash_pay
  accumulatorsAfter: Accumulators;
  steps: ExplanationStep[];
  /** the identity whose assistance applied, if any */
  assistanceIdentity: string | null;
  warnings: string[];
}

export function emptyAccumulators(year: number): Accumulators {
  return {
    year,
    admissions: 0,
    deductiblePaidFen: 0,
    basicFundPaidFen: 0,
    outpatientPooledPaidFen: 0,
    criticalIllnessBaseFen: 0,
    criticalIllnessPaidFen: 0,
    assistanceDeductiblePaidFen: 0,
    assistancePaidFen: 0,
    specialDiseasePaidFen: {},
    outpatientDeductiblePaidFen: 0,
    specialDiseaseDeductiblePaidFen: {},
  };
}
