// 2601 冲正: a HIS that never saw the answer to a transaction reverses it by the msgid it sent
// (omsgid) and its number (oinfno). A writing transaction records what would undo it (Undo); the
// rule below decides, from that record, what 2601 does — or refuses with a coded error.
import { badRequest, conflict } from '../shared/errors.ts';
import { INFNO_VARIANTS, TRANSACTIONS } from './envelope.ts';

/** What undoes a transaction, recorded with its message. */
export type Undo =
  | { kind: 'settlement'; setlId: string; mdtrtId: string; psnNo: string; inpatient: boolean }
  | { kind: 'visit'; mdtrtId: string; psnNo: string; inpatient: boolean }
  | { kind: 'fees'; mdtrtId: string; psnNo: string; inpatient: boolean; lineNos: string[] }
  | { kind: 'discharge'; mdtrtId: string; psnNo: string };

/** The transactions 2601 can reverse, and what reverses them. */
export const REVERSIBLE: Readonly<Record<string, string>> = {
  '2201': '2202 门诊挂号撤销',
  '2204': '2205 门诊费用明细撤销',
  '2207': '2208 门诊结算撤销',
  '2301': '2302 住院费用明细撤销',
  '2304': '2305 住院结算撤销',
  '2401': '2404 入院撤销',
  '2402': '2405 出院撤销',
};

const normal = (infno: string) => INFNO_VARIANTS[infno] ?? infno;

export type CorrectionPlan = { action: 'undo'; undo: Undo } | { action: 'reserve' };

/**
 * What a 2601 does with the original message (null: Yibao never processed that msgid — it is then
 * reserved as reversed, so the original arriving late is refused).
 */
export function planCorrection(
  req: { psnNo: string; originalMsgid: string; originalInfno: string; msgid: string },
  original: { infno: string; undo: Undo | null; reversedBy: string | null } | null,
): CorrectionPlan {
  const oinfno = normal(req.originalInfno);
  if (req.originalMsgid === req.msgid) {
    throw badRequest('HIS_CORRECTION_SELF', '冲正报文不能冲正自身（omsgid 与 msgid 相同）');
  }
  if (!REVERSIBLE[oinfno]) {
    const name = (TRANSACTIONS as Record<string, string>)[oinfno];
    throw badRequest(
      'HIS_NOT_REVERSIBLE',
      `交易 ${req.originalInfno}${name ? `（${name}）` : ''}不能冲正；可冲正的交易：${Object.keys(REVERSIBLE).join('、')}`,
    );
  }
  if (!original) return { action: 'reserve' };
  if (normal(original.infno) !== oinfno) {
    throw badRequest(
      'HIS_CORRECTION_INFNO',
      `原报文 ${req.originalMsgid} 的交易编号为 ${original.infno}，与 oinfno ${req.originalInfno} 不符`,
    );
  }
  if (original.reversedBy) {
    throw conflict(
      'HIS_ALREADY_CORRECTED',
      `原报文 ${req.originalMsgid} 已于冲正报文 ${original.reversedBy} 冲正`,
    );
  }
  if (!original.undo) {
    throw badRequest('HIS_NOT_REVERSIBLE', `原报文 ${req.originalMsgid} 的交易没有可冲正的内容`);
  }
  if (original.undo.psnNo !== req.psnNo) {
    throw badRequest('HIS_CORRECTION_PERSON', `原报文 ${req.originalMsgid} 不是人员 ${req.psnNo} 的交易`);
  }
  return { action: 'undo', undo: original.undo };
}
