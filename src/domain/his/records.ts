// Output rows of the query transactions: 5201 mdtrtinfo[], 5202 diseinfo[], 5204 feedetail[] —
// an institution's own visits, diagnoses and fee lines as the national interface names them.
import type { Entitlement } from '../settlement/entitlement.ts';
import type {
  ChronicDrugLine,
  FeeLineRecord,
  InHospitalRecord,
  PersonFacts,
  QualificationRecord,
  ReferralRecord,
  VisitRecord,
} from '../settlement/records.ts';
import { PRAC_PSN_TYPE_KINDS } from '../national/codes.ts';
import { ageOn } from '../registry/id-number.ts';
import type { Insutype } from '../settlement/types.ts';
import type { DictionaryEntry } from '../national/dictionary.ts';
import type { HisCatalogueItem } from '../registry/catalogue-query.ts';
import { type Fen, mulDivHalfUp } from '../shared/money.ts';
import { REASON_NAMES } from './fields.ts';
import type { SelfPayDiagnosis, SelfPayLine } from './selfpay-inputs.ts';
import { priceCapField } from './reply.ts';
import { beijingDate, rawNumber, ratio, wireDateTime, yuan } from './wire.ts';

/** A cancelled visit is still listed, as invalid (vali_flag 0). */
const valid = (v: VisitRecord) => (v.status === 'cancelled' ? '0' : '1');

export function mdtrtinfoRow(v: VisitRecord): Record<string, unknown> {
  const a = v.attending ?? {};
  const main = v.diagnoses.find((d) => d.code === v.mainDiagnosis) ?? v.diagnoses[0];
  return {
    mdtrt_id: v.mdtrtId,
    psn_no: v.psnNo,
    fixmedins_code: v.fixmedinsCode,
    fixmedins_name: v.fixmedinsName,
    insutype: v.insutype,
    med_type: v.medType,
    ipt_otp_no: v.hisVisitNo,
    begntime: wireDateTime(v.beginTime),
    endtime: v.endTime ? wireDateTime(v.endTime) : null,
    dise_codg: main?.code ?? null,
    dise_name: main?.name ?? null,
    atddr_no: a.doctorNo ?? null,
    chfpdr_name: a.doctorName ?? null,
    dept_code: a.deptCode ?? null,
    dept_name: a.deptName ?? null,
    adm_bed: a.bed ?? null,
    out_flag: v.outOfArea ? '1' : '0',
    setl_id: v.setlId,
    vali_flag: valid(v),
  };
}

export function diseinfoRows(v: VisitRecord): Record<string, unknown>[] {
  return v.diagnoses.map((d, i) => ({
    mdtrt_id: v.mdtrtId,
    psn_no: v.psnNo,
    inout_diag_type: v.inpatient ? '2' : '1',
    diag_type: d.type ?? '1',
    diag_srt_no: d.srtNo ?? String(i + 1),
    diag_code: d.code,
    diag_name: d.name,
    maindiag_flag: d.code === (v.mainDiagnosis ?? v.diagnoses[0]?.code) ? '1' : '0',
    vali_flag: valid(v),
  }));
}

/** '12.5000' → '12.5'; '3.0000' → '3' (the stored numeric(16,4), as HIS send it). */
export function trimDecimal(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** A unit price kept in 1/10,000 fen as yuan with 2 to 6 decimals: 83330 → '0.8333'. */
export function e4fenYuan(e4fen: string): string {
  const v = BigInt(e4fen);
  const sign = v < 0n ? '-' : '';
  const abs = (v < 0n ? -v : v).toString().padStart(7, '0');
  const whole = abs.slice(0, -6);
  const frac = abs.slice(-6).replace(/0+$/, '').padEnd(2, '0');
  return `${sign}${whole}.${frac}`;
}

/**
 * The share of a line's catalogue-priced part the person pays first, in basis points: all of it
 * for a fully self-paid line, the 乙类 first share as it was charged, none otherwise.
 */
export function selfPayBp(l: FeeLineRecord): number {
  if (l.amountFen > 0 && l.fullySelfPaidFen === l.amountFen) return 10000;
  const base = l.amountFen - l.fullySelfPaidFen - l.overCapFen;
  if (l.chargeClass !== '02' || base <= 0 || l.firstShareFen <= 0) return 0;
  return mulDivHalfUp(l.firstShareFen, 10000, base);
}

export function feedetailRow(l: FeeLineRecord): Record<string, unknown> {
  return {
    feedetl_sn: l.lineNo,
    mdtrt_id: l.mdtrtId,
    psn_no: l.psnNo,
    chrg_bchno: l.batchNo || null,
    fee_ocur_time: wireDateTime(l.time),
    med_list_codg: l.itemCode,
    medins_list_codg: l.hisItemCode,
    med_list_name: l.itemName,
    cnt: rawNumber(trimDecimal(l.quantity)),
    pric: l.unitPriceE4Fen === null ? yuan(l.unitPriceFen) : rawNumber(e4fenYuan(l.unitPriceE4Fen)),
    det_item_fee_sumamt: yuan(l.amountFen),
    pric_uplmt_amt: priceCapField(l.priceCapFen),
    selfpay_prop: ratio(selfPayBp(l)),
    fulamt_ownpay_amt: yuan(l.fullySelfPaidFen),
    overlmt_amt: yuan(l.overCapFen),
    preselfpay_amt: yuan(l.firstShareFen),
    inscp_scp_amt: yuan(l.inScopeFen),
    chrgitm_lv: l.chargeClass ?? '03',
    med_chrgitm_type: l.medChrgitmType,
    setl_id: l.setlId,
    memo: l.reasons.map((r) => REASON_NAMES[r as keyof typeof REASON_NAMES] ?? r).join('；'),
  };
}

/** 基金支付类型 of each fund a 2001 answers for, by scheme. */
const FUND_PAY_TYPE: Record<Entitlement['fund'], Record<Insutype, string>> = {
  basic: { '310': '310100', '390': '390100' },
  critical: { '310': '330100', '390': '390200' },
  account: { '310': '310200', '390': '310200' },
  assistance: { '310': '610100', '390': '610100' },
};

/** 2001 trtinfo[]: each row is a 基金项检查 (trt_chk_type 1) of the fund named by fund_pay_type. */
export function trtinfoRow(psnNo: string, insutype: Insutype, e: Entitlement): Record<string, unknown> {
  return {
    psn_no: psnNo,
    trt_chk_type: '1',
    fund_pay_type: FUND_PAY_TYPE[e.fund][insutype],
    trt_enjymnt_flag: e.enjoys ? '1' : '0',
    begndate: e.from,
    enddate: e.to,
    trt_chk_rslt: e.reason,
  };
}

/** A 5301 feedetail[] row: one disease the person is qualified for, and from when to when. */
export function qualificationRow(r: QualificationRecord): Record<string, unknown> {
  return {
    opsp_dise_code: r.diseaseCode,
    opsp_dise_name: r.diseaseName ?? r.diseaseCode,
    begndate: r.from,
    enddate: r.to,
  };
}

/** The person's fields a row repeats (Yibao's persons are identified by resident ID, type 01). */
function personFields(p: PersonFacts) {
  return {
    psn_no: p.psnNo,
    psn_cert_type: '01',
    certno: p.certno,
    psn_name: p.name,
    gend: p.gender,
    brdy: p.birthDate,
  };
}

/** A 5303 data[] row: a stay the person is in hospital for, with their age on `onDate`. */
export function inHospitalRow(r: InHospitalRecord, onDate: string): Record<string, unknown> {
  return {
    mdtrt_id: r.mdtrtId,
    ...personFields(r),
    age: ageOn(r.birthDate, onDate),
    insutype: r.insutype,
    begndate: beijingDate(r.beginTime),
    med_type: r.medType,
    ipt_otp_no: r.hisVisitNo,
    out_flag: r.outOfArea ? '1' : '0',
  };
}

/**
 * A 5304 refmedin[] row: a referral filing with what its 2501 told (null where it was filed at the
 * counter or the HIS did not send it), and its trt_dcla_detl_sn, which 2502 needs to cancel it.
 */
export function referralRow(r: ReferralRecord): Record<string, unknown> {
  const d = r.detail;
  return {
    trt_dcla_detl_sn: String(r.id),
    insutype: d?.insutype ?? null,
    // 申报来源: its dictionary's codes are not known (fixmedins_code tells whether a HIS filed it)
    dcla_souc: null,
    ...personFields(r),
    tel: d?.tel ?? null,
    addr: d?.address ?? null,
    insu_optins: d?.insuRegion ?? r.admdvs,
    emp_name: null,
    diag_code: d?.diagCode ?? null,
    diag_name: d?.diagName ?? null,
    dise_cond_dscr: d?.condition ?? null,
    reflin_medins_no: d?.toInstitution ?? null,
    reflin_medins_name: d?.toInstitutionName ?? null,
    mdtrtarea_admdvs: r.destination,
    // as a visit's: care anywhere but the person's own region is out of area
    out_flag: r.destination === r.admdvs ? '0' : '1',
    refl_date: d?.referralDate ?? r.beginDate,
    refl_rea: d?.reason ?? null,
    refl_opnn: d?.opinion ?? null,
    begndate: r.beginDate,
    enddate: r.endDate,
    hosp_agre_refl_flag: d?.hospitalAgrees ?? null,
    fixmedins_code: r.fixmedinsCode,
    opter_id: d?.opterNo ?? null,
    opter_name: d?.opterName ?? null,
    opt_time: wireDateTime(r.createdAt),
  };
}

/** A registered member of an institution's staff (医保医师 registry), as 5102 lists them. */
export interface StaffRecord {
  staffCode: string;
  name: string;
  kind: 'doctor' | 'nurse' | 'pharmacist' | 'technician';
  status: 'normal' | 'suspended' | 'terminated';
  suspendedUntil: string | null;
  registeredAt: string;
  updatedAt: string;
}

/** prac_psn_type (执业人员分类) of each kind of staff */
const PRAC_PSN_TYPE = Object.fromEntries(
  Object.entries(PRAC_PSN_TYPE_KINDS).map(([type, kind]) => [kind, type]),
) as Record<StaffRecord['kind'], string>;

/**
 * A 5102 row: hi_dr_flag '1' when the member may bill the fund on `onDate` (a suspension that has
 * ended counts as restored), with why not in chg_rea. Certificates are not kept: null.
 */
export function staffRow(r: StaffRecord, onDate: string): Record<string, unknown> {
  const suspended = r.status === 'suspended' && (r.suspendedUntil === null || r.suspendedUntil >= onDate);
  const qualified = r.status === 'normal' || (r.status === 'suspended' && !suspended);
  return {
    psn_cert_type: null,
    certno: null,
    prac_psn_no: null,
    prac_psn_code: r.staffCode,
    prac_psn_name: r.name,
    prac_psn_type: PRAC_PSN_TYPE[r.kind],
    prac_psn_cert: null,
    prac_cert_no: null,
    hi_dr_flag: qualified ? '1' : '0',
    begntime: wireDateTime(r.registeredAt),
    endtime: r.status === 'terminated' ? wireDateTime(r.updatedAt) : null,
    chg_rea:
      r.status === 'terminated'
        ? '医保支付资格已终止'
        : suspended
          ? `医保支付资格暂停至 ${r.suspendedUntil}`
          : null,
  };
}

/** What a 3401 told of a department beside its code, name and 科别 (null: not sent). */
export interface DepartmentDetail {
  intro: string | null;
  headName: string | null;
  headTel: string | null;
  scope: string | null;
  established: string | null;
  approvedBeds: number | null;
  insuredBeds: number | null;
  poolRegion: string | null;
  doctors: number | null;
  pharmacists: number | null;
  nurses: number | null;
  technicians: number | null;
  memo: string | null;
}

/** A live department an institution's HIS uploaded (3401/3402). */
export interface DepartmentRecord {
  code: string;
  name: string;
  caty: string;
  beginTime: string;
  endTime: string | null;
  detail: DepartmentDetail;
  uploadedAt: string;
}

/** A 5101 feedetail[] row: the department as its 3401 sent it. */
export function departmentRow(r: DepartmentRecord): Record<string, unknown> {
  const d = r.detail;
  return {
    hosp_dept_codg: r.code,
    caty: r.caty,
    hosp_dept_name: r.name,
    begntime: wireDateTime(r.beginTime),
    endtime: r.endTime ? wireDateTime(r.endTime) : null,
    itro: d.intro,
    dept_resper_name: d.headName,
    dept_resper_tel: d.headTel,
    dept_med_serv_scp: d.scope,
    dept_estbdat: d.established,
    aprv_bed_cnt: d.approvedBeds,
    hi_crtf_bed_cnt: d.insuredBeds,
    poolarea_no: d.poolRegion,
    dr_psncnt: d.doctors,
    phar_psncnt: d.pharmacists,
    nurs_psncnt: d.nurses,
    tecn_psncnt: d.technicians,
    memo: d.memo,
    vali_flag: '1',
  };
}

/** A 5205 feedetail[] row: a chronic-care drug line, with where and when it was charged. */
export function chronicDrugRow(l: ChronicDrugLine): Record<string, unknown> {
  return {
    feedetl_sn: l.lineNo,
    rx_drord_no: l.rxNo,
    fixmedins_code: l.fixmedinsCode,
    fixmedins_name: l.fixmedinsName,
    psn_no: l.psnNo,
    med_type: l.medType,
    fee_ocur_time: wireDateTime(l.time),
    cnt: rawNumber(trimDecimal(l.quantity)),
    pric: l.unitPriceE4Fen === null ? yuan(l.unitPriceFen) : rawNumber(e4fenYuan(l.unitPriceE4Fen)),
    det_item_fee_sumamt: yuan(l.amountFen),
    chrgitm_lv: l.chargeClass ?? '03',
    hilist_code: l.itemCode,
    hilist_name: l.itemName,
    list_type: '101',
    med_list_codg: l.itemCode,
    medins_list_codg: l.hisItemCode,
    med_chrgitm_type: l.medChrgitmType,
  };
}

/** 目录类别 of a catalogue item as the national catalogue files it. */
export const LIST_TYPE_OF_KIND = { drug: '101', service: '201', material: '301' } as const;

/** A 1312 data[] row: one catalogue item version; `admdvs` the region whose catalogue it is. */
export function catalogueRow(i: HisCatalogueItem, admdvs: string): Record<string, unknown> {
  return {
    hilist_code: i.code,
    hilist_name: i.name,
    insu_admdvs: admdvs,
    begndate: i.validFrom,
    enddate: i.validTo,
    med_chrgitm_type: i.medChrgitmType,
    chrgitm_lv: i.chrgitmLv,
    lmt_used_flag: i.restricted ? '1' : '0',
    list_type: LIST_TYPE_OF_KIND[i.kind],
    med_use_flag: '1',
    matn_used_flag: '1',
    // 医保目录使用类别 and 限复方使用类型: the catalogue keeps neither
    hilist_use_type: null,
    lmt_cpnd_type: null,
    wubi: null,
    pinyin: null,
    memo: null,
    ...recordTail(i, admdvs),
  };
}

/**
 * What every row of the catalogue queries ends with: validity, the record's id and times, who
 * created and handled it (Yibao's rows name no one), the pooling region.
 */
function recordTail(
  r: { id: number; valid: boolean; createdAt: string; updatedAt: string },
  admdvs: string | null,
): Record<string, unknown> {
  return {
    vali_flag: r.valid ? '1' : '0',
    rid: String(r.id),
    updt_time: wireDateTime(r.updatedAt),
    crter_id: null,
    crter_name: null,
    crte_time: wireDateTime(r.createdAt),
    crte_optins_no: null,
    opter_id: null,
    opter_name: null,
    opt_time: wireDateTime(r.updatedAt),
    optins_no: null,
    poolarea_no: admdvs,
  };
}

/** A 1316 data[] row: the medical catalogue code matched to the insurance one (Yibao's are one code). */
export function catalogueMatchRow(i: HisCatalogueItem, admdvs: string): Record<string, unknown> {
  return {
    med_list_codg: i.code,
    hilist_code: i.code,
    list_type: LIST_TYPE_OF_KIND[i.kind],
    insu_admdvs: admdvs,
    begndate: i.validFrom,
    enddate: i.validTo,
    memo: null,
    ...recordTail(i, admdvs),
  };
}

/**
 * A 1318 data[] row: an item's price cap (what the fund counts of a unit at most; above it the
 * person pays, as overlmt_selfpay). The catalogue keeps no 限价类型 or 超限处理方式: both null.
 */
export function priceCapRow(
  i: HisCatalogueItem & { priceCapFen: Fen },
  admdvs: string,
): Record<string, unknown> {
  return {
    hilist_code: i.code,
    hilist_lmtpric_type: null,
    overlmt_dspo_way: null,
    insu_admdvs: admdvs,
    begndate: i.validFrom,
    enddate: i.validTo,
    hilist_pric_uplmt_amt: yuan(i.priceCapFen),
    ...recordTail(i, admdvs),
    tabname: null,
  };
}

/**
 * A 1319 data[] row: a class-B item's first self-paid share for one insurance type
 * (selfpay_prop_psn_type), its own or the policy's; 自付比例类别 is not kept (null).
 */
export function firstShareRow(
  i: HisCatalogueItem,
  insutype: string,
  bp: number,
  admdvs: string,
): Record<string, unknown> {
  return {
    hilist_code: i.code,
    selfpay_prop_psn_type: insutype,
    selfpay_prop_type: null,
    insu_admdvs: admdvs,
    begndate: i.validFrom,
    enddate: i.validTo,
    selfpay_prop: ratio(bp),
    ...recordTail(i, admdvs),
    tabname: null,
  };
}

/** One of an institution's 目录对照 as 1317 reads it. */
export interface HisMappingRow {
  id: number;
  hisItemCode: string;
  hisItemName: string;
  listType: string;
  itemCode: string;
  beginDate: string;
  endDate: string | null;
  /** what the 3301 sent beside the codes (aprvno, dosform, spec …) */
  detail: Record<string, string | null | undefined>;
  live: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A 1317 data[] row: one of the institution's mappings of its own item to a national code. */
export function mappingRow(m: HisMappingRow, fixmedinsCode: string, admdvs: string): Record<string, unknown> {
  const d = (k: string) => m.detail[k] ?? null;
  return {
    fixmedins_code: fixmedinsCode,
    medins_list_codg: m.hisItemCode,
    medins_list_name: m.hisItemName,
    insu_admdvs: admdvs,
    list_type: m.listType,
    med_list_codg: m.itemCode,
    begndate: m.beginDate,
    enddate: m.endDate,
    aprvno: d('aprvno'),
    dosform: d('dosform'),
    exct_cont: d('exct_cont'),
    item_cont: d('item_cont'),
    prcunt: d('prcunt'),
    spec: d('spec'),
    pacspec: d('pacspec'),
    memo: d('memo'),
    ...recordTail({ ...m, valid: m.live }, admdvs),
  };
}

/** The paging fields around a 1312 answer's data[], as PageHelper-based platforms write them. */
export function pageFields(page: number, pageSize: number, total: number, size: number) {
  const pages = Math.ceil(total / pageSize);
  return {
    pageNum: page,
    pageSize,
    size,
    startRow: size === 0 ? 0 : (page - 1) * pageSize + 1,
    recordCounts: total,
    pages,
    firstPage: pages === 0 ? 0 : 1,
    lastPage: pages,
  };
}

/** A 1901 list[] row: one entry of a national dictionary. */
export function dictionaryRow(e: DictionaryEntry): Record<string, unknown> {
  return {
    type: e.type,
    label: e.label,
    value: e.value,
    parent_value: null,
    sort: e.sort,
    vali_flag: '1',
    create_user: null,
    create_date: null,
    version: null,
  };
}

/**
 * A 1201 medinsinfo[] row: an institution (fixmedins_type 1 医疗机构, 2 药店). Yibao keeps neither
 * the 统一社会信用代码 nor the 甲乙丙 grade behind the national 医院等级: uscc and hosp_lv are null.
 */
export function institutionRow(i: { code: string; name: string; kind: string }): Record<string, unknown> {
  return {
    fixmedins_code: i.code,
    fixmedins_name: i.name,
    uscc: null,
    fixmedins_type: i.kind === 'pharmacy' ? '2' : '1',
    hosp_lv: null,
  };
}

/** One of a person's designated institutions (人员定点备案) as 5302 reads it. */
export interface DesignationRecord {
  psnNo: string;
  /** the insurance type the person is enrolled in today */
  insutype: string | null;
  /** fix_srt_no */
  order: string;
  fixmedinsCode: string;
  fixmedinsName: string | null;
  beginDate: string;
  endDate: string | null;
  memo: string | null;
}

/** A 5302 psnfixmedin[] row: one of the person's designated institutions, in the person's order. */
export function designationRow(d: DesignationRecord): Record<string, unknown> {
  return {
    psn_no: d.psnNo,
    insutype: d.insutype,
    fix_srt_no: d.order,
    fixmedins_code: d.fixmedinsCode,
    fixmedins_name: d.fixmedinsName,
    begndate: d.beginDate,
    enddate: d.endDate,
    memo: d.memo,
  };
}

/** What a self-paid visit's query rows (4207, 4209) say of the visit they belong to. */
export interface SelfPayRowContext {
  mdtrtId: string;
  fixmedinsCode: string;
  medType: string;
  createdAt: string;
  receivedAt: string;
}

/**
 * A 4207 data[] row: a fee line as the institution reported it (4201A / 4205), in the camel case of
 * the platform's 4209 answer (a Foshan HIS's model); nothing there gives 4207's own members.
 */
export function selfPayLineRow(
  l: Omit<SelfPayLine, 'mdtrtId'>,
  v: SelfPayRowContext,
): Record<string, unknown> {
  return {
    fixmedinsMdtrtId: v.mdtrtId,
    fixmedinsCode: v.fixmedinsCode,
    medType: v.medType,
    bkkpSn: l.sn,
    feeOcurTime: wireDateTime(l.occurredAt),
    cnt: rawNumber(l.cnt),
    pric: rawNumber(l.price),
    detItemFeeSumamt: yuan(l.amountFen),
    medListCodg: l.itemCode,
    medinsListCodg: l.hilistCode,
    medinsListName: l.hilistName,
    medChrgitmType: l.chrgitmType,
    fulamtOwnpayAmt: l.fullOwnFen === null ? null : yuan(l.fullOwnFen),
    inscpAmt: l.inscpFen === null ? null : yuan(l.inscpFen),
    memo: l.memo,
    valiFlag: '1',
    crteTime: wireDateTime(v.createdAt),
    updtTime: wireDateTime(v.receivedAt),
  };
}

/** A 4209 data[] row: a diagnosis as reported (4202 / 4205), the members Yibao does not keep null. */
export function selfPayDiagnosisRow(
  d: SelfPayDiagnosis,
  no: number,
  v: SelfPayRowContext,
): Record<string, unknown> {
  return {
    diagInfoId: `${v.mdtrtId}-${no}`,
    fixmedinsMdtrtId: v.mdtrtId,
    fixmedinsCode: v.fixmedinsCode,
    inoutDiagType: null,
    diagType: null,
    maindiagFlag: d.main ? '1' : '0',
    diagSrtNo: String(no),
    diagCode: d.code,
    diagName: d.name,
    diagDept: null,
    diagDrCode: null,
    diagDrName: null,
    diagTime: null,
    admCond: null,
    valiFlag: '1',
    crteTime: wireDateTime(v.createdAt),
    updtTime: wireDateTime(v.receivedAt),
  };
}
