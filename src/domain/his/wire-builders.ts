// Wire-shaped inputs of the HIS transactions, as a vendor's HIS sends them (amounts in yuan
// strings, times in Beijing time). Shared by the tests, the demo county and the bench.
import { fenToYuan } from '../shared/money.ts';

export interface LineSpec {
  code: string;
  pricFen: number;
  cnt: number | string;
  /** defaults to pric × cnt rounded half-up */
  amountFen?: number;
}

const round = (pricFen: number, cnt: number | string) => {
  const [w, f = ''] = String(cnt).split('.');
  const scaled = BigInt(w) * 10000n + BigInt(f.padEnd(4, '0'));
  return Number((BigInt(pricFen) * scaled + 5000n) / 10000n);
};

export const wire = {
  registration: (psnNo: string, insutype: string, begntime: string, hisNo: string, certno: string) => ({
    data: {
      psn_no: psnNo,
      insutype,
      begntime,
      mdtrt_cert_type: '02',
      mdtrt_cert_no: certno,
      ipt_otp_no: hisNo,
      atddr_no: 'D41092600871',
      dr_name: '李医生',
      dept_code: 'A03',
      dept_name: '内科',
      caty: 'A03',
    },
  }),

  visitInfo: (mdtrtId: string, psnNo: string, medType: string, diag: string, begntime: string) => ({
    mdtrtinfo: {
      mdtrt_id: mdtrtId,
      psn_no: psnNo,
      med_type: medType,
      begntime,
      dise_codg: diag,
      dise_name: '诊断',
    },
    diseinfo: [
      {
        diag_type: '1',
        diag_srt_no: '1',
        diag_code: diag,
        diag_name: '诊断',
        diag_dept: '内科',
        dise_dor_no: 'D1',
        dise_dor_name: '李医生',
        diag_time: begntime,
        vali_flag: '1',
      },
    ],
  }),

  admission: (
    psnNo: string,
    insutype: string,
    begntime: string,
    iptNo: string,
    certno: string,
    diag = 'I10.x00',
    medType = '21',
  ) => ({
    mdtrtinfo: {
      psn_no: psnNo,
      insutype,
      begntime,
      mdtrt_cert_type: '02',
      mdtrt_cert_no: certno,
      med_type: medType,
      ipt_no: iptNo,
      atddr_no: 'D41092600871',
      chfpdr_name: '王主任',
      adm_diag_dscr: '入院诊断',
      adm_dept_codg: 'A03',
      adm_dept_name: '内科',
      adm_bed: '12',
      dscg_maindiag_code: diag,
      dscg_maindiag_name: '主要诊断',
      dise_codg: diag,
      dise_name: '主要诊断',
    },
    diseinfo: [{ diag_type: '1', diag_srt_no: '1', diag_code: diag, diag_name: '主要诊断', vali_flag: '1' }],
  }),

  discharge: (mdtrtId: string, psnNo: string, insutype: string, endtime: string) => ({
    dscginfo: {
      mdtrt_id: mdtrtId,
      psn_no: psnNo,
      insutype,
      endtime,
      dise_codg: 'I10.x00',
      dise_name: '高血压',
      dscg_dept_codg: 'A03',
      dscg_dept_name: '内科',
      dscg_way: '1',
    },
    diseinfo: [],
  }),

  /** 4701 电子病历 of a stay of hypertension, as discharge() tells it (admitted, treated, improved) */
  electronicRecord: (mdtrtId: string, psnNo: string, admTime: string, dscgDate: string) => ({
    adminfo: {
      mdtrt_id: mdtrtId,
      psn_no: psnNo,
      adm_time: admTime,
      dept_name: '内科',
      chfcomp: '反复头晕、头痛 3 年，加重 2 天',
      dise_now: '3 年前诊断高血压，口服降压药控制欠佳，2 天前头晕加重伴头痛',
      physexm_tprt: 36.6,
      physexm_pule: 82,
      physexm_systolic_pre: 172,
      physexm_dstl_pre: 98,
      adm_rea: '血压控制不佳',
      vali_flag: '1',
    },
    diseinfo: [
      {
        inout_diag_type: '1',
        maindiag_flag: '1',
        diag_seq: 1,
        wm_diag_code: 'I10.x00',
        wm_diag_name: '高血压',
        vali_flag: '1',
      },
    ],
    coursrinfo: [
      {
        rcd_time: admTime,
        dept_name: '内科',
        cas_ftur: '老年患者，血压明显升高，无靶器官急性损害',
        dise_plan: '低盐饮食，调整降压方案，监测血压',
        vali_flag: '1',
      },
    ],
    dscginfo: {
      dscg_date: dscgDate,
      adm_diag_dscr: '高血压',
      dscg_dise_dscr: '高血压',
      trt_proc_rslt_dscr: '予降压、对症治疗，血压控制平稳',
      dscg_info: '好转',
      dscg_drord: '规律服药，定期复查血压',
      vali_flag: '1',
    },
  }),

  /** 4401 病案首页 of the same stay: admitted, discharged improved, its total in yuan */
  frontSheet: (
    mdtrtId: string,
    psnNo: string,
    admDate: string,
    dscgDate: string,
    days: number,
    totalFen: number,
  ) => ({
    baseinfo: {
      mdtrt_id: mdtrtId,
      psn_no: psnNo,
      medcasno: `BA${mdtrtId.slice(-8)}`,
      patn_ipt_cnt: '1',
      adm_way_name: '门诊',
      adm_caty: '内科',
      adm_date: admDate,
      dscg_date: dscgDate,
      dscg_caty: '内科',
      ipt_days: days,
      dscg_way_name: '医嘱离院',
      dscg_trt_rslt: '好转',
      drug_dicm_flag: '0',
      hbsag: '阴性',
      'hcv-ab': '阴性',
      'hiv-ab': '阴性',
      hif_pay_way_name: '按项目',
      medfee_sumamt: fenToYuan(totalFen),
      vali_flag: '1',
    },
    diseinfo: [
      {
        disediag_type: '出院诊断',
        maindiag_flag: '1',
        diag_code: 'I10.x00',
        diag_name: '高血压',
        adm_dise_cond_name: '有',
        vali_flag: '1',
      },
    ],
    oprninfo: [],
    icuinfo: [{ icu_codeid: '', inpool_icu_time: '', out_icu_time: '', vali_flag: '1' }],
  }),

  fees: (
    mdtrtId: string,
    psnNo: string,
    lines: LineSpec[],
    time: string,
    batch: string | null = 'CB001',
    firstSn = 1,
  ) => ({
    feedetail: lines.map((l, i) => ({
      feedetl_sn: String(firstSn + i).padStart(4, '0'),
      mdtrt_id: mdtrtId,
      psn_no: psnNo,
      ...(batch === null ? {} : { chrg_bchno: batch }),
      rxno: `RX${i}`,
      rx_circ_flag: '0',
      fee_ocur_time: time,
      med_list_codg: l.code,
      medins_list_codg: `HIS-${l.code}`,
      det_item_fee_sumamt: fenToYuan(l.amountFen ?? round(l.pricFen, l.cnt)),
      cnt: l.cnt,
      pric: fenToYuan(l.pricFen),
      sin_dos_dscr: '',
      used_frqu_dscr: '',
      prd_days: '',
      medc_way_dscr: '',
      bilg_dept_codg: 'A03',
      bilg_dept_name: '内科',
      bilg_dr_codg: 'D41092600871',
      bilg_dr_name: '李医生',
      hosp_appr_flag: '1',
    })),
  }),

  outpatientSettle: (
    psnNo: string,
    mdtrtId: string,
    totalFen: number,
    certno: string,
    insutype = '390',
    medType = '11',
    batch = '0000',
  ) => ({
    data: {
      psn_no: psnNo,
      mdtrt_cert_type: '02',
      mdtrt_cert_no: certno,
      med_type: medType,
      medfee_sumamt: fenToYuan(totalFen),
      psn_setlway: '01',
      mdtrt_id: mdtrtId,
      chrg_bchno: batch,
      insutype,
      acct_used_flag: '0',
    },
  }),

  inpatientSettle: (psnNo: string, mdtrtId: string, totalFen: number, certno: string, insutype = '390') => ({
    data: {
      psn_no: psnNo,
      mdtrt_cert_type: '02',
      mdtrt_cert_no: certno,
      medfee_sumamt: fenToYuan(totalFen),
      psn_setlway: '01',
      mdtrt_id: mdtrtId,
      insutype,
      mid_setl_flag: '0',
      acct_used_flag: '0',
    },
  }),

  reversal: (setlId: string, mdtrtId: string, psnNo: string) => ({
    data: { setl_id: setlId, mdtrt_id: mdtrtId, psn_no: psnNo },
  }),
};

/** Total in fen of the lines as the HIS bills them. */
export const totalOf = (lines: LineSpec[]) =>
  lines.reduce((a, l) => a + (l.amountFen ?? round(l.pricFen, l.cnt)), 0);
