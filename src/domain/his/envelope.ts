// The national interface's JSON envelope: the request around every transaction's input nodes and
// the response around its output nodes. Failures answer infcode -1 with a Chinese err_msg.
import { z } from 'zod';
import { badRequest } from '../shared/errors.ts';
import { code, optText, parseWith } from './schema.ts';
import { wireStamp } from './wire.ts';

/** infno → Chinese name; the transactions Yibao serves. */
export const TRANSACTIONS = {
  '9001': '签到',
  '9002': '签退',
  '1101': '人员信息获取',
  '2001': '人员待遇享受检查',
  '2201': '门诊挂号',
  '2202': '门诊挂号撤销',
  '2203': '门诊就诊信息上传',
  '2204': '门诊费用明细上传',
  '2205': '门诊费用明细撤销',
  '2206': '门诊预结算',
  '2207': '门诊结算',
  '2208': '门诊结算撤销',
  '2301': '住院费用明细上传',
  '2302': '住院费用明细撤销',
  '2303': '住院预结算',
  '2304': '住院结算',
  '2305': '住院结算撤销',
  '2401': '入院办理',
  '2402': '出院办理',
  '2403': '入院信息变更',
  '2404': '入院撤销',
  '2405': '出院撤销',
  '2501': '转院备案',
  '2502': '转院备案撤销',
  '2505': '人员定点备案',
  '2506': '人员定点备案撤销',
  '2601': '冲正交易',
  '3101': '明细审核事前分析',
  '3102': '明细审核事中分析',
  '3103': '事前事中服务反馈',
  '3201': '对总账',
  '3202': '明细对账',
  '3301': '目录对照上传',
  '3302': '目录对照撤销',
  '5201': '就诊信息查询',
  '5202': '诊断信息查询',
  '5203': '结算信息查询',
  '5204': '费用明细查询',
  '5205': '人员慢特病用药记录查询',
  '5206': '人员累计信息查询',
  '5301': '人员慢特病备案查询',
  '5302': '人员定点信息查询',
  '5303': '在院信息查询',
  '5304': '转院信息查询',
  '5102': '医执人员信息查询',
  '5101': '科室信息查询',
  '3401': '科室信息上传',
  '3402': '科室信息变更',
  '3403': '科室信息撤销',
  '3501': '商品盘存上传',
  '3502': '商品信息变更',
  '3503': '商品采购',
  '3504': '商品采购退货',
  '3505': '商品销售',
  '3506': '商品销售退货',
  '3507': '商品信息删除',
  '4101': '医疗保障基金结算清单信息上传',
  '4102': '医疗保障基金结算清单信息状态修改',
  '4301': '门急诊诊疗记录',
  '4302': '急诊留观手术及抢救信息',
  '4201': '自费病人住院费用明细信息上传',
  '4202': '自费病人住院就诊和诊断信息上传',
  '4203': '自费病人就诊以及费用明细上传完成',
  '4204': '自费病人费用明细删除',
  '4205': '自费病人门诊就诊信息、诊断和明细上传',
  '4207': '自费病人费用明细查询',
  '4209': '自费病人就诊诊断信息查询',
  '4401': '病案首页信息上传',
  '4402': '医嘱信息上传',
  '4701': '电子病历上传',
  '1201': '医药机构信息获取',
  '1312': '医保目录信息查询',
  '1316': '医疗目录与医保目录匹配信息查询',
  '1317': '医药机构目录匹配信息查询',
  '1318': '医保目录限价信息查询',
  '1319': '医保目录先自付比例信息查询',
  '1901': '字典表查询',
  '9101': '文件上传',
  '9102': '文件下载',
} as const;

export type Infno = keyof typeof TRANSACTIONS;

export const isInfno = (v: string): v is Infno => Object.hasOwn(TRANSACTIONS, v);

/**
 * Variants real HIS send under another number, with the same body: 2203A is the 2203 visit
 * upload several vendors use. The reply and the message log keep the number as sent.
 */
export const INFNO_VARIANTS: Readonly<Record<string, Infno>> = {
  '2203A': '2203',
  '2501A': '2501',
  '3401A': '3401',
  // the batch forms of 进销存 (their lists named invinfoDetail, purcinfoDetail, selinfoDetail)
  '3502A': '3502',
  '3503A': '3503',
  '3504A': '3504',
  '3505A': '3505',
  '3506A': '3506',
  '4101A': '4101',
  '4201A': '4201',
};

export const envelopeSchema = z.object({
  infno: code(10),
  msgid: code(30),
  mdtrtarea_admvs: optText(6),
  insuplc_admdvs: optText(6),
  recer_sys_code: optText(10),
  dev_no: optText(100),
  dev_safe_info: optText(2000),
  cainfo: optText(4000),
  signtype: optText(10),
  infver: optText(6),
  opter_type: optText(3),
  opter: optText(30),
  opter_name: optText(50),
  inf_time: optText(19),
  fixmedins_code: code(12),
  fixmedins_name: optText(200),
  sign_no: optText(30),
  // a transaction without input (5101) is sent by some HIS as "input": ""
  input: z.preprocess((v) => (v === '' ? {} : v), z.record(z.string(), z.unknown())),
});

export interface HisRequest {
  infno: Infno;
  /** as sent (2203A); infno is the transaction it stands for */
  sentInfno: string;
  msgid: string;
  mdtrtareaAdmvs: string | null;
  insuplcAdmdvs: string | null;
  opter: string;
  opterName: string | null;
  fixmedinsCode: string;
  signNo: string | null;
  input: Record<string, unknown>;
}

/** The first-seen parts of a request, kept even when the rest fails, for the error response. */
export function peekMsgid(body: unknown): string {
  if (body && typeof body === 'object' && 'msgid' in body) {
    const m = (body as { msgid: unknown }).msgid;
    if (typeof m === 'string' || typeof m === 'number') return String(m).slice(0, 30);
  }
  return '';
}

/** Validate the envelope. An unknown infno is a failure with its own message. */
export function parseEnvelope(body: unknown): HisRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('HIS_ENVELOPE_INVALID', '请求报文必须是 JSON 对象');
  }
  const e = parseWith(envelopeSchema, body, '');
  const variant = e.infno.toUpperCase();
  const infno = isInfno(e.infno)
    ? e.infno
    : Object.hasOwn(INFNO_VARIANTS, variant)
      ? INFNO_VARIANTS[variant]
      : null;
  if (!infno) throw badRequest('HIS_UNKNOWN_INFNO', `未知的交易编号 infno：${e.infno}`);
  return {
    infno,
    sentInfno: e.infno,
    msgid: e.msgid,
    mdtrtareaAdmvs: e.mdtrtarea_admvs,
    insuplcAdmdvs: e.insuplc_admdvs,
    opter: e.opter ?? '',
    opterName: e.opter_name,
    fixmedinsCode: e.fixmedins_code,
    signNo: e.sign_no,
    input: e.input,
  };
}

export interface HisResponse {
  infcode: 0 | -1;
  inf_refmsgid: string;
  refmsg_time: string;
  respond_time: string;
  err_msg: string;
  warn_msg: string;
  output: Record<string, unknown>;
}

export interface ResponseTimes {
  refmsgid: string;
  received: Date;
  answered: Date;
}

export function okResponse(
  t: ResponseTimes,
  output: Record<string, unknown>,
  warnings: string[] = [],
): HisResponse {
  return {
    infcode: 0,
    inf_refmsgid: t.refmsgid,
    refmsg_time: wireStamp(t.received),
    respond_time: wireStamp(t.answered),
    err_msg: '',
    warn_msg: warnings.join('；'),
    output,
  };
}

export function errorResponse(t: ResponseTimes, message: string): HisResponse {
  return {
    infcode: -1,
    inf_refmsgid: t.refmsgid,
    refmsg_time: wireStamp(t.received),
    respond_time: wireStamp(t.answered),
    err_msg: message,
    warn_msg: '',
    output: {},
  };
}

/** Receiver message id: yyyyMMddHHmmssSSS + a 6-digit per-process serial (S(30)). */
export function refMsgId(received: Date, serial: number): string {
  return `${wireStamp(received)}${String(serial % 1_000_000).padStart(6, '0')}`;
}
