// Input nodes of each transaction: validated at the edge and mapped from the national field
// names to the names the services use. Nothing past this file sees a national input field name.
import { z } from 'zod';
import type { CareType, Insutype } from '../settlement/types.ts';
import type { WireInstant } from './wire.ts';
import {
  amount,
  code,
  count,
  dateTime,
  flag,
  oneOf,
  optDate,
  optDateTime,
  optText,
  price,
  quantity,
  signedAmount,
  signedQuantity,
  wireDate,
} from './schema.ts';

export const insutype = oneOf<Insutype>(['310', '390']);
export { INPATIENT_MED_TYPES, OUTPATIENT_MED_TYPES } from '../national/codes.ts';
import {
  CERT_TYPE_CODES,
  INPATIENT_MED_TYPES,
  OUTPATIENT_MED_TYPES,
  PRAC_PSN_TYPE_KINDS,
  PRAC_PSN_TYPES,
} from '../national/codes.ts';
const certType = oneOf(CERT_TYPE_CODES);
const asCode = (v: unknown) => (typeof v === 'number' ? String(v) : v);

// ——— 9001 / 9002
export const signInInput = z
  .object({ signIn: z.object({ opter_no: code(30), mac: optText(100), ip: optText(100) }) })
  .transform(({ signIn: s }) => ({ opterNo: s.opter_no, mac: s.mac, ip: s.ip }));

export const signOutInput = z
  .object({ signOut: z.object({ sign_no: code(30), opter_no: code(30) }) })
  .transform(({ signOut: s }) => ({ signNo: s.sign_no, opterNo: s.opter_no }));

// ——— 1101
export const personInfoInput = z
  .object({
    data: z.object({
      mdtrt_cert_type: certType,
      mdtrt_cert_no: code(50),
      card_sn: optText(32),
      begntime: optDateTime,
      psn_cert_type: optText(6),
      certno: optText(50),
      psn_name: optText(50),
    }),
  })
  .transform(({ data: d }) => ({
    certType: d.mdtrt_cert_type,
    certNo: d.mdtrt_cert_no,
    idNumber: d.certno,
    name: d.psn_name,
    on: d.begntime?.date ?? null,
  }));

// ——— diagnoses (2203, 2401, 2402)
const diseinfo = z
  .array(
    z.object({
      diag_type: optText(3),
      diag_srt_no: optText(4),
      diag_code: code(30),
      diag_name: optText(300),
      diag_dept: optText(50),
      dise_dor_no: optText(30),
      dise_dor_name: optText(50),
      diag_time: optDateTime,
      vali_flag: optText(3),
    }),
  )
  .max(100)
  .optional()
  .default([]);

export interface Diagnosis {
  code: string;
  name: string | null;
  type: string | null;
  srtNo: string | null;
}

const toDiagnoses = (rows: z.infer<typeof diseinfo>): Diagnosis[] =>
  rows
    .filter((r) => r.vali_flag !== '0')
    .map((r) => ({ code: r.diag_code, name: r.diag_name, type: r.diag_type, srtNo: r.diag_srt_no }));

// ——— 2201 / 2202 / 2203
export const registrationInput = z
  .object({
    data: z.object({
      psn_no: code(30),
      insutype,
      begntime: dateTime,
      mdtrt_cert_type: certType,
      mdtrt_cert_no: code(50),
      ipt_otp_no: code(30),
      atddr_no: optText(30),
      dr_name: optText(50),
      dept_code: optText(30),
      dept_name: optText(100),
      caty: optText(10),
    }),
  })
  .transform(({ data: d }) => ({
    psnNo: d.psn_no,
    credential: { type: d.mdtrt_cert_type, no: d.mdtrt_cert_no },
    insutype: d.insutype,
    begin: d.begntime,
    medType: '11' as CareType,
    hisVisitNo: d.ipt_otp_no,
    inpatient: false,
    diagnoses: [] as Diagnosis[],
    mainDiagnosis: null as string | null,
    attending: {
      doctorNo: d.atddr_no,
      doctorName: d.dr_name,
      deptCode: d.dept_code,
      deptName: d.dept_name,
      caty: d.caty,
    },
  }));

export const registrationCancelInput = z
  .object({ data: z.object({ psn_no: code(30), mdtrt_id: code(30), ipt_otp_no: optText(30) }) })
  .transform(({ data: d }) => ({ psnNo: d.psn_no, mdtrtId: d.mdtrt_id }));

export const visitInfoInput = z
  .object({
    mdtrtinfo: z.object({
      mdtrt_id: code(30),
      psn_no: code(30),
      med_type: oneOf(OUTPATIENT_MED_TYPES),
      begntime: optDateTime,
      main_cond_dscr: optText(1000),
      dise_codg: optText(30),
      dise_name: optText(300),
      birctrl_type: optText(6),
      birctrl_matn_date: optDate,
    }),
    diseinfo,
  })
  .transform(({ mdtrtinfo: m, diseinfo: dis }) => ({
    mdtrtId: m.mdtrt_id,
    psnNo: m.psn_no,
    medType: m.med_type as CareType,
    mainDiagnosis: m.dise_codg,
    diagnoses: mainFirst(m.dise_codg, m.dise_name, toDiagnoses(dis)),
  }));

function mainFirst(codg: string | null, name: string | null, rest: Diagnosis[]): Diagnosis[] {
  if (!codg || rest.some((d) => d.code === codg)) return rest;
  return [{ code: codg, name, type: '1', srtNo: '0' }, ...rest];
}

// ——— 2204 / 2301 fee lines
const feeLine = (withBatch: boolean) =>
  z
    .object({
      feedetl_sn: code(30),
      mdtrt_id: code(30),
      psn_no: code(30),
      chrg_bchno: withBatch ? code(30) : optText(30),
      dise_codg: optText(30),
      rxno: optText(30),
      rx_circ_flag: optText(3),
      fee_ocur_time: dateTime,
      med_list_codg: code(50),
      medins_list_codg: optText(150),
      det_item_fee_sumamt: signedAmount,
      cnt: signedQuantity,
      pric: price,
      init_feedetl_sn: optText(30),
      sin_dos_dscr: optText(200),
      used_frqu_dscr: optText(200),
      prd_days: optText(10),
      medc_way_dscr: optText(200),
      bilg_dept_codg: optText(30),
      bilg_dept_name: optText(100),
      bilg_dr_codg: optText(30),
      bilg_dr_name: optText(50),
      hosp_appr_flag: optText(3),
    })
    .superRefine(
      (l, ctx) => {
        // a return line (退费): negative cnt and amount, pointing at the line it returns; checked even
        // when other fields of the line are bad, so every bad field is named at once (but not when
        // the line is not an object at all)
        if (typeof l !== 'object' || l === null) return;
        const scaled = typeof l.cnt === 'object' && l.cnt !== null ? l.cnt.scaled : 0n;
        const amountFen = typeof l.det_item_fee_sumamt === 'number' ? l.det_item_fee_sumamt : 0;
        const negative = scaled < 0n || amountFen < 0;
        if (!negative) return;
        if (!l.init_feedetl_sn) {
          const field = scaled < 0n ? 'cnt' : 'det_item_fee_sumamt';
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `字段 {field} ${field === 'cnt' ? '数量' : '金额'}不能为负数（退费明细须填写原明细流水号 init_feedetl_sn）`,
          });
        } else if (scaled > 0n || amountFen > 0) {
          ctx.addIssue({
            code: 'custom',
            path: ['cnt'],
            message: '退费明细的数量 {field} 与金额 det_item_fee_sumamt 须同为负数',
          });
        }
      },
      { when: () => true },
    );

const toUpload = (rows: z.infer<ReturnType<typeof feeLine>>[]) =>
  rows.map((r) => ({
    lineNo: r.feedetl_sn,
    mdtrtId: r.mdtrt_id,
    psnNo: r.psn_no,
    batchNo: r.chrg_bchno ?? '',
    time: r.fee_ocur_time,
    itemCode: r.med_list_codg,
    hisItemCode: r.medins_list_codg,
    amountFen: r.det_item_fee_sumamt,
    quantity: r.cnt,
    unitPriceFen: r.pric.fen,
    unitPrice: r.pric,
    /** a return line: the feedetl_sn of the line it nets */
    returnOf: r.cnt.scaled < 0n ? r.init_feedetl_sn : null,
    detail: {
      rxno: r.rxno,
      deptCode: r.bilg_dept_codg,
      deptName: r.bilg_dept_name,
      doctorCode: r.bilg_dr_codg,
      doctorName: r.bilg_dr_name,
      dosage: r.sin_dos_dscr,
      frequency: r.used_frqu_dscr,
      days: r.prd_days,
      route: r.medc_way_dscr,
      approved: r.hosp_appr_flag,
    },
  }));

export const MAX_FEE_LINES = 2000;
export const outpatientFeesInput = z
  .object({ feedetail: z.array(feeLine(true)).min(1).max(MAX_FEE_LINES) })
  .transform(({ feedetail }) => toUpload(feedetail));
export const inpatientFeesInput = z
  .object({ feedetail: z.array(feeLine(false)).min(1).max(MAX_FEE_LINES) })
  .transform(({ feedetail }) => toUpload(feedetail));
export type UploadLine = ReturnType<typeof toUpload>[number];

/** '0000' in a cancel request means every unsettled line of the visit. */
export const ALL_LINES = '0000';
export const outpatientFeesCancelInput = z
  .object({ data: z.object({ mdtrt_id: code(30), chrg_bchno: code(30), psn_no: code(30) }) })
  .transform(({ data: d }) => ({
    mdtrtId: d.mdtrt_id,
    psnNo: d.psn_no,
    batchNo: d.chrg_bchno,
    lineNo: null,
    lineNos: null as string[] | null,
  }));
const inpatientCancel = z.object({ feedetl_sn: code(30), mdtrt_id: code(30), psn_no: code(30) });
/** 2302: data is one cancellation or, as several HIS send it, an array of them (one visit). */
export const inpatientFeesCancelInput = z
  .object({
    data: z.union([
      inpatientCancel.transform((d) => [d]),
      z.array(inpatientCancel).min(1).max(MAX_FEE_LINES),
    ]),
  })
  .superRefine(({ data }, ctx) => {
    if (data.some((d) => d.mdtrt_id !== data[0].mdtrt_id || d.psn_no !== data[0].psn_no)) {
      ctx.addIssue({
        code: 'custom',
        path: ['data'],
        message: '{field} 中的撤销明细必须属于同一人员的同一次就诊',
      });
    }
  })
  .transform(({ data }) => ({
    mdtrtId: data[0].mdtrt_id,
    psnNo: data[0].psn_no,
    batchNo: null,
    lineNo: data[0].feedetl_sn,
    lineNos: data.map((d) => d.feedetl_sn),
  }));

// ——— 2206/2207, 2303/2304 settlement; 2208/2305 reversal
export const outpatientSettleInput = z
  .object({
    data: z.object({
      psn_no: code(30),
      mdtrt_cert_type: certType,
      mdtrt_cert_no: code(50),
      med_type: oneOf(OUTPATIENT_MED_TYPES),
      medfee_sumamt: amount,
      psn_setlway: optText(6),
      mdtrt_id: code(30),
      chrg_bchno: optText(30),
      insutype,
      acct_used_flag: flag,
    }),
  })
  .transform(({ data: d }) => ({
    psnNo: d.psn_no,
    mdtrtId: d.mdtrt_id,
    medType: d.med_type as CareType | null,
    totalFen: d.medfee_sumamt,
    batchNo: d.chrg_bchno,
    insutype: d.insutype,
    useAccount: d.acct_used_flag,
  }));

export const inpatientSettleInput = z
  .object({
    data: z.object({
      psn_no: code(30),
      mdtrt_cert_type: certType,
      mdtrt_cert_no: code(50),
      medfee_sumamt: amount,
      psn_setlway: optText(6),
      mdtrt_id: code(30),
      insutype,
      mid_setl_flag: flag,
      acct_used_flag: flag,
    }),
  })
  .transform(({ data: d }) => ({
    psnNo: d.psn_no,
    mdtrtId: d.mdtrt_id,
    medType: null as CareType | null,
    totalFen: d.medfee_sumamt,
    batchNo: null as string | null,
    insutype: d.insutype,
    useAccount: d.acct_used_flag,
    midSettlement: d.mid_setl_flag,
  }));
export type SettleRequest = z.infer<typeof outpatientSettleInput>;

export const reversalInput = z
  .object({ data: z.object({ setl_id: code(30), mdtrt_id: code(30), psn_no: code(30) }) })
  .transform(({ data: d }) => ({ setlId: d.setl_id, mdtrtId: d.mdtrt_id, psnNo: d.psn_no }));

// ——— 2401 / 2402 / 2404 / 2405
// ——— 2401 / 2403: the doctor, department, bed and diagnoses of a stay, as admission and change send them
const admissionDetail = {
  atddr_no: optText(30),
  chfpdr_name: optText(50),
  adm_diag_dscr: optText(200),
  adm_dept_codg: optText(30),
  adm_dept_name: optText(100),
  adm_bed: optText(30),
  dscg_maindiag_code: optText(30),
  dscg_maindiag_name: optText(300),
  main_cond_dscr: optText(1000),
  dise_codg: optText(30),
  dise_name: optText(300),
};
type AdmissionDetail = z.infer<z.ZodObject<typeof admissionDetail>>;
const attendingOf = (m: AdmissionDetail) => ({
  doctorNo: m.atddr_no,
  doctorName: m.chfpdr_name,
  deptCode: m.adm_dept_codg,
  deptName: m.adm_dept_name,
  bed: m.adm_bed,
  admissionDiagnosis: m.adm_diag_dscr,
});

export const admissionInput = z
  .object({
    mdtrtinfo: z.object({
      psn_no: code(30),
      insutype,
      begntime: dateTime,
      mdtrt_cert_type: certType,
      mdtrt_cert_no: code(50),
      med_type: oneOf(INPATIENT_MED_TYPES),
      ipt_no: code(30),
      ...admissionDetail,
    }),
    diseinfo,
  })
  .transform(({ mdtrtinfo: m, diseinfo: dis }) => ({
    psnNo: m.psn_no,
    credential: { type: m.mdtrt_cert_type, no: m.mdtrt_cert_no },
    insutype: m.insutype,
    begin: m.begntime,
    medType: m.med_type as CareType,
    hisVisitNo: m.ipt_no,
    inpatient: true,
    mainDiagnosis: m.dise_codg,
    diagnoses: mainFirst(m.dise_codg, m.dise_name, toDiagnoses(dis)),
    attending: attendingOf(m),
  }));
export type OpenVisitRequest = z.infer<typeof admissionInput> | z.infer<typeof registrationInput>;

export const dischargeInput = z
  .object({
    dscginfo: z.object({
      mdtrt_id: code(30),
      psn_no: code(30),
      insutype,
      endtime: dateTime,
      dise_codg: optText(30),
      dise_name: optText(300),
      dscg_dept_codg: optText(30),
      dscg_dept_name: optText(100),
      dscg_way: z.preprocess(
        (v) => (v === '' || v === null ? undefined : v),
        oneOf(['1', '2', '3', '4', '5', '9']).optional(),
      ),
      die_date: optDate,
    }),
    diseinfo,
  })
  .transform(({ dscginfo: d, diseinfo: dis }) => ({
    mdtrtId: d.mdtrt_id,
    psnNo: d.psn_no,
    insutype: d.insutype,
    end: d.endtime,
    dischargeWay: d.dscg_way ?? null,
    deathDate: d.die_date ?? null,
    mainDiagnosis: d.dise_codg,
    diagnoses: mainFirst(d.dise_codg, d.dise_name, toDiagnoses(dis)),
  }));

// ——— 2403 入院信息变更: the national node is adminfo; some HIS send it as mdtrtinfo (as 2401)
const admissionChange = z.object({
  mdtrt_id: code(30),
  psn_no: code(30),
  insutype: z.preprocess((v) => (v === '' || v === null ? undefined : v), insutype.optional()),
  begntime: optDateTime,
  med_type: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    oneOf(INPATIENT_MED_TYPES).optional(),
  ),
  ipt_no: optText(30),
  ipt_otp_no: optText(30),
  medrcdno: optText(30),
  ...admissionDetail,
});
export const admissionChangeInput = z
  .object({ adminfo: admissionChange.optional(), mdtrtinfo: admissionChange.optional(), diseinfo })
  .superRefine((v, ctx) => {
    if (!v.adminfo && !v.mdtrtinfo) {
      ctx.addIssue({ code: 'custom', path: ['adminfo'], message: '缺少入院信息节点 adminfo' });
    }
  })
  .transform(({ adminfo, mdtrtinfo, diseinfo: dis }) => {
    // checked above: one of the two is there
    const m = (adminfo ?? mdtrtinfo) as z.infer<typeof admissionChange>;
    const diagnoses = mainFirst(
      m.dise_codg ?? m.dscg_maindiag_code,
      m.dise_name ?? m.dscg_maindiag_name,
      toDiagnoses(dis),
    );
    return {
      mdtrtId: m.mdtrt_id,
      psnNo: m.psn_no,
      insutype: m.insutype ?? null,
      begin: m.begntime ?? null,
      medType: (m.med_type as CareType | undefined) ?? null,
      hisVisitNo: m.ipt_no ?? m.ipt_otp_no,
      // only what was sent changes: an absent diagnosis list keeps the one on record
      diagnoses: diagnoses.length > 0 ? diagnoses : null,
      mainDiagnosis: m.dise_codg ?? m.dscg_maindiag_code ?? diagnoses[0]?.code ?? null,
      attending: { ...attendingOf(m), recordNo: m.medrcdno },
    };
  });

export type AdmissionChange = z.infer<typeof admissionChangeInput>;

export const visitRefInput = z
  .object({ data: z.object({ mdtrt_id: code(30), psn_no: code(30) }) })
  .transform(({ data: d }) => ({ mdtrtId: d.mdtrt_id, psnNo: d.psn_no }));

// ——— 3201
export const reconciliationInput = z
  .object({
    data: z.object({
      insutype,
      clr_type: optText(6),
      setl_optins: optText(6),
      stmt_begndate: wireDate,
      stmt_enddate: wireDate,
      medfee_sumamt: signedAmount,
      fund_pay_sumamt: signedAmount,
      acct_pay: signedAmount,
      fixmedins_setl_cnt: count,
    }),
  })
  .transform(({ data: d }) => ({
    insutype: d.insutype,
    clearingType: d.clr_type,
    clearingRegion: d.setl_optins,
    from: d.stmt_begndate,
    to: d.stmt_enddate,
    his: {
      totalFen: d.medfee_sumamt,
      fundFen: d.fund_pay_sumamt,
      accountFen: d.acct_pay,
      count: d.fixmedins_setl_cnt,
    },
  }));

// ——— 2601 冲正: reverse a transaction by the msgid the HIS sent it with
export const correctionInput = z
  .object({ data: z.object({ psn_no: code(30), omsgid: code(30), oinfno: code(10) }) })
  .transform(({ data: d }) => ({ psnNo: d.psn_no, originalMsgid: d.omsgid, originalInfno: d.oinfno }));

// ——— 5203 settlement query: by setl_id (the national form) or, to recover a lost answer, by mdtrt_id
export const settlementQueryInput = z
  .object({ data: z.object({ psn_no: code(30), setl_id: optText(30), mdtrt_id: optText(30) }) })
  .superRefine(({ data: d }, ctx) => {
    if (!d.setl_id && !d.mdtrt_id) {
      ctx.addIssue({
        code: 'custom',
        path: ['data', 'setl_id'],
        message: '结算 ID setl_id 与就诊 ID mdtrt_id 至少填写一个',
      });
    }
  })
  .transform(({ data: d }) => ({ psnNo: d.psn_no, setlId: d.setl_id, mdtrtId: d.mdtrt_id }));

// ——— 2001 待遇享受检查: the funds the person may draw on for care beginning at begntime
export const entitlementInput = z
  .object({
    data: z.object({
      psn_no: code(30),
      insutype,
      fixmedins_code: optText(30),
      med_type: optText(6),
      begntime: dateTime,
      endtime: optDateTime,
      dise_codg: optText(30),
      dise_name: optText(300),
      oprn_oprt_code: optText(30),
      oprn_oprt_name: optText(500),
      matn_type: optText(6),
      birctrl_type: optText(6),
    }),
  })
  .transform(({ data: d }) => ({ psnNo: d.psn_no, insutype: d.insutype, onDate: d.begntime.date }));

// ——— 2501 转院备案 (node refmedin; 2501A, the variant some HIS send, names the stay it leaves);
// 2502 转院备案撤销 by the trt_dcla_detl_sn 2501 answered
export const referralInput = z
  .object({
    refmedin: z.object({
      psn_no: code(30),
      insutype,
      tel: optText(50),
      addr: optText(200),
      insu_optins: optText(6),
      diag_code: optText(30),
      diag_name: optText(300),
      dise_cond_dscr: optText(2000),
      reflin_medins_no: optText(30),
      reflin_medins_name: optText(200),
      mdtrtarea_admdvs: z.preprocess(
        (v) => (v === '' || v === null ? undefined : v),
        z
          .string()
          .regex(/^\d{6}$/, '就医地行政区划 {field} 应为 6 位数字')
          .optional(),
      ),
      hosp_agre_refl_flag: optText(3),
      refl_type: optText(6),
      refl_date: optDate,
      refl_rea: optText(200),
      refl_opnn: optText(200),
      refl_old_mdtrt_id: optText(30),
      begndate: wireDate,
      enddate: optDate,
    }),
  })
  .transform(({ refmedin: r }) => ({
    psnNo: r.psn_no,
    insutype: r.insutype,
    careRegion: r.mdtrtarea_admdvs ?? null,
    toInstitution: r.reflin_medins_no,
    beginDate: r.begndate,
    endDate: r.enddate ?? null,
    // kept with the filing for 5304
    detail: {
      insutype: r.insutype,
      tel: r.tel ?? null,
      address: r.addr ?? null,
      insuRegion: r.insu_optins ?? null,
      diagCode: r.diag_code ?? null,
      diagName: r.diag_name ?? null,
      condition: r.dise_cond_dscr ?? null,
      toInstitution: r.reflin_medins_no ?? null,
      toInstitutionName: r.reflin_medins_name ?? null,
      hospitalAgrees: r.hosp_agre_refl_flag ?? null,
      referralDate: r.refl_date ?? null,
      reason: r.refl_rea ?? null,
      opinion: r.refl_opnn ?? null,
    },
  }));

/** 2502 转院备案撤销 and 2506 人员定点备案撤销: the filing's 待遇申报明细流水号, the person, why. */
export const filingCancelInput = z
  .object({
    data: z.object({
      trt_dcla_detl_sn: z.preprocess(
        asCode,
        z
          .string()
          .trim()
          .regex(/^\d{1,15}$/, '备案流水号 {field} 不存在'),
      ),
      psn_no: code(30),
      memo: optText(500),
    }),
  })
  .transform(({ data: d }) => ({ id: Number(d.trt_dcla_detl_sn), psnNo: d.psn_no, memo: d.memo }));

// ——— 2505 人员定点备案: the institution a person chose for a business (biz_appy_type, as sent), in
// the person's order (fix_srt_no); contact and agent details are kept as sent, but not the agent's
// certificate number (personal data Yibao has no use for)
export const designationInput = z
  .object({
    data: z.object({
      psn_no: code(30),
      tel: optText(50),
      addr: optText(200),
      biz_appy_type: code(3),
      begndate: wireDate,
      enddate: optDate,
      agnter_name: optText(50),
      agnter_cert_type: optText(6),
      agnter_certno: optText(50),
      agnter_tel: optText(30),
      agnter_addr: optText(200),
      agnter_rlts: optText(3),
      fix_srt_no: code(3),
      fixmedins_code: code(12),
      fixmedins_name: optText(200),
      memo: optText(500),
    }),
  })
  .superRefine(({ data: d }, ctx) => {
    if (d.enddate && d.enddate < d.begndate) {
      ctx.addIssue({ code: 'custom', path: ['data', 'enddate'], message: '{field} 早于开始日期' });
    }
  })
  .transform(({ data: d }) => ({
    psnNo: d.psn_no,
    bizType: d.biz_appy_type,
    order: d.fix_srt_no,
    institution: d.fixmedins_code,
    beginDate: d.begndate,
    endDate: d.enddate ?? null,
    detail: {
      tel: d.tel,
      addr: d.addr,
      agnter_name: d.agnter_name,
      agnter_tel: d.agnter_tel,
      agnter_addr: d.agnter_addr,
      agnter_rlts: d.agnter_rlts,
      memo: d.memo,
    },
  }));
export type DesignationFiling = z.output<typeof designationInput>;

// ——— 5302 人员定点信息查询: a person's live designations, of one business or all
export const designationQueryInput = z
  .object({ data: z.object({ psn_no: code(30), biz_appy_type: optText(3) }) })
  .transform(({ data: d }) => ({ psnNo: d.psn_no, bizType: d.biz_appy_type }));

// ——— 5201 a person's visits at the institution in a period; 5202 a visit's diagnoses
// (5204's fee lines are asked as 5203: by setl_id or mdtrt_id)
export const visitQueryInput = z
  .object({
    data: z.object({
      psn_no: code(30),
      begntime: dateTime,
      endtime: dateTime,
      med_type: optText(6),
      mdtrt_id: optText(30),
    }),
  })
  .transform(({ data: d }) => ({
    psnNo: d.psn_no,
    from: d.begntime.date,
    to: d.endtime.date,
    medType: d.med_type,
    mdtrtId: d.mdtrt_id,
  }));

// ——— 5205 the person's chronic-care (门诊慢特病) drug records of a period
export const chronicDrugQueryInput = z
  .object({ data: z.object({ psn_no: code(30), begntime: dateTime, endtime: dateTime }) })
  .transform(({ data: d }) => ({ psnNo: d.psn_no, from: d.begntime.iso, to: d.endtime.iso }));

// ——— 1901 字典表查询 (the type; parentValue, admdvs, date and valiFlag narrow nothing here)
export const dictionaryQueryInput = z
  .object({ data: z.object({ type: code(30) }) })
  .transform(({ data: d }) => ({ type: d.type }));

// ——— 1312 医保目录信息查询: the catalogue page by page, with a HIS's filters
export const CATALOGUE_PAGE_MAX = 1000;
/** beyond any catalogue's last page, and small enough that the offset stays an exact integer */
export const CATALOGUE_PAGE_NUM_MAX = 1_000_000;
/** 目录类别 list_type → the catalogue's kinds (101 西药中成药, 201 医疗服务项目, 301 医用耗材) */
const LIST_TYPE_KINDS: Record<string, ('drug' | 'service' | 'material')[]> = {
  '101': ['drug'],
  // the catalogue does not tell 中药饮片 or 自制剂 from other drugs: asked for, none are listed
  '102': [],
  '103': [],
  '201': ['service'],
  '301': ['material'],
};
/** page_num and page_size of the catalogue queries (1312, 1316–1319) */
const paging = {
  page_num: count.pipe(z.number().min(1).max(CATALOGUE_PAGE_NUM_MAX)),
  page_size: count.pipe(z.number().min(1).max(CATALOGUE_PAGE_MAX)),
};
const optFlag = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? null : asCode(v)),
  z.enum(['0', '1']).nullable(),
);
const kindsOf = (listType: string | null) => (listType === null ? null : LIST_TYPE_KINDS[listType]!);
/** 目录类别, or none */
const listType = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? null : asCode(v)),
  z.enum(Object.keys(LIST_TYPE_KINDS) as [string, ...string[]]).nullable(),
);
/**
 * What every catalogue query (1312, 1316, 1318, 1319) takes: a date the rows are valid on, a code,
 * the region, a begin date, validity, changed since, and the page. Members a HIS sends that Yibao
 * keeps nothing of (rid, tabname, poolarea_no, 限价类型, 超限处理方式, 自付比例类别) narrow nothing.
 */
const catalogueRows = {
  query_date: optDate,
  hilist_code: optText(30),
  insu_admdvs: optText(6),
  begndate: optDate,
  vali_flag: optFlag,
  updt_time: optDateTime,
  ...paging,
};
const rowsFilter = (d: {
  query_date?: string | null;
  hilist_code: string | null;
  insu_admdvs: string | null;
  begndate?: string | null;
  vali_flag: '0' | '1' | null;
  updt_time?: WireInstant | null;
  page_num: number;
  page_size: number;
}) => ({
  onDate: d.query_date ?? null,
  code: d.hilist_code,
  insuAdmdvs: d.insu_admdvs,
  beginFrom: d.begndate ?? null,
  valid: d.vali_flag === null ? null : d.vali_flag === '1',
  changedSince: d.updt_time?.iso ?? null,
  page: d.page_num,
  pageSize: d.page_size,
});

export const catalogueQueryInput = z
  .object({
    data: z.object({
      ...catalogueRows,
      hilist_name: optText(200),
      med_chrgitm_type: optText(6),
      chrgitm_lv: optText(3),
      lmt_used_flag: optFlag,
      list_type: listType,
    }),
  })
  .transform(({ data: d }) => ({
    ...rowsFilter(d),
    name: d.hilist_name,
    medChrgitmType: d.med_chrgitm_type,
    chrgitmLv: d.chrgitm_lv,
    kinds: kindsOf(d.list_type),
    restricted: d.lmt_used_flag === null ? null : d.lmt_used_flag === '1',
  }));

// 1316 医疗目录与医保目录匹配信息查询: Yibao's catalogue is coded in the national codes, so each item
// matches itself; a HIS sends the medical code as med_list_codg or medins_list_codg
export const catalogueMatchQueryInput = z
  .object({
    data: z.object({
      ...catalogueRows,
      med_list_codg: optText(50),
      medins_list_codg: optText(50),
      list_type: listType,
    }),
  })
  .transform(({ data: d }) => ({
    ...rowsFilter(d),
    code: d.hilist_code ?? d.med_list_codg ?? d.medins_list_codg,
    kinds: kindsOf(d.list_type),
  }));

// 1318 医保目录限价信息查询: the items with a price cap
export const priceCapQueryInput = z
  .object({ data: z.object(catalogueRows) })
  .transform(({ data: d }) => rowsFilter(d));

// 1319 医保目录先自付比例信息查询: class-B items' first self-paid share, per insurance type
// (selfpay_prop_psn_type: the insutype the ratio applies to)
export const firstShareQueryInput = z
  .object({ data: z.object({ ...catalogueRows, selfpay_prop_psn_type: optText(6) }) })
  .transform(({ data: d }) => ({ ...rowsFilter(d), insutype: d.selfpay_prop_psn_type }));

// 1317 医药机构目录匹配信息查询: the institution's own 目录对照 (3301), live and ended
export const mappingQueryInput = z
  .object({
    data: z.object({
      query_date: optDate,
      medins_list_codg: optText(150),
      medins_list_name: optText(200),
      list_type: listType,
      med_list_codg: optText(50),
      begndate: optDate,
      vali_flag: optFlag,
      updt_time: optDateTime,
      ...paging,
    }),
  })
  .transform(({ data: d }) => ({
    onDate: d.query_date ?? null,
    hisItemCode: d.medins_list_codg,
    hisItemName: d.medins_list_name,
    listType: d.list_type,
    itemCode: d.med_list_codg,
    beginFrom: d.begndate ?? null,
    live: d.vali_flag === null ? null : d.vali_flag === '1',
    changedSince: d.updt_time?.iso ?? null,
    page: d.page_num,
    pageSize: d.page_size,
  }));
export type MappingQuery = z.output<typeof mappingQueryInput>;

// 1201 医药机构信息获取: institutions by type (1 医疗机构, 2 药店), code or part of the name; the node
// is medinsinfo (some HIS send data)
const institutionFilter = z.object({
  fixmedins_type: z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? null : asCode(v)),
    z.enum(['1', '2']).nullable(),
  ),
  fixmedins_name: optText(200),
  fixmedins_code: optText(30),
});
export const institutionQueryInput = z
  .union([z.object({ medinsinfo: institutionFilter }), z.object({ data: institutionFilter })])
  .transform((i) => {
    const d = 'medinsinfo' in i ? i.medinsinfo : i.data;
    return {
      pharmacy: d.fixmedins_type === null ? null : d.fixmedins_type === '2',
      name: d.fixmedins_name,
      code: d.fixmedins_code,
    };
  });

// ——— 5301 the person's 门诊慢特病 qualifications (备案)
export const qualificationQueryInput = z
  .object({ data: z.object({ psn_no: code(30) }) })
  .transform(({ data: d }) => ({ psnNo: d.psn_no }));

// ——— 5303 在院信息查询, 5304 转院信息查询: a person and an optional period (begntime/endtime, dates
// or date-times). Some HIS send 5304's members without the data node: both are taken.
const personPeriod = z.object({ psn_no: code(30), begntime: optDateTime, endtime: optDateTime });
type PersonPeriod = { psn_no: string | null; begntime?: WireInstant; endtime?: WireInstant };

function checkPeriodOrder(d: PersonPeriod, path: string[], ctx: z.RefinementCtx): void {
  if (d.begntime && d.endtime && d.endtime.iso < d.begntime.iso) {
    ctx.addIssue({ code: 'custom', path: [...path, 'endtime'], message: '{field} 早于开始时间 begntime' });
  }
}
const periodOf = (d: PersonPeriod) => ({
  psnNo: d.psn_no as string,
  from: d.begntime ?? null,
  to: d.endtime ?? null,
});

export const inHospitalQueryInput = z
  .object({ data: personPeriod })
  .superRefine((v, ctx) => checkPeriodOrder(v.data, ['data'], ctx))
  .transform(({ data }) => periodOf(data));

export const referralQueryInput = z
  .object({
    data: personPeriod.optional(),
    psn_no: optText(30),
    begntime: optDateTime,
    endtime: optDateTime,
  })
  .superRefine((v, ctx) => {
    if (v.data) return checkPeriodOrder(v.data, ['data'], ctx);
    if (!v.psn_no)
      ctx.addIssue({ code: 'custom', path: ['data', 'psn_no'], message: '缺少人员编号 {field}' });
    else checkPeriodOrder(v, [], ctx);
  })
  .transform((v) => periodOf(v.data ?? v));

// ——— 5102 医执人员信息查询: the institution's own staff of a kind (prac_psn_type 1 医师, 2 护士,
// 3 药师, 4 医技人员), by name or national code
export const staffQueryInput = z
  .object({
    data: z
      .object({
        prac_psn_type: z.preprocess(
          (v) => (v === '' || v === null ? undefined : typeof v === 'string' ? v.trim() : asCode(v)),
          z.enum(PRAC_PSN_TYPES).optional(),
        ),
        psn_cert_type: optText(6),
        certno: optText(50),
        prac_psn_name: optText(50),
        prac_psn_code: optText(30),
      })
      .optional(),
  })
  .transform(({ data: d }) => ({
    kind: d?.prac_psn_type ? PRAC_PSN_TYPE_KINDS[d.prac_psn_type] : null,
    name: d?.prac_psn_name ?? null,
    code: d?.prac_psn_code ?? null,
  }));

export const diagnosisQueryInput = z
  .object({ data: z.object({ psn_no: code(30), mdtrt_id: code(30) }) })
  .transform(({ data: d }) => ({ psnNo: d.psn_no, mdtrtId: d.mdtrt_id }));

// ——— 4101/4101A 医疗保障基金结算清单信息上传: the settlement list of an inpatient (or 门诊慢特病)
// settlement, kept as its national document (it is itself a national form: setlinfo and the lists
// below). Each member is checked for its kind and length; members the form does not have are dropped.
// 4102 结算清单状态修改: stastinfo[] of setl_id and stas_type.
export const MAX_LIST_ROWS = 500;
const texts = (max: number, ...names: string[]) => Object.fromEntries(names.map((n) => [n, optText(max)]));
const dates = (...names: string[]) => Object.fromEntries(names.map((n) => [n, optDate]));
const times = (...names: string[]) => Object.fromEntries(names.map((n) => [n, optDateTime]));
const asWire = (v: unknown): unknown =>
  v && typeof v === 'object' && 'iso' in v ? (v as WireInstant).iso : v;
const listSetlinfo = z.object({
  psn_no: code(30),
  setl_id: code(30),
  mdtrt_id: optText(30),
  ...texts(
    50,
    'hi_no',
    'medcasno',
    'ntly',
    'prfs',
    'emp_tel',
    'poscode',
    'coner_name',
    'patn_rlts',
    'coner_tel',
    'nwb_adm_type',
    'nwb_bir_wt',
    'nwb_adm_wt',
    'mul_nwb_bir_wt',
    'mul_nwb_adm_wt',
    'opsp_diag_caty',
    'adm_way',
    'trt_type',
    'refldept_dept',
    'dscg_caty',
    'wm_dise_code',
    'tcm_dise_code',
    'vent_used_dura',
    'pwcry_bfadm_coma_dura',
    'pwcry_afadm_coma_dura',
    'spga_nurscare_days',
    'lv1_nurscare_days',
    'scd_nurscare_days',
    'lv3_nurscare_days',
    'dscg_way',
    'acp_optins_code',
    'bill_code',
    'bill_no',
    'biz_sn',
    'days_rinp_flag_31',
    'chfpdr_code',
    'chfpdr_name',
    'resp_nurs_code',
    'resp_nurs_name',
    'stas_type',
    'hi_paymtd',
    'hi_type',
    'insuplc',
    'psn_cert_type',
    'certno',
    'psn_name',
    'gend',
    'age',
    'naty',
    'medins_fill_psn',
    'medins_fill_dept',
    'hsorg',
    'hsorg_opter',
    'dscg_dept',
    'adm_dept',
  ),
  ...texts(
    300,
    'curr_addr',
    'emp_name',
    'emp_addr',
    'coner_addr',
    'otp_wm_dise',
    'otp_tcm_dise',
    'acp_medins_name',
    'days_rinp_pup_31',
  ),
  ...dates('opsp_mdtrt_date', 'setl_begn_date', 'setl_end_date', 'brdy'),
  ...times('dcla_time', 'adm_time', 'dscg_time'),
});
const listRows = <T extends z.ZodRawShape>(shape: T) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? [] : v),
    z.array(z.object(shape)).max(MAX_LIST_ROWS),
  );
export const settlementListInput = z
  .object({
    setlinfo: listSetlinfo,
    payinfo: listRows({ fund_pay_type: code(6), fund_payamt: amount }),
    opspdiseinfo: listRows({
      diag_name: code(100),
      diag_code: code(30),
      ...texts(500, 'oprn_oprt_name'),
      ...texts(30, 'oprn_oprt_code'),
    }),
    diseinfo: listRows({
      diag_type: optText(3),
      diag_code: code(30),
      diag_name: code(100),
      adm_cond_type: optText(3),
      maindiag_flag: flag,
    }),
    iteminfo: listRows({
      med_chrgitm: code(6),
      amt: amount,
      claa_sumfee: z.preprocess((v) => (v === '' || v === null ? undefined : v), amount.optional()),
      clab_amt: z.preprocess((v) => (v === '' || v === null ? undefined : v), amount.optional()),
      fulamt_ownpay_amt: z.preprocess((v) => (v === '' || v === null ? undefined : v), amount.optional()),
      oth_amt: z.preprocess((v) => (v === '' || v === null ? undefined : v), amount.optional()),
    }),
    oprninfo: listRows({
      oprn_oprt_type: optText(3),
      oprn_oprt_name: code(500),
      oprn_oprt_code: code(30),
      oprn_oprt_date: optDate,
      main_oprn_flag: flag,
      ...texts(30, 'anst_way', 'oper_dr_code', 'anst_dr_code', 'oper_dr_name', 'anst_dr_name'),
      ...times('oprn_oprt_begntime', 'oprn_oprt_endtime', 'anst_begntime', 'anst_endtime'),
    }),
    icuinfo: listRows({
      scs_cutd_ward_type: code(6),
      scs_cutd_inpool_time: dateTime,
      scs_cutd_exit_time: dateTime,
      scs_cutd_sum_dura: optText(20),
    }),
    bldinfo: listRows({ bld_cat: code(10), bld_amt: optText(20), bld_unt: optText(10) }),
  })
  .transform((v) => {
    const main = v.diseinfo.find((d) => d.maindiag_flag) ?? v.diseinfo[0];
    const document = JSON.parse(JSON.stringify(v, (_k, x) => asWire(x))) as Record<string, unknown>;
    return {
      psnNo: v.setlinfo.psn_no,
      setlId: v.setlinfo.setl_id,
      mdtrtId: v.setlinfo.mdtrt_id,
      mainDiagnosis: main ? { code: main.diag_code, name: main.diag_name } : null,
      operations: v.oprninfo.length,
      document,
    };
  });
export type SettlementListUpload = z.infer<typeof settlementListInput>;

const listStatus = z.object({ psn_no: code(30), setl_id: code(30), stas_type: code(6) });
const listStatuses = z.array(listStatus).min(1).max(MAX_LIST_ROWS);
export const settlementListStatusInput = z
  .object({ data: z.object({ stastinfo: listStatuses }).optional(), stastinfo: listStatuses.optional() })
  .superRefine((v, ctx) => {
    if (!v.data && !v.stastinfo) {
      ctx.addIssue({
        code: 'custom',
        path: ['data', 'stastinfo'],
        message: '缺少结算清单状态节点 stastinfo',
      });
    }
  })
  .transform((v) =>
    (v.data?.stastinfo ?? v.stastinfo ?? []).map((r) => ({
      psnNo: r.psn_no,
      setlId: r.setl_id,
      status: r.stas_type,
    })),
  );

// ——— 3401 科室信息上传 (deptinfo, one object or a list; 3401A, the batch variant, the same body),
// 3402 科室信息变更 (deptinfo, one object), 3403 科室信息撤销 (data), 5101 科室信息查询 (data, or
// nothing: a HIS asks for all its departments)
export const MAX_DEPARTMENTS = 500;
const headcount = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? null : v),
  count.pipe(z.number().int().min(0).max(100_000)).nullable(),
);
const departmentRow = z.object({
  hosp_dept_codg: code(30),
  caty: code(10),
  hosp_dept_name: code(100),
  begntime: dateTime,
  endtime: optDateTime,
  itro: optText(2000),
  dept_resper_name: optText(50),
  dept_resper_tel: optText(50),
  dept_med_serv_scp: optText(2000),
  dept_estbdat: optDate,
  aprv_bed_cnt: headcount,
  hi_crtf_bed_cnt: headcount,
  poolarea_no: optText(6),
  dr_psncnt: headcount,
  phar_psncnt: headcount,
  nurs_psncnt: headcount,
  tecn_psncnt: headcount,
  memo: optText(500),
});
type DepartmentRow = z.infer<typeof departmentRow>;
const department = (r: DepartmentRow) => ({
  code: r.hosp_dept_codg,
  name: r.hosp_dept_name,
  caty: r.caty,
  begin: r.begntime.iso,
  end: r.endtime?.iso ?? null,
  detail: {
    intro: r.itro,
    headName: r.dept_resper_name,
    headTel: r.dept_resper_tel,
    scope: r.dept_med_serv_scp,
    established: r.dept_estbdat ?? null,
    approvedBeds: r.aprv_bed_cnt,
    insuredBeds: r.hi_crtf_bed_cnt,
    poolRegion: r.poolarea_no,
    doctors: r.dr_psncnt,
    pharmacists: r.phar_psncnt,
    nurses: r.nurs_psncnt,
    technicians: r.tecn_psncnt,
    memo: r.memo,
  },
});
export type DepartmentUpload = ReturnType<typeof department>[];
const endsAfterBegin = (r: DepartmentRow, path: (string | number)[], ctx: z.RefinementCtx) => {
  if (r.endtime && r.endtime.iso < r.begntime.iso) {
    ctx.addIssue({ code: 'custom', path: [...path, 'endtime'], message: '{field} 早于开始时间 begntime' });
  }
};
export const departmentUploadInput = z
  .object({
    deptinfo: z.union([
      departmentRow.transform((d) => [d]),
      z.array(departmentRow).min(1).max(MAX_DEPARTMENTS),
    ]),
  })
  .superRefine((v, ctx) => {
    for (const [i, r] of v.deptinfo.entries()) endsAfterBegin(r, ['deptinfo', i], ctx);
  })
  .transform((v) => v.deptinfo.map(department));

export const departmentChangeInput = z
  .object({ deptinfo: departmentRow })
  .superRefine((v, ctx) => endsAfterBegin(v.deptinfo, ['deptinfo'], ctx))
  .transform((v) => department(v.deptinfo));

export const departmentRevokeInput = z
  .object({
    data: z.object({ hosp_dept_codg: code(30), hosp_dept_name: optText(100), begntime: optDateTime }),
  })
  .transform(({ data: d }) => ({ code: d.hosp_dept_codg }));

export const departmentQueryInput = z
  .object({
    data: z
      .object({ hosp_dept_codg: optText(30), hosp_dept_name: optText(100), begntime: optDateTime })
      .optional(),
  })
  .transform(({ data: d }) => ({ code: d?.hosp_dept_codg ?? null, name: d?.hosp_dept_name ?? null }));

// ——— 3301 目录对照上传 (data, one object or a list; some HIS send the list as catalogcompin);
// 3302 目录对照撤销
export const MAX_MAPPINGS = 1000;
const mappingRow = z.object({
  fixmedins_hilist_id: code(50),
  fixmedins_hilist_name: code(200),
  list_type: code(6),
  med_list_codg: code(50),
  begndate: wireDate,
  enddate: optDate,
  drugadm_strdcod: optText(50),
  genname_no: optText(50),
  aprvno: optText(100),
  dosform: optText(50),
  exct_cont: optText(2000),
  exept_cont: optText(2000),
  item_cont: optText(2000),
  prcunt: optText(20),
  spec: optText(200),
  pacspec: optText(200),
  pric: optText(20),
  memo: optText(500),
});
const mappingRows = z.union([mappingRow.transform((d) => [d]), z.array(mappingRow).min(1).max(MAX_MAPPINGS)]);
export const catalogueMappingInput = z
  .object({ data: mappingRows.optional(), catalogcompin: mappingRows.optional() })
  .superRefine((v, ctx) => {
    if (!v.data && !v.catalogcompin) {
      ctx.addIssue({ code: 'custom', path: ['data'], message: '缺少目录对照信息节点 data' });
    }
    const rows = v.data ?? v.catalogcompin ?? [];
    for (const [i, r] of rows.entries()) {
      if (r.enddate && r.enddate < r.begndate) {
        ctx.addIssue({ code: 'custom', path: ['data', i, 'enddate'], message: '{field} 早于开始日期' });
      }
    }
  })
  .transform((v) =>
    (v.data ?? v.catalogcompin ?? []).map((r) => ({
      hisItemCode: r.fixmedins_hilist_id,
      hisItemName: r.fixmedins_hilist_name,
      listType: r.list_type,
      itemCode: r.med_list_codg,
      begin: r.begndate,
      end: r.enddate ?? null,
      detail: {
        drugadm_strdcod: r.drugadm_strdcod,
        genname_no: r.genname_no,
        aprvno: r.aprvno,
        dosform: r.dosform,
        exct_cont: r.exct_cont ?? r.exept_cont,
        item_cont: r.item_cont,
        prcunt: r.prcunt,
        spec: r.spec,
        pacspec: r.pacspec,
        pric: r.pric,
        memo: r.memo,
      },
    })),
  );
export type MappingUpload = z.infer<typeof catalogueMappingInput>;

export const mappingRevokeInput = z
  .object({
    data: z.object({
      fixmedins_code: optText(30),
      fixmedins_hilist_id: code(50),
      list_type: code(6),
      med_list_codg: code(50),
    }),
  })
  .transform(({ data: d }) => ({
    hisItemCode: d.fixmedins_hilist_id,
    listType: d.list_type,
    itemCode: d.med_list_codg,
  }));

// ——— 5206 the person's cumulative figures: cum_ym yyyyMM (or yyyy-MM); absent → the current year
export const cumulativeInput = z
  .object({
    data: z.object({
      psn_no: code(30),
      cum_ym: z.preprocess(
        (v) => (v === undefined || v === null || v === '' ? null : asCode(v)),
        z
          .string()
          .trim()
          .regex(/^\d{4}-?(0[1-9]|1[0-2])$/, '累计年月 {field} 应为 yyyyMM')
          .nullable(),
      ),
    }),
  })
  .transform(({ data: d }) => ({
    psnNo: d.psn_no,
    year: d.cum_ym ? Number(d.cum_ym.slice(0, 4)) : null,
    month: d.cum_ym ? d.cum_ym.replace('-', '') : null,
  }));

// ——— 9101 file upload: the bytes as a JSON array of (signed) bytes, as Java HIS send byte[], or base64
const fileBytes = z.union([
  z.array(z.number().int().min(-128).max(255)).max(20 * 1024 * 1024),
  z.string().regex(/^[A-Za-z0-9+/=\s]*$/, '{field} 应为字节数组或 base64'),
]);
export const fileUploadInput = z
  .object({ fsUploadIn: z.object({ in: fileBytes, filename: code(200), fixmedins_code: optText(30) }) })
  .transform(({ fsUploadIn: f }) => ({
    bytes: typeof f.in === 'string' ? Buffer.from(f.in, 'base64') : Buffer.from(f.in.map((b) => b & 0xff)),
    filename: f.filename,
  }));

export const fileDownloadInput = z
  .object({
    fsDownloadIn: z.object({ file_qury_no: code(100), filename: optText(200), fixmedins_code: optText(30) }),
  })
  .transform(({ fsDownloadIn: f }) => ({ fileQueryNo: f.file_qury_no, filename: f.filename }));

// ——— 3202 detail reconciliation against a file uploaded by 9101
export const detailReconciliationInput = z
  .object({
    data: z.object({
      setl_optins: optText(6),
      file_qury_no: code(100),
      stmt_begndate: wireDate,
      stmt_enddate: wireDate,
      medfee_sumamt: signedAmount,
      fund_pay_sumamt: signedAmount,
      cash_payamt: z.preprocess((v) => (v === undefined || v === null || v === '' ? '0' : v), signedAmount),
      fixmedins_setl_cnt: count,
      refd_setl_flag: optText(3),
      clr_type: optText(6),
    }),
  })
  .transform(({ data: d }) => ({
    clearingRegion: d.setl_optins,
    fileQueryNo: d.file_qury_no,
    from: d.stmt_begndate,
    to: d.stmt_enddate,
    clearingType: d.clr_type,
    his: {
      totalFen: d.medfee_sumamt,
      fundFen: d.fund_pay_sumamt,
      cashFen: d.cash_payamt,
      count: d.fixmedins_setl_cnt,
    },
  }));

// ——— 3101 / 3102 事前/事中 analysis: patients → encounters → diagnoses and orders
const fsiOrder = z.object({
  rx_id: code(50),
  hilist_code: code(50),
  cnt: quantity,
  pric: price,
  sumamt: amount,
  drord_begn_date: optDateTime,
});
const fsiDiagnose = z.object({ dise_codg: code(30), maindise_flag: optText(3) });
const fsiEncounter = z.object({
  mdtrt_id: optText(30),
  adm_date: optDateTime,
  dscg_date: optDateTime,
  dscg_main_dise_codg: optText(30),
  med_mdtrt_type: optText(3),
  insutype: optText(6),
  fsi_diagnose_dtos: z.array(fsiDiagnose).max(100).optional().default([]),
  fsi_order_dtos: z.array(fsiOrder).min(1).max(MAX_FEE_LINES),
});
const fsiPatient = z.object({
  patn_id: code(50),
  gend: oneOf(['1', '2']),
  brdy: wireDate,
  curr_mdtrt_id: optText(30),
  fsi_encounter_dtos: z.array(fsiEncounter).min(1).max(50),
});
export const analysisInput = z
  .object({
    data: z.object({
      patient_dtos: z.array(fsiPatient).min(1).max(20),
      rule_ids: z.union([z.array(code(30)), z.string()]).optional(),
      trig_scen: optText(3),
      task_id: optText(50),
    }),
  })
  .transform(({ data: d }) => ({
    taskId: d.task_id,
    ruleCodes:
      d.rule_ids === undefined || d.rule_ids === ''
        ? null
        : Array.isArray(d.rule_ids)
          ? d.rule_ids
          : d.rule_ids.split(','),
    scene: d.trig_scen,
    patients: d.patient_dtos.map((p) => ({
      patnId: p.patn_id,
      gender: p.gend as '1' | '2',
      birthDate: p.brdy,
      encounters: p.fsi_encounter_dtos.map((e) => ({
        mdtrtId: e.mdtrt_id ?? p.curr_mdtrt_id,
        insutype: e.insutype ?? '390',
        inpatient: e.med_mdtrt_type === '2',
        beginDate: e.adm_date?.date ?? null,
        endDate: e.dscg_date?.date ?? null,
        diagnoses: [
          ...(e.dscg_main_dise_codg ? [e.dscg_main_dise_codg] : []),
          ...e.fsi_diagnose_dtos.map((x) => x.dise_codg),
        ],
        orders: e.fsi_order_dtos.map((o) => ({
          rxId: o.rx_id,
          itemCode: o.hilist_code,
          quantity: o.cnt.value,
          unitPriceFen: o.pric.fen,
          amountFen: o.sumamt,
          date: o.drord_begn_date?.date ?? null,
        })),
      })),
    })),
  }));
export type AnalysisInput = z.infer<typeof analysisInput>;

// ——— 3103 the doctor's decision on the warnings
export const decisionInput = z
  .object({
    data: z.object({
      warn_type: oneOf(['1', '2']),
      warns: z
        .array(z.object({ warn_rslt_id: code(50), dspo_way: oneOf(['1', '2']), dspo_way_rea: optText(500) }))
        .min(1)
        .max(500),
    }),
  })
  .transform(({ data: d }) => ({
    stage: d.warn_type === '1' ? ('before' as const) : ('during' as const),
    decisions: d.warns.map((w) => ({
      jrId: w.warn_rslt_id,
      decision: w.dspo_way === '1' ? ('continue' as const) : ('revise' as const),
      reason: w.dspo_way_rea,
    })),
  }));
