// 自费病人信息上传 — what a HIS reports of the visits patients paid for in full themselves, so that
// the bureau sees an insured person treated at a 定点 institution without the fund (a cost shifted
// onto the patient, 转嫁费用, or care steered out of the fund's sight):
//   4202  住院自费病人就诊信息上传: ownPayPatnMdtrtD (the visit, the patient's certificate) and
//         ownPayPatnDiagListD[] (diagnoses);
//   4201A 住院自费病人费用明细上传 (4201): fsiOwnpayPatnFeeListDDTO[] — one patient's fee lines a
//         call, named by the visit's fixmedins_mdtrt_id (4202 first);
//   4205  门诊自费病人就诊信息、诊断和明细一次上传: mdtrtinfo, diseinfo[], feedetail[];
//   4203  自费病人信息上传完成: fixmedins_mdtrt_id, cplt_flag;
//   4204  自费病人费用明细删除: feedetail{fixmedins_mdtrt_id}, feedetl{bkkp_sn} (a Foshan HIS spells
//         the second node feedetI) — one line, or every line of the visit when none is named;
//   4207  自费病人费用明细查询 / 4209 自费病人诊断信息查询: fixmedins_mdtrt_id, page_num, page_size.
// Amounts to fen, times to instants; a line's memo may come as text or as an object (one HIS sends
// its approval flag and invoice number there), kept as text.
import { z } from 'zod';
import type { Fen } from '../shared/money.ts';
import { amount, code, count, dateTime, flag, optText, price, quantity } from './schema.ts';

export const MAX_SELFPAY_LINES = 5000;
export const MAX_SELFPAY_DIAGNOSES = 50;

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const optAmount = z.preprocess(blankToUndefined, amount.optional());
const memo = z.preprocess(
  (v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : v),
  optText(1000),
);
const rows = <T extends z.ZodType>(row: T, max: number) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(row).max(max),
  );

export interface SelfPayDiagnosis {
  code: string;
  name: string;
  main: boolean;
}

export interface SelfPayVisit {
  /** the institution's own id of the visit (fixmedins_mdtrt_id) */
  mdtrtId: string;
  inpatient: boolean;
  /** the patient's certificate: used to find an insured person, never kept */
  certno: string;
  medType: string;
  beginAt: string;
  /** the visit's total as the HIS told it (4202), else the lines' sum */
  totalFen: Fen | null;
  diagnoses: SelfPayDiagnosis[];
}

export interface SelfPayLine {
  mdtrtId: string;
  /** 记账流水号, unique within the visit */
  sn: string;
  occurredAt: string;
  itemCode: string;
  hilistCode: string | null;
  hilistName: string | null;
  chrgitmType: string | null;
  cnt: string;
  price: string;
  amountFen: Fen;
  /** 全自费金额 and 符合政策范围金额 as the HIS computed them (null: not told) */
  fullOwnFen: Fen | null;
  inscpFen: Fen | null;
  memo: string | null;
}

const diagnosis = z
  .object({
    diag_code: code(30),
    diag_name: code(100),
    maindiag_flag: flag,
    diag_srt_no: optText(10),
  })
  .transform((d) => ({ code: d.diag_code, name: d.diag_name, main: d.maindiag_flag, no: d.diag_srt_no }));

/** Diagnoses in their order; the main one is the flagged one, else the first. */
function diagnosesOf(
  ds: { code: string; name: string; main: boolean; no: string | null }[],
): SelfPayDiagnosis[] {
  const sorted = [...ds].sort((a, b) => Number(a.no ?? 0) - Number(b.no ?? 0));
  const main = sorted.findIndex((d) => d.main);
  return sorted.map((d, i) => ({ code: d.code, name: d.name, main: main < 0 ? i === 0 : i === main }));
}

const visitHead = {
  fixmedins_mdtrt_id: code(30),
  psn_cert_type: optText(6),
  certno: code(50),
  begntime: dateTime,
  med_type: code(6),
};

const line = z
  .object({
    fixmedins_mdtrt_id: code(30),
    bkkp_sn: code(30),
    fee_ocur_time: dateTime,
    cnt: quantity,
    pric: price,
    det_item_fee_sumamt: amount,
    med_list_codg: code(50),
    medins_list_codg: optText(150),
    medins_list_name: optText(100),
    med_chrgitm_type: optText(6),
    fulamt_ownpay_amt: optAmount,
    inscp_amt: optAmount,
    memo,
  })
  .transform(
    (l): SelfPayLine => ({
      mdtrtId: l.fixmedins_mdtrt_id,
      sn: l.bkkp_sn,
      occurredAt: l.fee_ocur_time.iso,
      itemCode: l.med_list_codg,
      hilistCode: l.medins_list_codg,
      hilistName: l.medins_list_name,
      chrgitmType: l.med_chrgitm_type,
      cnt: l.cnt.text,
      price: l.pric.text,
      amountFen: l.det_item_fee_sumamt,
      fullOwnFen: l.fulamt_ownpay_amt ?? null,
      inscpFen: l.inscp_amt ?? null,
      memo: l.memo,
    }),
  );

/** One patient's lines a call: every line names the same visit; a 记账流水号 once. */
const oneVisitsLines = (min: number) =>
  rows(line, MAX_SELFPAY_LINES).superRefine((ls, ctx) => {
    if (ls.length < min) ctx.addIssue({ code: 'custom', message: '费用明细不能为空' });
    const visits = new Set(ls.map((l) => l.mdtrtId));
    if (visits.size > 1) {
      ctx.addIssue({
        code: 'custom',
        message: `每次只能上传一位患者一次就诊的明细，收到 ${visits.size} 个就诊 ID`,
      });
    }
    const seen = new Set<string>();
    for (const l of ls) {
      if (seen.has(l.sn)) ctx.addIssue({ code: 'custom', message: `记账流水号 ${l.sn} 重复` });
      seen.add(l.sn);
    }
  });

export const selfPayStayInput = z
  .object({
    ownPayPatnMdtrtD: z.object({ ...visitHead, medfee_sumamt: optAmount }),
    ownPayPatnDiagListD: rows(diagnosis, MAX_SELFPAY_DIAGNOSES),
  })
  .transform(
    ({ ownPayPatnMdtrtD: v, ownPayPatnDiagListD: d }): SelfPayVisit => ({
      mdtrtId: v.fixmedins_mdtrt_id,
      inpatient: true,
      certno: v.certno,
      medType: v.med_type,
      beginAt: v.begntime.iso,
      totalFen: v.medfee_sumamt ?? null,
      diagnoses: diagnosesOf(d),
    }),
  );

export const selfPayLinesInput = z
  .object({ fsiOwnpayPatnFeeListDDTO: oneVisitsLines(1) })
  .transform((i) => i.fsiOwnpayPatnFeeListDDTO);

export const selfPayOutpatientInput = z
  .object({
    mdtrtinfo: z.object(visitHead),
    diseinfo: rows(diagnosis, MAX_SELFPAY_DIAGNOSES),
    feedetail: oneVisitsLines(0),
  })
  .superRefine((i, ctx) => {
    const other = i.feedetail.find((l) => l.mdtrtId !== i.mdtrtinfo.fixmedins_mdtrt_id);
    if (other) {
      ctx.addIssue({
        code: 'custom',
        message: `明细的就诊 ID ${other.mdtrtId} 与就诊信息的 ${i.mdtrtinfo.fixmedins_mdtrt_id} 不符`,
      });
    }
  })
  .transform(({ mdtrtinfo: v, diseinfo: d, feedetail }) => ({
    visit: {
      mdtrtId: v.fixmedins_mdtrt_id,
      inpatient: false,
      certno: v.certno,
      medType: v.med_type,
      beginAt: v.begntime.iso,
      totalFen: null,
      diagnoses: diagnosesOf(d),
    } satisfies SelfPayVisit,
    lines: feedetail,
  }));

/** Flat or in `data` (HIS send both). */
const flatOrData = (v: unknown) =>
  v && typeof v === 'object' && 'data' in v ? (v as { data: unknown }).data : v;

const completion = z.object({ fixmedins_mdtrt_id: code(30), cplt_flag: flag });
export const selfPayCompleteInput = z
  .preprocess(flatOrData, completion)
  .transform((c) => ({ mdtrtId: c.fixmedins_mdtrt_id, complete: c.cplt_flag }));

/** The input's nodes by name without regard to case: feedetI (a Foshan model) is feedetl. */
function nodes(v: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const name = k.toLowerCase();
    out[name === 'feedeti' ? 'feedetl' : name] = x;
  }
  return out;
}

/**
 * 4204. Every line goes only when no 记账流水号 is named and nothing else was sent: a node Yibao does
 * not know (a line named under another name) is refused rather than read as "all".
 */
export const selfPayDeleteInput = z
  .preprocess(
    nodes,
    z
      .looseObject({
        feedetail: z.object({ fixmedins_mdtrt_id: code(30) }),
        feedetl: z.preprocess((v) => v ?? {}, z.object({ bkkp_sn: optText(30) })),
      })
      .superRefine((i, ctx) => {
        const unknown = Object.keys(i).filter((k) => k !== 'feedetail' && k !== 'feedetl');
        if (unknown.length > 0) {
          ctx.addIssue({ code: 'custom', message: `未识别的节点 ${unknown.slice(0, 5).join('、')}` });
        }
      }),
  )
  .transform((i) => ({ mdtrtId: i.feedetail.fixmedins_mdtrt_id, sn: i.feedetl.bkkp_sn }));

export const MAX_SELFPAY_PAGE = 1000;
const pageCount = (fallback: number, max: number) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? fallback : v),
    count.pipe(z.number().min(1).max(max)),
  );

/** 4207 / 4209: one visit's lines or diagnoses, by page (the first, 100 rows, when not said). */
export const selfPayQueryInput = z
  .preprocess(
    flatOrData,
    z.object({
      fixmedins_mdtrt_id: code(30),
      page_num: pageCount(1, 100_000),
      page_size: pageCount(100, MAX_SELFPAY_PAGE),
    }),
  )
  .transform((q) => ({ mdtrtId: q.fixmedins_mdtrt_id, page: q.page_num, pageSize: q.page_size }));
