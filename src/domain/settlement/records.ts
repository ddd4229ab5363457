// What an institution reads back of its own care — its visits, their fee lines, a person's
// chronic-care drug lines — as plain records: the settlement repositories read them, the HIS
// interface (domain/his/records.ts) writes them on the wire.
import { badRequest } from '../shared/errors.ts';
import type { Fen } from '../shared/money.ts';
import type { CareType, Insutype } from './types.ts';

export interface VisitRecord {
  mdtrtId: string;
  psnNo: string;
  fixmedinsCode: string;
  fixmedinsName: string;
  insutype: Insutype;
  medType: CareType;
  inpatient: boolean;
  hisVisitNo: string;
  beginTime: string;
  endTime: string | null;
  status: 'registered' | 'admitted' | 'discharged' | 'settled' | 'cancelled';
  mainDiagnosis: string | null;
  diagnoses: { code: string; name: string | null; type: string | null; srtNo: string | null }[];
  attending: Record<string, string | null> | null;
  outOfArea: boolean;
  /** the visit's live settlement (the last one for a stay settled in parts) */
  setlId: string | null;
}

export interface FeeLineRecord {
  lineNo: string;
  mdtrtId: string;
  psnNo: string;
  batchNo: string;
  itemCode: string;
  itemName: string | null;
  hisItemCode: string | null;
  time: string;
  /** cnt as stored (numeric, up to 4 decimals) */
  quantity: string;
  unitPriceFen: Fen;
  /** the unit price in 1/10,000 fen when it had more than 2 decimals */
  unitPriceE4Fen: string | null;
  amountFen: Fen;
  priceCapFen: Fen | null;
  chargeClass: string | null;
  medChrgitmType: string | null;
  fullySelfPaidFen: Fen;
  overCapFen: Fen;
  firstShareFen: Fen;
  inScopeFen: Fen;
  reasons: string[];
  setlId: string | null;
}

export interface ChronicDrugLine {
  lineNo: string;
  rxNo: string | null;
  fixmedinsCode: string;
  fixmedinsName: string;
  psnNo: string;
  medType: string;
  time: string;
  quantity: string;
  unitPriceFen: Fen;
  unitPriceE4Fen: string | null;
  amountFen: Fen;
  chargeClass: string | null;
  itemCode: string;
  itemName: string | null;
  hisItemCode: string | null;
  medChrgitmType: string | null;
}

/** A person's 门诊慢特病 qualification (备案), with the disease's name in the policy. */
export interface QualificationRecord {
  diseaseCode: string;
  /** from the benefit policy in force in the person's region; null when no policy names it */
  diseaseName: string | null;
  from: string;
  to: string | null;
}

/** Who a person is, as the query transactions that name a person repeat it. */
export interface PersonFacts {
  psnNo: string;
  name: string;
  certno: string;
  gender: string;
  birthDate: string;
}

/** 5303: a stay the person is in hospital for now (admitted, not discharged), at any institution. */
export interface InHospitalRecord extends PersonFacts {
  mdtrtId: string;
  insutype: Insutype;
  medType: CareType;
  hisVisitNo: string;
  beginTime: string;
  outOfArea: boolean;
}

/** What a 2501 转院备案 told beside the filing itself (null members: not sent). */
export interface ReferralDetail {
  insutype: Insutype | null;
  tel: string | null;
  address: string | null;
  insuRegion: string | null;
  diagCode: string | null;
  diagName: string | null;
  condition: string | null;
  toInstitution: string | null;
  toInstitutionName: string | null;
  hospitalAgrees: string | null;
  referralDate: string | null;
  reason: string | null;
  opinion: string | null;
  /** the envelope's operator who filed it */
  opterNo: string | null;
  opterName: string | null;
}

/** 5304: a live referral filing of the person, by an institution's HIS or at the counter. */
export interface ReferralRecord extends PersonFacts {
  id: number;
  /** the person's pooling region */
  admdvs: string;
  destination: string;
  beginDate: string;
  endDate: string | null;
  /** null: filed at the counter */
  fixmedinsCode: string | null;
  createdAt: string;
  detail: ReferralDetail | null;
}

/** The longest period one query of a person's care may cover. */
export const QUERY_MAX_DAYS = 366;

/** A query period (two dates, or two ISO instants): in order and at most QUERY_MAX_DAYS long. */
export function checkQueryPeriod(from: string, to: string): void {
  if (to < from) throw badRequest('SETTLEMENT_PERIOD_REVERSED', `结束时间 ${to} 早于开始时间 ${from}`);
  if (Date.parse(to) - Date.parse(from) > QUERY_MAX_DAYS * 86_400_000) {
    throw badRequest(
      'SETTLEMENT_PERIOD_TOO_LONG',
      `查询区间 ${from} 至 ${to} 超过 ${QUERY_MAX_DAYS} 天，请分段查询`,
    );
  }
}
